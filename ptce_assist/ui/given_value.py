"""A value the page gives a widget reaches the browser, whichever run the browser draws.

A select box, radio, box or number shows what is stored because the page sets the widget's
key in `st.session_state` before drawing it. Streamlit 1.67 sends such a value with the
element of that run only ("set_value"). When a newer run replaced the element before the
browser had drawn it (a fresh tab's first run, followed at once by its report run,
static/ptce/member.js; a busy machine), the browser drew the widget from the newer element,
at its default: the first option, an unticked box, an empty number. It then sent that default
with its next request as if the person had chosen it, and the change callback saved it: a
region erased, a year of N emptied, a rubric unmarked as done when the person typed in
another field (tests/browser/test_stored_choices_on_a_busy_page.py; seen in CI as a budget
on three years stored as annual).

The browser sends the value of every widget it has drawn with each request it makes. So
until a request from the browser holds the widget, every run gives the value again (a run the
server asks itself, `st.rerun`, included), and the element that replaces an undrawn one
carries it. Once the browser has sent the widget back,
nothing is given: what the person is typing in a number field is never reset by a run.
"""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

LOGGER = logging.getLogger(__name__)


def keep_given_value(key: str) -> None:
    """Call just before drawing the widget of `key`, once its value is set (see the module)."""
    if key not in st.session_state or _sent_by_browser(key):
        return
    st.session_state[key] = st.session_state[key]


def _sent_by_browser(key: str) -> bool:
    """Whether the browser has sent the widget of `key` back since the page last gave it a
    value. A request from the browser starts a run with the widgets it sends, and forgets the
    values the page gave in earlier runs; a run the server asks itself (`st.rerun`) starts
    with the previous run's widgets and given values as they were."""
    context = get_script_run_ctx(suppress_warning=True)
    try:
        safe = context.session_state  # type: ignore[union-attr]
        with safe._lock:
            state = safe._state
            if key in state._new_session_state:  # given by a run no browser request followed
                return False
            widget_id = state._key_id_mapper.get_id_from_key(key)
            return widget_id is not None and widget_id in state._new_widget_state.states
    except AttributeError:  # no run, or another Streamlit: give the value again
        LOGGER.debug("widget states not found; %s is given its value again", key)
        return False
