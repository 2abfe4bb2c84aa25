"""Streamlit's own words in French (static/ptce/french.js) and the page's own styles
(static/ptce/page.css), drawn on every run so that both are installed on every page (each
installs itself once per page load)."""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.web import module_loader

_component = st.components.v2.component(
    "ptce_assist.french_ui", html="<span hidden></span>", js=module_loader("french.js")
)


_page_style = st.components.v2.component(
    "ptce_assist.page_style", html="<span hidden></span>", js=module_loader("page_style.js")
)


def french_ui() -> None:
    _component(key="ptce-french-ui", data={}, height=0)
    _page_style(key="ptce-page-style", data={}, height=0)  # contrasts (static/ptce/page.css)
