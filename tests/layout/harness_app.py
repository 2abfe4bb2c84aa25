"""A tiny app for the rubric editor's browser test: one editor, its text saved in the session.

    streamlit run tests/layout/harness_app.py  (?layout=calibri11&budget=15)
"""

from __future__ import annotations

import streamlit as st

from ptce_assist.layout.engine import layout_text
from ptce_assist.ui.rubric_editor import rubric_editor

st.set_page_config(page_title="Banc d'essai — éditeur de rubrique")

layout = st.query_params.get("layout", "arial11")
budget = int(st.query_params.get("budget", "15"))
st.session_state.setdefault("saved", st.query_params.get("seed", ""))
st.session_state.setdefault("saves", 0)
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1

text = rubric_editor(
    key="rubric:harness",
    text=st.session_state.saved,
    budget_lines=budget,
    preset_id=layout,
    label=f"Mode de gouvernance ({budget} lignes maximum)",
    height=240,
)
if text != st.session_state.saved:
    st.session_state.saved = text
    st.session_state.saves += 1

# What the server holds, for the test to compare with the browser (Python's own count).
st.markdown(
    f"<div id='server' data-length='{len(st.session_state.saved)}' "
    f"data-lines='{layout_text(st.session_state.saved, layout).line_count}' "
    f"data-saves='{st.session_state.saves}' data-runs='{st.session_state.runs}'>"
    f"Serveur : {len(st.session_state.saved)} caractères enregistrés</div>",
    unsafe_allow_html=True,
)
