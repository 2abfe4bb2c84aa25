"""Widgets shared by the diagnostic pages: verdict boxes with the call's sentence and a link to
the page that fixes them, and list editors bound to the dossier."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd  # type: ignore[import-untyped,unused-ignore]
import streamlit as st

from ptce_assist.call import Call
from ptce_assist.eligibility import links
from ptce_assist.eligibility.report import TOPICS, TopicVerdict, tone
from ptce_assist.eligibility.verdict import Verdict
from ptce_assist.fingerprint import value_digest
from ptce_assist.text import clean_text
from ptce_assist.ui.bound import save
from ptce_assist.ui.context import OpenDossier
from ptce_assist.ui.safe import md_escape

_BOXES = {"ok": st.success, "warn": st.warning, "bad": st.error}
_ICONS = {"ok": ":material/check_circle:", "warn": ":material/warning:", "bad": ":material/cancel:"}


# The pages a verdict can send to, by url_path (app.py); a rubric's page is its id.
_FILE_PAGES = {
    links.IDENTITE: "app_pages/identite.py",
    links.RECEVABILITE: "app_pages/recevabilite.py",
    links.PORTEUR: "app_pages/porteur.py",
    links.ACTEURS: "app_pages/acteurs.py",
    links.ELIGIBILITE: "app_pages/eligibilite.py",
    links.AUTOEVALUATION: "app_pages/autoevaluation.py",
}


def _noop() -> None:
    """Never run: a link's Page only needs the url_path that app.py registered."""


def page_target(url_path: str, call: Call) -> Any:
    """What `st.page_link` takes for a page's url_path (a file, or a rubric's page)."""
    if url_path in _FILE_PAGES:
        return _FILE_PAGES[url_path]
    # Streamlit identifies a page by its url_path: this Page links to the rubric's page.
    rubric = call.rubric(url_path)
    return st.Page(_noop, title=rubric.short_fr, url_path=rubric.id, icon=":material/edit_note:")


def fix_link(url_path: str, call: Call, label: str = "") -> None:
    """A link to the page where the person acts on a verdict (nothing when none)."""
    if not url_path:
        return
    title = links.page_title(url_path, call)
    st.page_link(
        page_target(url_path, call),
        label=label or f"Corriger : {title}",
        icon=":material/arrow_forward:",
    )


def show_verdict(verdict: TopicVerdict, call: Call, *, title: str = "", link: bool = True) -> None:
    """A coloured box with the French reason, the call's sentence beneath it, and a link to
    the page that fixes it when there is something to fix."""
    heading = f"**{md_escape(title)}** — " if title else ""
    _BOXES[verdict.tone](heading + md_escape(verdict.reason), icon=_ICONS[verdict.tone])
    show_quote(verdict.quote)
    if link and verdict.tone != "ok":
        fix_link(verdict.page, call)


def show_part(topic: str, verdict: Verdict, call: Call, *, link: bool = False) -> None:
    """`show_verdict` for a verdict computed on the page (a table being edited)."""
    shown = TopicVerdict(
        topic=topic,
        label=TOPICS[topic],
        code=verdict.code,
        tone=tone(topic, verdict.code),
        reason=verdict.reason,
        quote=verdict.quote,
        page=verdict.page,
        page_title=links.page_title(verdict.page, call) if verdict.page else "",
    )
    show_verdict(shown, call, link=link)


_COLOURED = {
    "ok": ":green[:material/check_circle:]",
    "warn": ":orange[:material/warning:]",
    "bad": ":red[:material/cancel:]",
}


def verdict_line(verdict: TopicVerdict) -> str:
    """One Markdown line: a coloured icon, the topic in bold, the French reason."""
    return f"{_COLOURED[verdict.tone]} **{md_escape(verdict.label)}** — {md_escape(verdict.reason)}"


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
