"""The click guard (static/ptce/guard.js), drawn on every run so that it is installed on every
page (it installs itself once per page load). It is told the page of the run: it hears the
server only from the page's first message after it is installed, so on a page loaded by its
address it did not know the page shown, and took the first commit for a page change."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ptce_assist.ui.web import module_loader

_component = st.components.v2.component(
    "ptce_assist.click_guard", html="<span hidden></span>", js=module_loader("guard.js")
)


def click_guard() -> None:
    """Draw the guard; after `st.navigation`, which sets the page of the run."""
    ctx = get_script_run_ctx()
    page = ctx.page_script_hash if ctx is not None else ""
    _component(key="ptce-click-guard", data={"page": page}, height=0)
