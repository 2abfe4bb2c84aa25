"""The click guard (web/guard.js), drawn on every run so that it is installed on every page."""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.web import GUARD_JS, script

_component = st.components.v2.component(
    "ptce_assist.click_guard",
    html='<span class="ptce-guard" hidden></span>',
    css=".ptce-guard { display: none; }",
    js=script(GUARD_JS),
)


def click_guard() -> None:
    _component(key="ptce-click-guard", data={}, height=0)
