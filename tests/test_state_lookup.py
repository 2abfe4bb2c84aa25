"""Keyed widgets look up their own key alone (ptce_assist/ui/state_lookup.py), and read it
as Streamlit does."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.state import session_state
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from ptce_assist.ui.state_lookup import WIDGET_MODULES
from tests.apptest_support import TIMEOUT, app_with, full_dossier, new_store


def keyed_widgets() -> None:
    import streamlit as st

    from ptce_assist.ui.state_lookup import install

    install()
    if st.session_state.get("preset") == "cleared":
        for key in ("choice", "text", "area", "amount", "option"):
            st.session_state.setdefault(key, None)
    shown = (
        st.selectbox("Choix", ["a", "b"], key="choice"),
        st.text_input("Texte", value="défaut", key="text"),
        st.text_area("Zone", value="défaut", key="area"),
        st.number_input("Montant", value=5, key="amount"),
        st.radio("Option", ["x", "y"], key="option"),
    )
    st.text(repr(shown))


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        # A key cleared through st.session_state: each widget shows nothing chosen.
        ("cleared", "(None, None, None, None, None)"),
        # No value in st.session_state: the widgets' defaults.
        ("", "('a', 'défaut', 'défaut', 5, 'x')"),
    ],
)
def test_widgets_read_their_key_as_streamlit_does(preset: str, expected: str) -> None:
    at = AppTest.from_function(keyed_widgets, default_timeout=TIMEOUT)
    at.session_state["preset"] = preset
    at.run()
    assert [t.value for t in at.text] == [expected]
    at.run()  # and again on the next run (streamlit#7649: a cleared value came back)
    assert [t.value for t in at.text] == [expected]


def test_values_set_in_session_state_are_shown() -> None:
    at = AppTest.from_function(keyed_widgets, default_timeout=TIMEOUT)
    for key, value in {"choice": "b", "text": "mon texte", "area": "été", "amount": 7}.items():
        at.session_state[key] = value
    at.session_state["option"] = "y"
    at.run()
    assert [t.value for t in at.text] == ["('b', 'mon texte', 'été', 7, 'y')"]


@pytest.fixture
def widget_copies() -> Iterator[list[str]]:
    """Each copy of the whole session state a widget module asks for, by module."""
    copies: list[str] = []
    own = session_state.SessionState.filtered_state

    def counted(state: session_state.SessionState) -> dict[str, object]:
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("__name__") in WIDGET_MODULES:
                copies.append(frame.f_globals["__name__"])
                break
            frame = frame.f_back
        return own.fget(state)

    session_state.SessionState.filtered_state = property(counted)
    yield copies
    session_state.SessionState.filtered_state = own


def test_a_page_of_select_boxes_copies_no_session_state(
    tmp_path: Path, widget_copies: list[str]
) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(full_dossier())
    at = app_with(token)
    at._page_hash = calc_hash("autoevaluation")
    at.run()
    assert not at.exception
    assert len(at.selectbox) >= 12  # one score per selection criterion
    assert widget_copies == []  # Streamlit's own lookup: one copy per select box
