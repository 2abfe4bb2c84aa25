"""A table bound to one list of the open dossier (actors, fragile territories, budget lines).

Replaces `st.data_editor`, which lost what people typed (the first letter after a click, an
accented letter on a selected cell, text reached with Tab) and hid its « + » until hovered.
Here each cell is a native `<input>` or `<select>` in a real `<table>`: typing goes straight
into the cell, Tab goes from cell to cell, « Ajouter une ligne » is always visible, each row
has a « Supprimer » button with an undo. The rows travel to Python as every bound field's value
does (web/sync.js: while typing, at least every 2 s, at once when leaving the table; kept in
this browser until the server has them).

The browser holds rows (lists of dicts of strings, in column order); the dossier holds its own
form. `to_rows` turns the stored value into rows, `to_stored` the rows sent into what is
stored; `problems` are remarks on cells (e.g. an amount not understood), shown on the cell
still holding the text they are about and listed under the table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal, Protocol

import streamlit as st

from ptce_assist.services.dossier_service import MAX_ROWS
from ptce_assist.ui import bound
from ptce_assist.ui.context import OpenDossier
from ptce_assist.ui.web import module_loader, stylesheets

_HTML = (
    stylesheets("sync.css", "table_editor.css")
    + """
<div class="ptce-table" data-ptce-field>
  <div class="ptce-table-scroll">
    <table>
      <caption></caption>
      <thead><tr></tr></thead>
      <tbody></tbody>
    </table>
  </div>
  <div class="ptce-table-tools">
    <button type="button" class="ptce-button ptce-add"></button>
    <p class="ptce-undo" role="status" hidden>
      <span class="ptce-undo-text"></span><button type="button"
        class="ptce-button ptce-undo-button">Annuler</button>
    </p>
  </div>
  <div class="ptce-problems" hidden>
    <p>À corriger :</p>
    <ul></ul>
  </div>
  <p class="ptce-status" role="status" aria-live="polite"></p>
  <div class="ptce-offer" role="region" aria-label="Saisie retrouvée" hidden></div>
</div>
"""
)

_component = st.components.v2.component(
    "ptce_assist.table_editor", html=_HTML, js=module_loader("table_editor.js")
)

Row = dict[str, str]
ColumnKind = Literal["text", "amount", "select"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ColumnKind = "text"
    options: Mapping[str, str] = field(default_factory=dict)  # id -> French label (select)
    max_chars: int | None = None
    width: str | None = None  # CSS width of the column, e.g. "12rem"

    def as_data(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "kind": self.kind,
            "options": [[value, label] for value, label in self.options.items()],
            "max_chars": self.max_chars,
            "width": self.width,
        }


class CellProblem(Protocol):
    """A remark on one cell: row (0-based), column key, the text it is about, a French message."""

    @property
    def row(self) -> int: ...
    @property
    def column(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def message(self) -> str: ...


def table_editor(
    open_dossier: OpenDossier,
    path: str,
    *,
    caption: str,
    columns: Sequence[Column],
    to_rows: Callable[[Any], list[Row]],
    to_stored: Callable[[Any], Any],
    new_row: Mapping[str, str] | None = None,
    problems: Sequence[CellProblem] = (),
    readonly: bool = False,
    show_caption: bool = False,
    add_label: str = "Ajouter une ligne",
) -> None:
    """Draw the table; every change is saved by the dossier service (see `bound`).
    `caption` names the table for screen readers (shown when `show_caption`)."""
    data = bound.field_data(open_dossier, path, readonly=readonly, view=to_rows)
    keys = [column.key for column in columns]
    data.update(
        # New columns (a budget over 1 or 3 years) are a new table: its rows are drawn anew.
        seed_id=f"{data['seed_id']}:{'|'.join(keys)}",
        caption=caption,
        show_caption=show_caption,
        columns=[column.as_data() for column in columns],
        new_row={key: (new_row or {}).get(key, "") for key in keys},
        problems=[
            {"row": p.row, "column": p.column, "text": p.text, "message": p.message}
            for p in problems
        ],
        max_rows=MAX_ROWS,
        add_label=add_label,
    )
    _component(
        key=bound.widget_key(path),
        data=data,
        default={"payload": None},
        on_payload_change=partial(bound.on_change, path, to_stored),
    )
    bound.feedback(path, view=to_rows, show_theirs=partial(_show_rows, columns, to_rows))


def _show_rows(columns: Sequence[Column], to_rows: Callable[[Any], list[Row]], stored: Any) -> None:
    """The version saved elsewhere, as a read-only table (text only, never HTML)."""
    shown = [
        {
            column.label: column.options.get(value, value) if column.kind == "select" else value
            for column in columns
            for value in [row.get(column.key, "")]
        }
        for row in to_rows(stored)
    ]
    st.dataframe(shown, hide_index=True)
