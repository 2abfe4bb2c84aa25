"""Widgets bound to one field of the open dossier: every change is saved at once.

Text is typed in `text_field` components (sent while typing, kept in the browser until saved).
Choices are Streamlit select boxes: a choice is one click, saved in its change callback with
the value the box was seeded with as the expected value, so a change made meanwhile in another
tab is never overwritten silently (the person is asked what to keep).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ptce_assist.fingerprint import value_digest
from ptce_assist.ui import bound, team
from ptce_assist.ui.context import PAGE_PREFIX, OpenDossier
from ptce_assist.ui.given_value import keep_given_value
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.text_field import text_field

__all__ = ["select", "select_key", "set_choice", "text_area", "text_input"]


def text_input(
    open_dossier: OpenDossier,
    path: str,
    label: str,
    *,
    problem: str | None = None,
    help: str | None = None,
    placeholder: str | None = None,
    readonly: bool = False,
) -> None:
    text_field(
        open_dossier,
        path,
        label,
        problem=problem,
        help=help,
        placeholder=placeholder,
        readonly=readonly,
    )


def text_area(
    open_dossier: OpenDossier,
    path: str,
    label: str,
    *,
    height: int = 120,
    problem: str | None = None,
    help: str | None = None,
    readonly: bool = False,
) -> None:
    text_field(
        open_dossier,
        path,
        label,
        multiline=True,
        height=height,
        problem=problem,
        help=help,
        readonly=readonly,
    )


def select_key(path: str) -> str:
    """The widget key of the select box bound to `path`."""
    return f"{PAGE_PREFIX}{path}#select"


def _select_keys(path: str) -> tuple[str, str]:
    """The select box's widget key and the value it was seeded with."""
    return select_key(path), f"{PAGE_PREFIX}{path}#select-base"


def _on_select(path: str) -> None:
    key, base_key = _select_keys(path)
    value = st.session_state.get(key)
    if bound.save(path, value, base_digest=value_digest(st.session_state.get(base_key))):
        st.session_state[base_key] = value


def set_choice(path: str, value: object) -> bool:
    """Choose `value` in the select box bound to `path` (drawn on this page) and save it, as
    if the person had picked it (from a button's callback: « Choisir … »)."""
    key, base_key = _select_keys(path)
    st.session_state[key] = value
    if bound.save(path, value, base_digest=value_digest(st.session_state.get(base_key))):
        st.session_state[base_key] = value
        return True
    return False


def _show_choice(path: str, value: object) -> None:
    key, base_key = _select_keys(path)
    st.session_state[key] = value
    st.session_state[base_key] = value


def select(
    open_dossier: OpenDossier,
    path: str,
    label: str,
    options: Sequence[str],
    format_func: Callable[[str], str],
    *,
    help: str | None = None,
    problem: str | None = None,
    allow_empty: bool = True,
    disabled: bool = False,
) -> None:
    """A select box over ids; the empty id stands for "not chosen yet" (if `allow_empty`)."""
    key, base_key = _select_keys(path)
    stored = open_dossier.value(path)
    stored = stored if stored is not None else ""
    if key not in st.session_state:  # first draw on this page: seeded from the database
        st.session_state[key] = stored
        st.session_state[base_key] = stored
    elif stored != st.session_state[base_key] == st.session_state[key]:
        # Chosen elsewhere (another member, another tab) and untouched here: show it.
        st.session_state[key] = stored
        st.session_state[base_key] = stored
    team.watch(path, stored)
    choices = ["", *options] if allow_empty else list(options)
    if st.session_state[key] not in choices:  # a value from an older call stays visible
        choices.append(st.session_state[key])
    keep_given_value(key)
    st.selectbox(
        label,
        choices,
        key=key,
        format_func=lambda v: format_func(v) if v else "— À choisir —",
        on_change=_on_select,
        args=(path,),
        help=help,
        disabled=disabled or not open_dossier.may_write(path),
    )

    def keep(mine: object, theirs: object) -> None:
        if bound.save(path, mine, base_digest=value_digest(theirs)):
            st.session_state[base_key] = mine

    bound.feedback(path, on_keep=keep, on_take=lambda theirs: _show_choice(path, theirs))
    if problem:
        st.caption(f":material/warning: {md_escape(problem)}")
