"""Actors and fragile territories <-> the rows of their table editors."""

from __future__ import annotations

from ptce_assist.eligibility.table_rows import (
    actor_rows,
    actors_from_rows,
    territories_from_rows,
    territory_rows,
)

ACTOR = {"name": "Recyclerie du Val", "kind": "ess", "role": "Porteur", "status": "pressenti"}


def test_an_empty_list_shows_one_blank_row_with_the_defaults() -> None:
    assert actor_rows([]) == [{"name": "", "kind": "", "role": "", "status": "implique"}]
    assert actor_rows(None) == actor_rows([])
    assert territory_rows([]) == [{"kind": "", "name": "", "communes": ""}]


def test_rows_round_trip_in_column_order_blank_rows_included() -> None:
    rows = [
        ACTOR,
        {"name": "", "kind": "", "role": "", "status": "implique"},
        {"name": "Mairie de Die", "kind": "collectivite", "role": "", "status": ""},
    ]
    stored = actors_from_rows(rows)
    assert stored == rows
    assert actor_rows(stored) == rows
    assert list(actor_rows(stored)[0]) == ["name", "kind", "role", "status"]


def test_rows_sent_by_a_browser_are_read_defensively() -> None:
    assert actors_from_rows("pas une liste") == []
    assert actors_from_rows([{"name": 3, "kind": None, "extra": "x"}, "ligne"]) == [
        {"name": "", "kind": "", "role": "", "status": ""}
    ]
    territories = territories_from_rows([{"kind": "frr", "communes": "Die, Saillans"}])
    assert territories == [{"kind": "frr", "name": "", "communes": "Die, Saillans"}]
    assert territory_rows(territories) == territories
