"""Widgets shared by the diagnostic pages: verdict boxes and list editors bound to the dossier."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd  # type: ignore[import-untyped,unused-ignore]
import streamlit as st

from ptce_assist.eligibility.report import tone
from ptce_assist.fingerprint import value_digest
from ptce_assist.text import clean_text
from ptce_assist.ui.bound import save
from ptce_assist.ui.context import OpenDossier
from ptce_assist.ui.safe import md_escape

_BOXES = {"ok": st.success, "warn": st.warning, "bad": st.error}
_ICONS = {"ok": ":material/check_circle:", "warn": ":material/warning:", "bad": ":material/cancel:"}


def show_verdict(topic: str, code: str, reason: str, quote: str, *, title: str = "") -> None:
    """A coloured box with the French reason, and the call's sentence beneath it."""
    level = tone(topic, code)
    heading = f"**{md_escape(title)}** — " if title else ""
    _BOXES[level](heading + md_escape(reason), icon=_ICONS[level])
    show_quote(quote)


_COLOURED = {
    "ok": ":green[:material/check_circle:]",
    "warn": ":orange[:material/warning:]",
    "bad": ":red[:material/cancel:]",
}


def verdict_line(topic: str, code: str, reason: str, title: str) -> str:
    """One Markdown line: a coloured icon, the topic in bold, the French reason."""
    return f"{_COLOURED[tone(topic, code)]} **{md_escape(title)}** — {md_escape(reason)}"


def show_quote(quote: str) -> None:
    st.caption(f"Ce que dit l'appel : « {md_escape(quote)} »")


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return clean_text(str(value)).text


def list_editor(
    opened: OpenDossier,
    path: str,
    columns: Mapping[str, Any],
) -> list[dict[str, str]]:
    """An editable table bound to a list of records at `path`; every change is saved at once.

    The table is seeded from the stored dossier when it is first drawn (and again after a page
    change); each change saves the whole list, with the list it was seeded from as the expected
    value, so a change made meanwhile elsewhere is never overwritten silently.
    `columns` maps each record field to its `st.column_config` column (all fields of the model).
    """
    editor_key, seed_key, base_key, conflict_key = (
        f"w:{path}",
        f"w:{path}#seed",
        f"base:{path}",
        f"conflict:{path}",
    )
    if editor_key not in st.session_state or seed_key not in st.session_state:
        stored_rows = _stored_rows(opened, path)
        st.session_state[seed_key] = stored_rows
        st.session_state[base_key] = stored_rows
    names = list(columns)
    frame = pd.DataFrame(st.session_state[seed_key], columns=names, dtype="object")
    edited = st.data_editor(
        frame,
        key=editor_key,
        column_config=dict(columns),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
    )
    rows = [
        {name: _cell(record.get(name)) for name in names} for record in edited.to_dict("records")
    ]
    if rows != st.session_state.get(base_key) and conflict_key not in st.session_state:
        _save_rows(path, rows)
    _show_conflict(path, editor_key, seed_key, base_key, conflict_key)
    return rows


def _save_rows(path: str, rows: Any, *, theirs: Any = None) -> bool:
    base_key, conflict_key = f"base:{path}", f"conflict:{path}"
    expected = theirs if theirs is not None else st.session_state.get(base_key)
    if save(path, rows, base_digest=value_digest(expected)):
        st.session_state[base_key] = rows
        return True
    conflict = st.session_state.get(f"p:{path}#conflict")
    if conflict:
        st.session_state[conflict_key] = conflict
    return False


def _stored_rows(opened: OpenDossier, path: str) -> list[dict[str, str]]:
    node: Any = opened.value(path)
    if not isinstance(node, list):
        return []
    return [{k: _cell(v) for k, v in row.items()} for row in node if isinstance(row, dict)]


def reset_list_editor(path: str) -> None:
    """Make the table re-read the stored list on its next draw."""
    for key in (f"w:{path}", f"w:{path}#seed", f"base:{path}", f"conflict:{path}"):
        st.session_state.pop(key, None)


def _show_conflict(
    path: str, editor_key: str, seed_key: str, base_key: str, conflict_key: str
) -> None:
    conflict = st.session_state.get(conflict_key)
    if not conflict:
        return
    st.warning(
        "Ce tableau a été modifié ailleurs (autre onglet ou autre membre de l'équipe) depuis "
        "que vous l'avez ouvert. Que voulez-vous garder ?"
    )

    def keep_mine() -> None:
        st.session_state[base_key] = conflict["theirs"]
        st.session_state.pop(conflict_key, None)
        _save_rows(path, conflict["mine"], theirs=conflict["theirs"])

    def take_theirs() -> None:
        reset_list_editor(path)

    left, right = st.columns(2)
    left.button("Garder mon tableau", key=f"keep:{path}", on_click=keep_mine)
    right.button("Reprendre la version enregistrée", key=f"take:{path}", on_click=take_theirs)


def append_rows(opened: OpenDossier, path: str, new_rows: Sequence[dict[str, str]]) -> bool:
    """Add records to the stored list (e.g. from an imported file); True if saved."""
    current = _stored_rows(opened, path)
    st.session_state[f"base:{path}"] = current
    saved = _save_rows(path, [*current, *new_rows])
    reset_list_editor(path)
    return saved
