"""The click guard (static/ptce/guard.js), drawn on every run so that it is installed on every
page (it installs itself once per page load)."""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.web import module_loader

_component = st.components.v2.component(
    "ptce_assist.click_guard", html="<span hidden></span>", js=module_loader("guard.js")
)


def click_guard() -> None:
    _component(key="ptce-click-guard", data={}, height=0)
