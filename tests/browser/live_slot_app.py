"""Two live fragments ticking together, as the team's do: one in the sidebar reruns the whole
page every other tick (as a teammate's save does), the other sits between « Avant » and the
field « Après », and the runs are sent in one burst. `?slot=1` calls the second fragment in a
block of its own (ptce_assist/ui/live_slot.py). Run by tests/browser/test_live_slot.py."""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.burst import one_burst
from ptce_assist.ui.live_slot import live_slot

EVERY = 0.4


@st.fragment(run_every=EVERY)
def saved_elsewhere() -> None:
    ticks = st.session_state["saves"] = st.session_state.get("saves", 0) + 1
    if ticks % 2 == 0:
        st.rerun(scope="app")


@st.fragment(run_every=EVERY)
def ticking() -> None:
    st.caption("Présence")


with one_burst(5):
    st.session_state["full"] = st.session_state.get("full", 0) + 1
    with st.sidebar:
        saved_elsewhere()
    st.text("Avant")
    if st.query_params.get("slot") == "1":
        with live_slot():
            ticking()
    else:
        ticking()
    st.text_input("Après", key="after")
    st.text(f"Exécutions de la page : {st.session_state['full']}")
