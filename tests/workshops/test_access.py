"""Access control in the domain and storage: candidates, advisers, the passphrase, the brake.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, update

from ptce_assist.storage import DossierStore, UnknownDossier
from ptce_assist.storage.schema import workshops
from ptce_assist.storage.tokens import token_hash
from ptce_assist.workshops import access
from ptce_assist.workshops.access import (
    DENIED_MESSAGE,
    JOIN_REFUSED_MESSAGE,
    AccessDenied,
    CreatedWorkshop,
    CreationDisabled,
    PassphraseRefused,
    Slowed,
    WorkshopInputError,
    WorkshopService,
)
from ptce_assist.workshops.codes import format_join_code
from tests.workshops.conftest import CONFIG, PASSPHRASE, FakeClock

DAY = dt.date.today()


def create(
    service: WorkshopService, name: str = "Atelier Drôme", client: str = "c1"
) -> CreatedWorkshop:
    return service.create_workshop(
        passphrase=PASSPHRASE, client=client, name=name, region="84", days=[DAY]
    )


def team(service: WorkshopService, name: str) -> str:
    token, _ = service.dossiers.create()
    service.dossiers.set_field(token, "project.name", name, expected="")
    return token


# -- candidates ------------------------------------------------------------------------------


def test_candidate_token_reaches_only_its_dossier(service: WorkshopService) -> None:
    token_a, token_b = team(service, "Pôle A"), team(service, "Pôle B")
    stored_a = service.dossiers.load(token_a)
    stored_b = service.dossiers.load(token_b)
    assert stored_a is not None and stored_b is not None
    assert stored_a.dossier.project.name == "Pôle A"
    forged = "x" * 32
    assert service.dossiers.load(forged) is None
    with pytest.raises(UnknownDossier):
        service.dossiers.set_field(forged, "project.name", "Pirate", expected="Pôle A")
    assert service.dossiers.load(token_a).dossier.project.name == "Pôle A"  # type: ignore[union-attr]


def test_candidate_cannot_touch_another_dossiers_comments(service: WorkshopService) -> None:
    created = create(service)
    token_a, token_b = team(service, "Pôle A"), team(service, "Pôle B")
    code = created.workshop.join_code
    service.join(token_a, code, "a")
    service.join(token_b, code, "b")
    stored_a = service.dossiers.load(token_a)
    assert stored_a is not None
    comment = service.add_comment(
        created.adviser_token, stored_a.id, "rubric", "objectifs", "Pour A seulement", "Camille"
    )
    assert [c.body for c in service.my_comments(token_a)] == ["Pour A seulement"]
    assert service.my_comments(token_b) == []
    assert service.resolve_comment(token_b, comment.id) is False
    assert not service.my_comments(token_a)[0].resolved
    assert service.resolve_comment(token_a, comment.id) is True
    assert service.my_comments(token_a)[0].resolved


def test_candidate_cannot_detach_another_dossier(service: WorkshopService) -> None:
    created = create(service)
    token_a, token_b = team(service, "Pôle A"), team(service, "Pôle B")
    service.join(token_a, created.workshop.join_code, "a")
    assert service.leave(token_b, created.workshop.id) is False
    assert len(service.workshop_dossiers(created.adviser_token)) == 1


def test_join_then_leave(service: WorkshopService) -> None:
    created = create(service)
    token = team(service, "Pôle A")
    joined = service.join(token, format_join_code(created.workshop.join_code).lower(), "a")
    assert joined.id == created.workshop.id
    assert [w.id for w in service.my_workshops(token)] == [created.workshop.id]
    assert [s.dossier.project.name for s in service.workshop_dossiers(created.adviser_token)] == [
        "Pôle A"
    ]
    assert service.leave(token, created.workshop.id) is True
    assert service.my_workshops(token) == []
    assert service.workshop_dossiers(created.adviser_token) == []


def test_unknown_and_expired_codes_get_the_same_answer(
    service: WorkshopService, store_engine: Engine
) -> None:
    created = create(service)
    token = team(service, "Pôle A")
    with pytest.raises(AccessDenied) as unknown:
        service.join(token, "ZZZZ-ZZZZ", "a")
    with store_engine.begin() as conn:
        conn.execute(update(workshops).values(join_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    with pytest.raises(AccessDenied) as expired:
        service.join(token, created.workshop.join_code, "b")
    assert str(unknown.value) == str(expired.value) == JOIN_REFUSED_MESSAGE


# -- advisers --------------------------------------------------------------------------------


def test_adviser_of_a_cannot_see_b(service: WorkshopService) -> None:
    a = create(service, "Atelier A")
    b = create(service, "Atelier B")
    token_a, token_b = team(service, "Équipe de A"), team(service, "Équipe de B")
    service.join(token_a, a.workshop.join_code, "x")
    service.join(token_b, b.workshop.join_code, "y")
    in_b = service.dossiers.load(token_b)
    assert in_b is not None
    names = [s.dossier.project.name for s in service.workshop_dossiers(a.adviser_token)]
    assert names == ["Équipe de A"]
    with pytest.raises(AccessDenied):
        service.workshop_dossier(a.adviser_token, in_b.id)
    with pytest.raises(AccessDenied):
        service.dossier_comments(a.adviser_token, in_b.id)
    with pytest.raises(AccessDenied):
        service.add_comment(a.adviser_token, in_b.id, "rubric", "objectifs", "Intrus", "X")
    with pytest.raises(AccessDenied):
        service.texts_at(a.adviser_token, in_b.id, dt.datetime.now(dt.UTC))
    assert service.my_comments(token_b) == []
    # Once the team of B leaves, B's adviser loses it too.
    service.leave(token_b, b.workshop.id)
    with pytest.raises(AccessDenied):
        service.workshop_dossier(b.adviser_token, in_b.id)


def test_wrong_and_expired_adviser_links_reveal_nothing(
    service: WorkshopService, store_engine: Engine
) -> None:
    created = create(service)
    messages = []
    # The real link with its last character changed (a URL-safe token ends in « A » once in 64:
    # replacing the last character by « A » then gave the real link back, and CI failed on it).
    last = "B" if created.adviser_token.endswith("A") else "A"
    for bad in (None, "", "court", "y" * 32, created.adviser_token[:-1] + last):
        with pytest.raises(AccessDenied) as denied:
            service.adviser_workshop(bad)
        messages.append(str(denied.value))
    later = created.workshop.adviser_until + dt.timedelta(seconds=1)
    with pytest.raises(AccessDenied) as expired:
        service.adviser_workshop(created.adviser_token, now=later)
    messages.append(str(expired.value))
    assert set(messages) == {DENIED_MESSAGE}
    assert service.adviser_workshop(created.adviser_token).id == created.workshop.id


def test_only_the_token_hash_is_stored(service: WorkshopService, store_engine: Engine) -> None:
    created = create(service)
    with store_engine.connect() as conn:
        row = conn.execute(workshops.select()).one()
    assert created.adviser_token not in str(tuple(row))
    assert row.adviser_token_hash == token_hash(created.adviser_token)
    assert len(created.adviser_token) >= 22  # 128 bits in URL-safe base64


def test_comment_targets_are_checked(service: WorkshopService) -> None:
    created = create(service)
    token = team(service, "Pôle A")
    service.join(token, created.workshop.join_code, "a")
    stored = service.dossiers.load(token)
    assert stored is not None
    with pytest.raises(WorkshopInputError):
        service.add_comment(created.adviser_token, stored.id, "rubric", "inconnue", "x", "A")
    with pytest.raises(WorkshopInputError):
        service.add_comment(created.adviser_token, stored.id, "criterion", "emplois", "  ", "A")
    comment = service.add_comment(
        created.adviser_token, stored.id, "criterion", "emplois", "Chiffrez les emplois.", ""
    )
    assert comment.author == "Conseil CRESS"
    assert [c.target_id for c in service.my_comments(token, "criterion")] == ["emplois"]


# -- passphrase and brake --------------------------------------------------------------------


def test_wrong_passphrase_refused(service: WorkshopService) -> None:
    with pytest.raises(PassphraseRefused):
        service.create_workshop(
            passphrase=PASSPHRASE + " ", client="c", name="Atelier", region="84", days=[DAY]
        )
    with pytest.raises(AccessDenied):
        service.adviser_workshop("z" * 32)


def test_no_configured_passphrase_disables_creation(store_engine: Engine) -> None:
    service = WorkshopService(store_engine, CONFIG, passphrase_hash=None)
    with pytest.raises(CreationDisabled):
        create(service)


def test_form_mistakes_cost_no_attempt(service: WorkshopService) -> None:
    for _ in range(10):
        with pytest.raises(WorkshopInputError):
            service.create_workshop(passphrase="faux", client="c", name="", region="84", days=[DAY])
    create(service, client="c")  # not slowed


def test_guessing_the_passphrase_is_slowed(
    clocked: WorkshopService, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    real_verify = access.verify_passphrase

    def counting(stored: str, candidate: str) -> bool:
        checked.append(candidate)
        return real_verify(stored, candidate)

    monkeypatch.setattr(access, "verify_passphrase", counting)
    free = CONFIG.passphrase_free_per_client
    for n in range(free + 1):  # free failures, then one that sets the first block
        with pytest.raises(PassphraseRefused):
            clocked.create_workshop(
                passphrase=f"essai {n}", client="robot", name="A", region="84", days=[DAY]
            )
    with pytest.raises(Slowed) as slowed:
        create(clocked, client="robot")  # even the right passphrase waits
    assert len(checked) == free + 1  # refused without being checked
    assert slowed.value.wait_seconds == CONFIG.brake.base_seconds
    assert "réessayez dans 1 seconde" in str(slowed.value)
    create(clocked, client="quelqu'un d'autre")  # another client is not blocked
    clock.advance(CONFIG.brake.base_seconds - 0.01)
    with pytest.raises(Slowed):
        create(clocked, client="robot")
    clock.advance(0.01)
    create(clocked, client="robot")  # after the delay, the right passphrase works


def test_block_doubles_with_each_failure(clocked: WorkshopService, clock: FakeClock) -> None:
    def wrong() -> None:
        clocked.create_workshop(
            passphrase="faux", client="robot", name="A", region="84", days=[DAY]
        )

    for _ in range(CONFIG.passphrase_free_per_client):
        with pytest.raises(PassphraseRefused):
            wrong()
    waits = []
    for _ in range(5):
        with pytest.raises(PassphraseRefused):
            wrong()  # this failure sets the next block
        with pytest.raises(Slowed) as slowed:
            wrong()
        waits.append(slowed.value.wait_seconds)
        clock.advance(slowed.value.wait_seconds)
    base = CONFIG.brake.base_seconds
    assert waits == [base, 2 * base, 4 * base, CONFIG.brake.max_seconds, CONFIG.brake.max_seconds]


def test_failures_are_forgotten_after_a_quiet_hour(
    clocked: WorkshopService, clock: FakeClock
) -> None:
    for _ in range(CONFIG.passphrase_free_per_client + 1):
        with pytest.raises(PassphraseRefused):
            clocked.create_workshop(
                passphrase="faux", client="robot", name="A", region="84", days=[DAY]
            )
    clock.advance(3601)
    for _ in range(CONFIG.passphrase_free_per_client + 1):  # free attempts again
        with pytest.raises(PassphraseRefused):
            clocked.create_workshop(
                passphrase="faux", client="robot", name="A", region="84", days=[DAY]
            )


def test_guessing_join_codes_is_slowed(clocked: WorkshopService, clock: FakeClock) -> None:
    created = create(clocked)
    token = team(clocked, "Pôle A")
    for n in range(CONFIG.join_free_per_client + 1):
        with pytest.raises(AccessDenied):
            clocked.join(token, f"AAAA-AAA{'23456789'[n]}", "robot")
    with pytest.raises(Slowed):
        clocked.join(token, created.workshop.join_code, "robot")
    assert clocked.my_workshops(token) == []
    clock.advance(CONFIG.brake.base_seconds)
    clocked.join(token, created.workshop.join_code, "robot")
    assert [w.id for w in clocked.my_workshops(token)] == [created.workshop.id]


def test_brake_is_shared_by_processes(
    store_url: str, passphrase_hash: str, clock: FakeClock
) -> None:
    """Two engines (as two server processes would have) count the same failures."""
    from ptce_assist.storage import make_engine

    engines = [make_engine(store_url), make_engine(store_url)]
    try:
        services = [WorkshopService(e, CONFIG, passphrase_hash, clock=clock) for e in engines]
        for n in range(CONFIG.passphrase_free_per_client + 1):
            with pytest.raises(PassphraseRefused):
                services[n % 2].create_workshop(
                    passphrase="faux", client="robot", name="A", region="84", days=[DAY]
                )
        with pytest.raises(Slowed):
            create(services[0], client="robot")
        with pytest.raises(Slowed):
            create(services[1], client="robot")
    finally:
        for engine in engines:
            engine.dispose()


def test_dossier_store_unaffected(service: WorkshopService) -> None:
    """The workshop tables leave the base repository as it was."""
    store = DossierStore(service.dossiers.engine)
    token, stored = store.create()
    assert store.load(token) is not None and stored.version == 1


def test_candidate_sees_changes_since_last_session(
    clocked: WorkshopService, clock: FakeClock
) -> None:
    today = clock.now.date()
    created = clocked.create_workshop(
        passphrase=PASSPHRASE,
        client="t",
        name="A",
        region="84",
        days=[today - dt.timedelta(days=7), today + dt.timedelta(days=7)],
    )
    token = team(clocked, "Pôle A")
    assert clocked.my_last_workshop(token) is None  # not in the workshop yet
    clocked.join(token, created.workshop.join_code, "t")
    last = clocked.my_last_workshop(token)
    assert last is not None and last.date() == today - dt.timedelta(days=7)
    other = team(clocked, "Pôle B")
    clocked.dossiers.set_field(other, "rubrics.objectifs", "Texte de B", expected="")
    assert clocked.my_texts_at(token, clock.now + dt.timedelta(days=1)) == {}
