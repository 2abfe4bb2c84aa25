"""A tiny app for the rubric editor's browser test: one editor, its text saved in the session.

    streamlit run tests/layout/harness_app.py  (?layout=calibri11&budget=15)

It answers the editor as the app's dossier fields do (see ptce_assist/ui/bound.py): the text
the browser sends is saved in the session, acknowledged, and given back as `saved`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ptce_assist.fingerprint import value_digest
from ptce_assist.layout.engine import layout_text
from ptce_assist.ui.rubric_editor import editor_payload, rubric_editor

st.set_page_config(page_title="Banc d'essai — éditeur de rubrique")

KEY = "rubric:harness"
layout = st.query_params.get("layout", "arial11")
budget = int(st.query_params.get("budget", "15"))
st.session_state.setdefault("saved", st.query_params.get("seed", ""))
st.session_state.setdefault("saves", 0)
st.session_state.setdefault("runs", 0)
st.session_state.setdefault("ack", None)
st.session_state.runs += 1


def on_change() -> None:
    sent = editor_payload(KEY)
    if sent is None:
        return
    st.session_state.ack = sent.get("seq")
    if sent["v"] != st.session_state.saved:
        st.session_state.saved = sent["v"]
        st.session_state.saves += 1


sync: dict[str, Any] = {
    "scope": "",  # no drafts in the harness
    "path": "harness",
    "seed_id": 0,
    "seed": None,
    "saved": st.session_state.saved,
    "saved_digest": value_digest(st.session_state.saved),
    "status": "ok",
    "ack": st.session_state.ack,
    "rebase": None,
    "readonly": False,
}
rubric_editor(
    key=KEY,
    sync=sync,
    budget_lines=budget,
    preset_id=layout,
    label=f"Mode de gouvernance ({budget} lignes maximum)",
    on_change=on_change,
)

# What the server holds, for the test to compare with the browser (Python's own count).
st.markdown(
    f"<div id='server' data-length='{len(st.session_state.saved)}' "
    f"data-lines='{layout_text(st.session_state.saved, layout).line_count}' "
    f"data-saves='{st.session_state.saves}' data-runs='{st.session_state.runs}'>"
    f"Serveur : {len(st.session_state.saved)} caractères enregistrés</div>",
    unsafe_allow_html=True,
)
