"""Widgets bound to one field of the stored dossier: every change is saved at once.

Each widget is seeded from the database the first time it is drawn. Its change callback saves
the new value with the value the widget was seeded with as `expected`, so a change made
meanwhile in another tab is never overwritten silently: the person is asked what to keep.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ptce_assist.dossier import get_path
from ptce_assist.storage import FieldConflict, StoredDossier, UnknownDossier
from ptce_assist.text import MAX_FIELD_CHARS, clean_text, removed_message, too_long_message
from ptce_assist.ui.context import current_token, get_store

_NOTICE_KEY = "field_notices"


def keys(path: str) -> tuple[str, str, str]:
    """Session keys of a field: its widget, the value it was seeded with, its conflict."""
    return f"w:{path}", f"base:{path}", f"conflict:{path}"


def seed(stored: StoredDossier, path: str) -> str:
    """Put the stored value in the widget's state if the widget has none; return the key."""
    key, base_key, _ = keys(path)
    if key not in st.session_state:
        value = get_path(stored.dossier.model_dump(), path)
        st.session_state[key] = value if value is not None else ""
        st.session_state[base_key] = st.session_state[key]
    return key


def save_value(path: str, value: Any) -> bool:
    """Save `value` at `path`; record a notice or a conflict for the next run. True if saved."""
    token = current_token()
    if token is None:
        return False
    _, base_key, conflict_key = keys(path)
    if isinstance(value, str):
        if len(value) > MAX_FIELD_CHARS:
            _notice(path, "error", too_long_message(len(value)))
            return False
        cleaned = clean_text(value)
        if cleaned.removed:
            _notice(path, "warning", removed_message(cleaned.removed))
        value = cleaned.text
    try:
        get_store().set_field(token, path, value, expected=st.session_state.get(base_key))
    except FieldConflict as conflict:
        st.session_state[conflict_key] = {"mine": value, "theirs": conflict.current_value}
        return False
    except UnknownDossier:
        _notice(path, "error", "Ce dossier n'existe plus : rien n'a pu être enregistré.")
        return False
    except Exception:  # noqa: BLE001 - any storage failure must reach the person, in French
        _notice(
            path,
            "error",
            "L'enregistrement a échoué (base de données indisponible ou pleine). "
            "Votre texte reste affiché : ne fermez pas la page et réessayez.",
        )
        return False
    st.session_state[base_key] = value
    st.session_state.pop(conflict_key, None)
    return True


def _notice(path: str, level: str, message: str) -> None:
    st.session_state.setdefault(_NOTICE_KEY, {})[path] = (level, message)


def _on_change(path: str) -> None:
    key, _, _ = keys(path)
    value = st.session_state.get(key)
    if isinstance(value, str):
        cleaned = clean_text(value).text
        if cleaned != value and len(value) <= MAX_FIELD_CHARS:
            st.session_state[key] = cleaned  # show what was kept
    save_value(path, value)


def show_field_feedback(
    path: str, problem: str | None = None, *, show: Callable[[str], None] | None = None
) -> None:
    """Notices from the last save, a conflict to settle, and the validation problem.

    `show(value)` puts a value back in the field's widget (default: its session key)."""
    notices: dict[str, tuple[str, str]] = st.session_state.get(_NOTICE_KEY, {})
    if path in notices:
        level, message = notices.pop(path)
        (st.error if level == "error" else st.warning)(message)
    _show_conflict(path, show)
    if problem:
        st.caption(f"⚠️ {problem}")


def _show_conflict(path: str, show: Callable[[str], None] | None) -> None:
    key, base_key, conflict_key = keys(path)

    def put(value: str) -> None:
        if show is None:
            st.session_state[key] = value
        else:
            show(value)

    conflict = st.session_state.get(conflict_key)
    if not conflict:
        return
    st.warning(
        "Ce champ a été modifié ailleurs (autre onglet ou autre membre de l'équipe) "
        "depuis que vous l'avez ouvert. Que voulez-vous garder ?"
    )
    with st.expander("Voir la version enregistrée"):
        st.text(str(conflict["theirs"]))

    def keep_mine() -> None:
        st.session_state[base_key] = conflict["theirs"]
        put(conflict["mine"])
        save_value(path, conflict["mine"])

    def take_theirs() -> None:
        put(conflict["theirs"])
        st.session_state[base_key] = conflict["theirs"]
        st.session_state.pop(conflict_key, None)

    left, right = st.columns(2)
    left.button("Garder mon texte", key=f"keep:{path}", on_click=keep_mine)
    right.button("Reprendre la version enregistrée", key=f"take:{path}", on_click=take_theirs)


def text_input(
    stored: StoredDossier,
    path: str,
    label: str,
    *,
    problem: str | None = None,
    help: str | None = None,
    placeholder: str | None = None,
) -> None:
    key = seed(stored, path)
    st.text_input(
        label, key=key, on_change=_on_change, args=(path,), help=help, placeholder=placeholder
    )
    show_field_feedback(path, problem)


def text_area(
    stored: StoredDossier,
    path: str,
    label: str,
    *,
    height: int = 120,
    problem: str | None = None,
    help: str | None = None,
) -> None:
    key = seed(stored, path)
    st.text_area(label, key=key, on_change=_on_change, args=(path,), height=height, help=help)
    show_field_feedback(path, problem)


def select(
    stored: StoredDossier,
    path: str,
    label: str,
    options: Sequence[str],
    format_func: Callable[[str], str],
    *,
    help: str | None = None,
    problem: str | None = None,
    allow_empty: bool = True,
) -> None:
    """A select box over ids; the empty id stands for "not chosen yet" (if `allow_empty`)."""
    key = seed(stored, path)
    choices = ["", *options] if allow_empty else list(options)
    if st.session_state[key] not in choices:  # a value from an older call stays visible
        choices.append(st.session_state[key])
    st.selectbox(
        label,
        choices,
        key=key,
        format_func=lambda v: format_func(v) if v else "— À choisir —",
        on_change=_on_change,
        args=(path,),
        help=help,
    )
    show_field_feedback(path, problem)
