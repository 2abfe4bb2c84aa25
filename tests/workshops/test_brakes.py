"""Brakes per address and per target (issue 17): guessing is slowed, yet nobody else can keep
the right passphrase or code from being checked for its owner; one person cannot fill a
workshop. The scenarios are the ones of the issue, with the server's default allowances."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from ptce_assist.workshops.access import (
    AccessDenied,
    PassphraseRefused,
    Slowed,
    WorkshopService,
    client_key,
)
from ptce_assist.workshops.config import WorkshopConfig
from tests.workshops.conftest import FakeClock
from tests.workshops.test_access import DAY, create, team

DEFAULTS = WorkshopConfig()  # the server's allowances and delays (the clock is fake)


@pytest.fixture
def server(store_engine: Engine, passphrase_hash: str, clock: FakeClock) -> WorkshopService:
    return WorkshopService(store_engine, DEFAULTS, passphrase_hash, clock=clock)


def wrong_passphrases(service: WorkshopService, clock: FakeClock, address: str, n: int) -> None:
    for _ in range(n):
        with pytest.raises((PassphraseRefused, Slowed)):
            service.create_workshop(
                passphrase="pas la bonne", client=address, name="A", region="84", days=[DAY]
            )
        clock.advance(2.3)  # 10 addresses x 4 tries in 92 s, as in the issue


def test_many_addresses_guessing_do_not_lock_the_administrator_out(
    server: WorkshopService, clock: FakeClock
) -> None:
    for n in range(10):
        wrong_passphrases(server, clock, f"203.0.113.{n}", 4)
    created = create(server, client="198.51.100.7")  # right passphrase, new address
    assert created.workshop.name == "Atelier Drôme"


def test_many_addresses_guessing_codes_do_not_keep_a_team_out(
    server: WorkshopService, clock: FakeClock
) -> None:
    workshop = create(server).workshop
    guessers = [team(server, f"Robot {n}") for n in range(21)]
    for n, token in enumerate(guessers):
        for k in range(11):
            with pytest.raises((AccessDenied, Slowed)):
                server.join(token, f"ZZZZ-ZZ{'23456789ABCD'[k]}Z", f"203.0.113.{n}")
            clock.advance(0.3)
    honest = team(server, "Pôle honnête")
    joined = server.join(honest, workshop.join_code, "198.51.100.7")
    assert joined.id == workshop.id


def test_a_dossier_guessing_from_many_addresses_is_slowed(
    server: WorkshopService, clock: FakeClock
) -> None:
    """The target's brake: changing address does not give one dossier more guesses."""
    workshop = create(server).workshop
    robot = team(server, "Robot")
    for n in range(DEFAULTS.join_free_per_dossier + 1):
        with pytest.raises(AccessDenied):
            server.join(robot, "ZZZZ-ZZZZ", f"203.0.113.{n}")
    with pytest.raises(Slowed):
        server.join(robot, workshop.join_code, "203.0.113.200")
    clock.advance(DEFAULTS.brake.base_seconds)
    assert server.join(robot, workshop.join_code, "203.0.113.200").id == workshop.id


def test_one_address_cannot_fill_a_workshop(server: WorkshopService, clock: FakeClock) -> None:
    workshop = create(server).workshop
    free = DEFAULTS.joins_free_per_client
    for n in range(free):
        server.join(team(server, f"Pôle {n}"), workshop.join_code, "203.0.113.9")
    server.join(team(server, "Pôle de trop"), workshop.join_code, "203.0.113.9")  # sets a block
    extra = team(server, "Encore un")
    with pytest.raises(Slowed, match="réessayez dans"):
        server.join(extra, workshop.join_code, "203.0.113.9")
    clock.advance(0.1)
    with pytest.raises(Slowed):  # the right code is no way around it
        server.join(extra, workshop.join_code, "203.0.113.9")
    assert server.join(team(server, "Autre salle"), workshop.join_code, "198.51.100.7")
    clock.advance(DEFAULTS.brake.base_seconds)
    assert server.join(extra, workshop.join_code, "203.0.113.9").id == workshop.id
    # joining again is no new join: it costs nothing
    assert server.join(extra, workshop.join_code, "203.0.113.9").id == workshop.id


def test_ipv6_addresses_count_by_their_64_network() -> None:
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9")
    assert client_key("2001:db8:1:2::1") != client_key("2001:db8:1:3::1")
    assert client_key("::ffff:192.0.2.4") == client_key("192.0.2.4")
    assert client_key("192.0.2.4") != client_key("192.0.2.5")
    assert client_key("local") != client_key("192.0.2.4")


# -- the adviser's members and code ----------------------------------------------------------


def test_adviser_sees_members_removes_one_and_renews_the_code(
    server: WorkshopService,
) -> None:
    created = create(server)
    token = created.adviser_token
    old_code = created.workshop.join_code
    kept, intruder = team(server, "Pôle Émeraude"), team(server, "Intrus")
    server.join(kept, old_code, "198.51.100.1")
    server.join(intruder, old_code, "198.51.100.2")
    members = server.members(token)
    assert [m.project_name for m in members] == ["Pôle Émeraude", "Intrus"]

    intruder_id = members[1].dossier_id
    assert server.remove_member(token, intruder_id)
    assert [m.project_name for m in server.members(token)] == ["Pôle Émeraude"]
    with pytest.raises(AccessDenied):
        server.workshop_dossier(token, intruder_id)
    assert server.my_workshops(intruder) == []

    renewed = server.renew_join_code(token)
    assert renewed.join_code != old_code
    with pytest.raises(AccessDenied):
        server.join(intruder, old_code, "198.51.100.2")
    assert [w.id for w in server.my_workshops(kept)] == [renewed.id]  # members stay
    newcomer = team(server, "Pôle Nouveau")
    assert server.join(newcomer, renewed.join_code, "198.51.100.3").id == renewed.id


def test_members_and_code_need_the_adviser_link(server: WorkshopService) -> None:
    created = create(server)
    member = team(server, "Pôle A")
    server.join(member, created.workshop.join_code, "198.51.100.1")
    member_id = server.members(created.adviser_token)[0].dossier_id
    for wrong in (None, "", "x" * 32):
        with pytest.raises(AccessDenied):
            server.members(wrong)
        with pytest.raises(AccessDenied):
            server.remove_member(wrong, member_id)
        with pytest.raises(AccessDenied):
            server.renew_join_code(wrong)
    other = create(server, name="Autre atelier").adviser_token
    assert not server.remove_member(other, member_id)  # another workshop's adviser: no effect
    assert server.members(other) == []
    assert len(server.members(created.adviser_token)) == 1
    assert server.adviser_workshop(created.adviser_token).join_code == created.workshop.join_code
