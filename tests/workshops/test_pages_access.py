"""Access control through the pages (AppTest, tokens in the query string), and the pages'
workshop journey: create, join, dashboard, comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from ptce_assist.storage import DossierStore
from ptce_assist.storage.schema import workshops
from ptce_assist.ui.fields import select_key
from ptce_assist.ui.roles import NOT_ADVISER_MESSAGE
from ptce_assist.workshops.access import DENIED_MESSAGE, JOIN_REFUSED_MESSAGE, WorkshopService
from ptce_assist.workshops.codes import format_join_code
from ptce_assist.workshops.config import BRAKE_BASE_ENV
from ptce_assist.workshops.passphrase import HASH_ENV
from tests.apptest_support import APP, TIMEOUT, new_store
from tests.workshops.conftest import CONFIG, PASSPHRASE

DASHBOARD = "app_pages/tableau_de_bord.py"
JOIN = "app_pages/atelier_rejoindre.py"
CREATE = "app_pages/atelier_creer.py"


@pytest.fixture
def store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passphrase_hash: str
) -> Iterator[DossierStore]:
    monkeypatch.setenv(HASH_ENV, passphrase_hash)
    # Blocks of 30 s: a slow machine cannot see one expire during the test (none is waited out).
    monkeypatch.setenv(BRAKE_BASE_ENV, "30")
    monkeypatch.setenv("PTCE_DATABASE_URL", "")  # restored after new_store overwrites it
    store = new_store(tmp_path)
    yield store
    store.engine.dispose()


@pytest.fixture
def service(store: DossierStore, passphrase_hash: str) -> WorkshopService:
    return WorkshopService(store.engine, CONFIG, passphrase_hash)


def page(path: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(path)
    return at.run()


def everything_shown(at: AppTest) -> str:
    parts: list[str] = []
    for kind in ("markdown", "text", "code", "caption", "title", "subheader", "error", "info"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    for frame in [*at.dataframe, *at.table]:
        parts.append(frame.value.to_csv())
    for box in at.selectbox:
        parts.extend(str(o) for o in box.options)
    return "\n".join(parts)


def two_workshops(service: WorkshopService) -> dict[str, object]:
    today = [dt.date.today()]
    a = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier A", region="84", days=today
    )
    b = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier B", region="53", days=today
    )
    token_a, stored_a = service.dossiers.create()
    token_b, stored_b = service.dossiers.create()
    service.dossiers.set_field(token_a, "project.name", "Équipe Alpha", expected="")
    service.dossiers.set_field(token_b, "project.name", "Équipe Bêta", expected="")
    service.dossiers.set_field(token_b, "rubrics.objectifs", "Secret de Bêta", expected="")
    service.join(token_a, a.workshop.join_code, "t")
    service.join(token_b, b.workshop.join_code, "t")
    service.add_comment(a.adviser_token, stored_a.id, "rubric", "objectifs", "Note pour Alpha", "C")
    service.add_comment(b.adviser_token, stored_b.id, "rubric", "objectifs", "Note pour Bêta", "C")
    return {
        "a": a,
        "b": b,
        "token_a": token_a,
        "token_b": token_b,
        "id_a": stored_a.id,
        "id_b": stored_b.id,
    }


# -- advisers --------------------------------------------------------------------------------


def test_dashboard_without_link_is_refused(store: DossierStore) -> None:
    at = page(DASHBOARD)
    assert not at.exception
    assert [e.value for e in at.error] == [NOT_ADVISER_MESSAGE]
    assert len(at.table) == 0


@pytest.mark.parametrize("bad", ["x" * 32, "court", "A" * 64])
def test_dashboard_with_wrong_link_reveals_nothing(service: WorkshopService, bad: str) -> None:
    two_workshops(service)
    at = page(DASHBOARD, a=bad)
    assert not at.exception
    assert [e.value for e in at.error] == [DENIED_MESSAGE]
    shown = everything_shown(at)
    assert "Atelier" not in shown.replace(DENIED_MESSAGE, "") and "Équipe" not in shown
    assert len(at.table) == 0


def test_adviser_of_a_sees_a_only(service: WorkshopService) -> None:
    data = two_workshops(service)
    at = page(DASHBOARD, a=data["a"].adviser_token)  # type: ignore[attr-defined]
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["role"] == "adviser"
    table = at.table[0].value
    assert list(table.index) == ["Équipe Alpha"]
    at.selectbox(key="dash_open").select(data["id_a"]).run()
    shown = everything_shown(at)
    assert "Équipe Alpha" in shown and "Note pour Alpha" in shown
    assert "Bêta" not in shown and "Atelier B" not in shown


def test_role_is_checked_again_on_every_run(service: WorkshopService) -> None:
    data = two_workshops(service)
    at = page(DASHBOARD, a=data["a"].adviser_token)  # type: ignore[attr-defined]
    assert len(at.table) == 1
    with service.dossiers.engine.begin() as conn:  # the link expires while the page is open
        conn.execute(update(workshops).values(adviser_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    at.run()
    assert [e.value for e in at.error] == [DENIED_MESSAGE]
    assert len(at.table) == 0
    assert "role" not in at.session_state


def test_adviser_comments_from_the_dashboard(service: WorkshopService) -> None:
    data = two_workshops(service)
    at = page(DASHBOARD, a=data["a"].adviser_token)  # type: ignore[attr-defined]
    at.selectbox(key="dash_open").select(data["id_a"]).run()
    form = f"comment_form:{data['id_a']}::"
    at.selectbox(key=f"{form}:target").select(("criterion", "emplois"))
    at.text_area(key=f"{form}:body").input("Chiffrez les emplois créés.")
    at.text_input(key=f"{form}:author").input("Camille, CRESS")
    at.button[[b.label for b in at.button].index("Publier le commentaire")].click().run()
    assert not at.exception, [e.value for e in at.exception]
    mine = service.my_comments(data["token_a"], "criterion")  # type: ignore[arg-type]
    assert [(c.body, c.author) for c in mine] == [("Chiffrez les emplois créés.", "Camille, CRESS")]


# -- candidates ------------------------------------------------------------------------------


def test_candidate_sees_only_comments_on_their_dossier(service: WorkshopService) -> None:
    data = two_workshops(service)
    at = page(JOIN, d=data["token_a"])  # type: ignore[arg-type]
    assert not at.exception, [e.value for e in at.exception]
    shown = everything_shown(at)
    assert "Note pour Alpha" in shown and "Atelier A" in shown
    assert "Bêta" not in shown and "Atelier B" not in shown


def test_forged_candidate_token_reads_and_writes_nothing(service: WorkshopService) -> None:
    data = two_workshops(service)
    forged = data["token_b"][:-2] + "zz"  # type: ignore[index]
    at = page(JOIN, d=forged)
    assert "ne correspond à aucun dossier" in at.error[0].value
    assert "Bêta" not in everything_shown(at)
    before = service.dossiers.load(data["token_b"])  # type: ignore[arg-type]
    at = page("app_pages/identite.py", d=forged)
    assert not at.text_input  # no field to write into
    assert service.dossiers.load(data["token_b"]) == before  # type: ignore[arg-type]


def test_rubric_page_shows_and_resolves_comment(service: WorkshopService) -> None:
    from streamlit.util import calc_hash

    data = two_workshops(service)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["d"] = data["token_a"]
    at.run()
    at._page_hash = calc_hash("objectifs")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Note pour Alpha" in everything_shown(at)
    assert "Note pour Bêta" not in everything_shown(at)
    resolve = [b for b in at.button if b.label == "Marquer comme résolu"]
    assert len(resolve) == 1
    resolve[0].click().run()
    assert service.my_comments(data["token_a"])[0].resolved  # type: ignore[arg-type]


def test_join_with_code_then_leave(service: WorkshopService) -> None:
    data = two_workshops(service)
    token, _ = service.dossiers.create()
    at = page(JOIN, d=token)
    at.text_input(key="join_code").input("ZZZZ-ZZZZ")
    at.button[[b.label for b in at.button].index("Rejoindre l'atelier")].click().run()
    assert [e.value for e in at.error] == [JOIN_REFUSED_MESSAGE]
    code = format_join_code(data["a"].workshop.join_code).lower()  # type: ignore[attr-defined]
    at.text_input(key="join_code").input(code)
    at.button[[b.label for b in at.button].index("Rejoindre l'atelier")].click().run()
    assert not at.error
    assert [w.name for w in service.my_workshops(token)] == ["Atelier A"]
    at.button[[b.label for b in at.button].index("Quitter cet atelier")].click().run()
    assert service.my_workshops(token) == []


# -- creating a workshop ---------------------------------------------------------------------


def fill_creation(at: AppTest, passphrase: str) -> AppTest:
    at.text_input(key="workshop_name").input("Atelier de Valence")
    at.selectbox(key="workshop_region").select("84")
    at.text_input(key="workshop_passphrase").input(passphrase)
    return at.button[[b.label for b in at.button].index("Créer l'atelier")].click().run()


def test_create_workshop_with_passphrase(service: WorkshopService) -> None:
    at = page(CREATE)
    fill_creation(at, "pas la bonne phrase")
    assert [e.value for e in at.error] == ["Phrase secrète incorrecte."]
    fill_creation(at, PASSPHRASE)
    assert not at.exception and not at.error
    codes = [c.value for c in at.code]
    assert len(codes) == 2
    join_code, link = codes
    created = service.workshops.by_join_code(join_code.replace("-", ""))
    assert created is not None and created.name == "Atelier de Valence"
    token = link.rsplit("a=", 1)[1]
    assert service.adviser_workshop(token).id == created.id
    assert at.session_state["role"] == "adviser"


def test_guessing_in_the_page_is_slowed(service: WorkshopService) -> None:
    at = page(CREATE)
    errors = []
    for n in range(CONFIG.passphrase_free_per_client + 2):
        fill_creation(at, f"essai {n}")
        errors.append(at.error[0].value)
    assert errors[-1].startswith("Trop d'essais infructueux : réessayez dans")
    fill_creation(at, PASSPHRASE)  # still blocked, however right
    assert at.error[0].value.startswith("Trop d'essais")


def test_creation_disabled_without_configured_passphrase(
    store: DossierStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(HASH_ENV)
    monkeypatch.chdir(tmp_path)  # no .streamlit/secrets.toml here
    monkeypatch.setenv("HOME", str(tmp_path))
    at = page(CREATE)
    assert not at.exception
    assert "n'est pas configurée" in at.warning[0].value
    assert not [b for b in at.button if b.label == "Créer l'atelier"]


def test_rubric_page_shows_changes_since_last_session(service: WorkshopService) -> None:
    from streamlit.util import calc_hash

    yesterday = dt.date.today() - dt.timedelta(days=1)
    created = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier", region="84", days=[yesterday]
    )
    token, _ = service.dossiers.create()
    service.join(token, created.workshop.join_code, "t")
    service.dossiers.set_field(token, "rubrics.objectifs", "Écrit après la séance.", expected="")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["d"] = token
    at.run()
    at._page_hash = calc_hash("objectifs")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    label = f"Ce qui a changé depuis la séance du {yesterday.strftime('%d/%m/%Y')}"
    assert label in [e.label for e in at.expander]
    assert "+ Écrit après la séance." in [c.value for c in at.code]


# -- adviser scoring on the self-assessment ----------------------------------------------------

AUTOEVALUATION = "app_pages/autoevaluation.py"
ADVISER_SCORE = select_key("diagnostic.self_assessment.adviser.emplois.score")


def _scores_shown(at: AppTest) -> bool:
    return any(box.key == ADVISER_SCORE for box in at.selectbox)


def test_adviser_scores_only_the_dossiers_of_their_workshop(
    service: WorkshopService, store: DossierStore
) -> None:
    data = two_workshops(service)
    adviser_a = data["a"].adviser_token  # type: ignore[attr-defined]
    own = page(AUTOEVALUATION, d=str(data["token_a"]), a=adviser_a)
    assert not own.exception
    assert _scores_shown(own)
    own.selectbox(key=ADVISER_SCORE).select("2").run()
    stored = store.load(str(data["token_a"]))
    assert stored is not None
    assert stored.dossier.diagnostic.self_assessment.adviser["emplois"].score == "2"

    # Holding team B's link does not make the adviser of workshop A B's adviser.
    other = page(AUTOEVALUATION, d=str(data["token_b"]), a=adviser_a)
    assert not other.exception
    assert not _scores_shown(other)


def test_a_role_written_in_the_session_is_not_enough(
    service: WorkshopService, store: DossierStore
) -> None:
    data = two_workshops(service)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["d"] = str(data["token_a"])
    at.session_state["role"] = "adviser"  # no adviser link: the page must not trust it
    at.run()
    at.switch_page(AUTOEVALUATION).run()
    assert not at.exception
    assert not _scores_shown(at)


def test_adviser_removes_a_member_and_renews_the_code_from_the_dashboard(
    service: WorkshopService,
) -> None:
    data = two_workshops(service)
    workshop_a = data["a"]
    token = workshop_a.adviser_token  # type: ignore[attr-defined]
    at = page(DASHBOARD, a=token)
    assert not at.exception, [e.value for e in at.exception]
    assert "Équipe Alpha" in [t.value for t in at.text]
    at.button(key=f"p:remove:{data['id_a']}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert service.members(token) == []
    assert any("ne fait plus partie" in s.value for s in at.success)
    assert len(at.dataframe) == 0  # the dashboard no longer shows the dossier
    old_code = workshop_a.workshop.join_code  # type: ignore[attr-defined]
    at.button(key="p:renew-code").click().run()
    new_code = service.adviser_workshop(token).join_code
    assert new_code != old_code
    assert format_join_code(new_code) in [c.value for c in at.code]
    assert format_join_code(old_code) not in [c.value for c in at.code]
