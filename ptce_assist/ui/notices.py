"""French notes that must survive a page switch or a rerun (shown once, literally)."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ptce_assist.ui.safe import md_escape

_KEY = "notices:pending"


def leave_notices(messages: Iterable[str]) -> None:
    """Keep `messages` for the next `show_notices` of this session."""
    pending = [*st.session_state.get(_KEY, []), *messages]
    if pending:
        st.session_state[_KEY] = pending


def show_notices() -> None:
    for message in st.session_state.pop(_KEY, []):
        st.info(md_escape(message))
