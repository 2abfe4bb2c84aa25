"""A value the page gives a widget is given again until the browser sends the widget back
(ptce_assist/ui/given_value.py; in a browser: tests/browser/test_stored_choices_on_a_busy_page.py).
Here Streamlit's own states, as the module reads them: AppTest sends every widget it has
drawn with each run, as the browser does."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest_support import TIMEOUT


def given_year() -> None:
    import streamlit as st

    from ptce_assist.ui.given_value import _sent_by_browser, keep_given_value

    if "year" not in st.session_state:
        st.session_state["year"] = 2027
    st.session_state["sent"] = [*st.session_state.get("sent", []), _sent_by_browser("year")]
    keep_given_value("year")
    st.number_input("Année", value=None, step=1, key="year")
    if st.button("Relancer sans le navigateur") or st.session_state.get("rerun_first", False):
        st.session_state["rerun_first"] = False
        st.rerun()  # a run the server asks itself: no request from the browser


def test_given_again_until_the_browser_sends_the_widget_back() -> None:
    app = AppTest.from_function(given_year, default_timeout=TIMEOUT)
    app.run()
    assert app.session_state["sent"] == [False]  # first run: the browser has drawn nothing
    app.run()
    assert app.session_state["sent"][-1] is True
    assert app.number_input(key="year").value == 2027


def test_a_run_the_server_asks_after_giving_the_value_gives_it_again() -> None:
    app = AppTest.from_function(given_year, default_timeout=TIMEOUT)
    app.session_state["rerun_first"] = True
    app.run()
    # The first run gave the value, then asked for a run itself: the browser may still have
    # drawn nothing, so that run gives the value again.
    assert app.session_state["sent"] == [False, False]
    app.run()
    assert app.session_state["sent"][-1] is True
    assert app.number_input(key="year").value == 2027


def test_a_run_the_server_asks_once_the_browser_sent_the_widget_gives_nothing() -> None:
    app = AppTest.from_function(given_year, default_timeout=TIMEOUT)
    app.run()
    app.button[0].click().run()
    assert app.session_state["sent"] == [False, True, True]
    assert app.number_input(key="year").value == 2027


def test_the_person_s_value_is_kept() -> None:
    app = AppTest.from_function(given_year, default_timeout=TIMEOUT)
    app.run()
    app.number_input(key="year").set_value(2030).run()
    app.run()
    assert app.number_input(key="year").value == 2030
