"""Two texts drawn 1.5 s apart inside `one_burst`, with the window `?window=` gives
(seconds). Run by tests/browser/test_burst.py."""

from __future__ import annotations

import time

import streamlit as st

from ptce_assist.ui.burst import one_burst

window = float(st.query_params.get("window", "5"))
with one_burst(window):
    st.text("Alpha")
    time.sleep(1.5)  # the script working between two elements (the app under test, not a wait)
    st.text("Bravo")
