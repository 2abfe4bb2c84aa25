"""A run held for one burst (ptce_assist/ui/burst.py) still stops where Streamlit stops it.

`st.stop()`, `st.rerun()` and `st.switch_page()` stop the script at the element they draw
next; a holder that only kept elements let the script run on past them, and its release then
stopped on the first element, so that nothing the run drew reached the page. The browser
side (elements arrive together; the window) is tests/browser/test_burst.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest


def stops_after_explaining() -> None:
    import streamlit as st

    from ptce_assist.ui.burst import one_burst

    st.session_state["after_stop"] = 0
    with one_burst(5.0):
        st.error("Ce lien ne mène à aucun dossier.")
        st.stop()
        st.session_state["after_stop"] = 1  # never reached
        st.text("jamais")


def reruns_once() -> None:
    import os
    from pathlib import Path

    import streamlit as st

    from ptce_assist.ui.burst import one_burst

    runs = st.session_state.setdefault("runs", 0) + 1
    st.session_state["runs"] = runs
    with one_burst(5.0):
        st.text(f"exécution {runs}")
        if runs == 1:
            st.rerun()
        # Outside Streamlit: a session-state access would itself stop the run.
        with Path(os.environ["PTCE_TEST_AFTER_RERUN"]).open("a") as log:
            log.write(f"{runs}\n")
        st.text("suite")


def test_a_stopped_run_shows_what_it_drew_and_nothing_after() -> None:
    at = AppTest.from_function(stops_after_explaining).run()
    assert [e.value for e in at.error] == ["Ce lien ne mène à aucun dossier."]
    assert [t.value for t in at.text] == []
    assert at.session_state["after_stop"] == 0


def test_code_after_a_rerun_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "after.log"
    monkeypatch.setenv("PTCE_TEST_AFTER_RERUN", str(log))
    at = AppTest.from_function(reruns_once).run()
    assert at.session_state["runs"] == 2
    assert log.read_text() == "2\n"  # the second run only
    assert [t.value for t in at.text] == ["exécution 2", "suite"]
