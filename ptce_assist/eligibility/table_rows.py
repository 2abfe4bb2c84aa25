"""Actors and fragile territories <-> rows of the diagnostic pages' table editors.

A row is a dict of strings in column order; a stored record is a row, blank ones included
(the rules ignore blank rows: `actors.named`, `territories.declared`). An empty list shows
one blank row, ready to type in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ptce_assist.eligibility.answers import Actor, FragileTerritory

Row = dict[str, str]

ACTOR_COLUMNS = ("name", "kind", "role", "status")
TERRITORY_COLUMNS = ("kind", "name", "communes")


def blank_row(model: type[BaseModel], columns: tuple[str, ...]) -> Row:
    """A new row: each column's default in the model (an actor is « impliqué » by default)."""
    defaults = model().model_dump()
    return {column: str(defaults.get(column, "")) for column in columns}


def rows_from_records(value: Any, model: type[BaseModel], columns: tuple[str, ...]) -> list[Row]:
    """The rows shown for the records stored (a JSON list); one blank row for none."""
    items = value if isinstance(value, list) else []
    records = [item for item in items if isinstance(item, Mapping)]
    if not records:
        return [blank_row(model, columns)]
    return [{column: _text(record.get(column)) for column in columns} for record in records]


def records_from_rows(rows: Any, model: type[BaseModel], columns: tuple[str, ...]) -> list[Any]:
    """What is stored for the rows a table sent: one record per row, as typed."""
    if not isinstance(rows, list):
        return []
    return [
        model.model_validate({column: _text(row.get(column)) for column in columns}).model_dump()
        for row in rows
        if isinstance(row, Mapping)
    ]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def actor_rows(value: Any) -> list[Row]:
    return rows_from_records(value, Actor, ACTOR_COLUMNS)


def actors_from_rows(rows: Any) -> list[Any]:
    return records_from_rows(rows, Actor, ACTOR_COLUMNS)


def territory_rows(value: Any) -> list[Row]:
    return rows_from_records(value, FragileTerritory, TERRITORY_COLUMNS)


def territories_from_rows(rows: Any) -> list[Any]:
    return records_from_rows(rows, FragileTerritory, TERRITORY_COLUMNS)
