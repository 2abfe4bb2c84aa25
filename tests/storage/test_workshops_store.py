"""Workshop rows, dates and members, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from ptce_assist.storage import DossierStore
from ptce_assist.storage.workshops import DuplicateJoinCode, WorkshopStore

LATER = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def _add(store: WorkshopStore, code: str, token_hash: str = "", **extra: object) -> int:
    workshop = store.add(
        name=str(extra.get("name", "Atelier")),
        region="84",
        days=[dt.date(2025, 3, 14), dt.date(2025, 3, 1), dt.date(2025, 3, 14)],
        join_code=code,
        adviser_token_hash=token_hash or code.lower() * 8,
        join_until=LATER,
        adviser_until=LATER,
    )
    return workshop.id


def test_add_and_find(store_engine: Engine) -> None:
    store = WorkshopStore(store_engine)
    workshop_id = _add(store, "ABCDEFGH", "h" * 64, name="Atelier de Lyon")
    found = store.by_join_code("ABCDEFGH")
    assert found is not None and found.id == workshop_id
    assert found.name == "Atelier de Lyon" and found.region == "84"
    assert found.days == (dt.date(2025, 3, 1), dt.date(2025, 3, 14))  # sorted, once each
    assert found.join_until == LATER and found.join_until.tzinfo is not None
    by_token = store.by_adviser_token_hash("h" * 64)
    assert by_token is not None and by_token.id == workshop_id
    assert store.by_join_code("ZZZZZZZZ") is None
    assert store.by_adviser_token_hash("x" * 64) is None


def test_join_codes_are_unique(store_engine: Engine) -> None:
    store = WorkshopStore(store_engine)
    _add(store, "ABCDEFGH")
    with pytest.raises(DuplicateJoinCode):
        _add(store, "ABCDEFGH", "k" * 64)


def test_add_day_once(store_engine: Engine) -> None:
    store = WorkshopStore(store_engine)
    workshop_id = _add(store, "ABCDEFGH")
    store.add_day(workshop_id, dt.date(2025, 4, 2))
    store.add_day(workshop_id, dt.date(2025, 4, 2))
    found = store.get(workshop_id)
    assert found is not None
    assert found.days == (dt.date(2025, 3, 1), dt.date(2025, 3, 14), dt.date(2025, 4, 2))


def test_join_and_leave(store_engine: Engine) -> None:
    dossiers, store = DossierStore(store_engine), WorkshopStore(store_engine)
    _, first = dossiers.create()
    _, second = dossiers.create()
    a = _add(store, "AAAAAAAA")
    b = _add(store, "BBBBBBBB")
    assert store.join(a, first.id) is True
    assert store.join(a, first.id) is False  # already there
    assert store.join(a, second.id) is True
    assert store.join(b, second.id) is True
    assert store.member_ids(a) == [first.id, second.id]
    assert store.member_ids(b) == [second.id]
    assert [w.id for w in store.workshops_of(second.id)] == [a, b]
    assert store.leave(a, second.id) is True
    assert store.leave(a, second.id) is False
    assert store.member_ids(a) == [first.id]
    assert store.is_member(b, second.id) and not store.is_member(b, first.id)
