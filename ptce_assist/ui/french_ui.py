"""Streamlit's own words in French (static/ptce/french.js), drawn on every run so that the
translator is installed on every page (it installs itself once per page load)."""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.web import module_loader

_component = st.components.v2.component(
    "ptce_assist.french_ui", html="<span hidden></span>", js=module_loader("french.js")
)


def french_ui() -> None:
    _component(key="ptce-french-ui", data={}, height=0)
