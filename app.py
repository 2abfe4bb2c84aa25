"""ptce-assist: entry point. Builds the navigation of this session's journey (a candidate's or
an adviser's, `ptce_assist/ui/journeys.py`), with the rubric pages of the open dossier's
edition of the call; each page lives in app_pages/.

The folder is not named `pages/`: Streamlit auto-discovers a `pages/` folder, and a deep link
opened as the first request after a server start then bypasses this file (see README).
"""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from app_pages.rubrique import rubric_entry
from ptce_assist.call import load_call
from ptce_assist.storage.migrate import SchemaOutdated
from ptce_assist.ui.burst import one_burst
from ptce_assist.ui.click_guard import click_guard
from ptce_assist.ui.context import (
    DATABASE_ERRORS,
    begin_run,
    call_of,
    current_open,
    database_guard,
    enter_page,
    sync_token_with_url,
)
from ptce_assist.ui.download_grace import keep_superseded_downloads
from ptce_assist.ui.errors import run_guarded
from ptce_assist.ui.french_ui import french_ui
from ptce_assist.ui.journeys import Journey
from ptce_assist.ui.live_slot import live_slot
from ptce_assist.ui.personal_link import new_dossier_banner, sidebar_link
from ptce_assist.ui.roles import adviser_token, current_adviser
from ptce_assist.ui.run_log import run_page
from ptce_assist.ui.state_lookup import install as one_key_lookup
from ptce_assist.ui.team import live, member_panel, team_watch
from ptce_assist.ui.warmup import warm_up

# Imports are cached after the first run: a run's time is measured from here.
SCRIPT_STARTED = time.perf_counter()

# The icon is a file of the repository: a Material icon would be fetched from Google's font
# servers by every browser (an outside request, refused by the deployment's content policy).
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
PAGES = Path(__file__).resolve().parent / "app_pages"
st.set_page_config(
    page_title="ptce-assist — dossier AMI PTCE", page_icon=str(FAVICON), layout="wide"
)


one_key_lookup()  # keyed widgets look up their own key alone (ptce_assist/ui/state_lookup.py)
keep_superseded_downloads()  # a click crossing a run still downloads (ui/download_grace.py)


def adviser_journey() -> bool:
    """The adviser's menu for a valid adviser link; while the database cannot say, the link
    alone decides (each page checks it, and the page says the database is down)."""
    try:
        return current_adviser() is not None
    except (*DATABASE_ERRORS, SchemaOutdated):
        return adviser_token() is not None


def main() -> None:
    warm_up(PAGES)  # once per server process: the first visit of a page no longer imports
    sync_token_with_url()
    begin_run()  # first: the open dossier's edition decides the rubric pages
    opened = current_open()
    call = call_of(opened.dossier) if opened is not None else load_call()
    journey = Journey(call, [rubric_entry(r) for r in call.rubrics], adviser=adviser_journey())
    navigation = journey.navigation()
    enter_page(navigation.url_path)
    journey.sidebar()
    if opened is not None and opened.team:
        sidebar_link()
        new_dossier_banner()
        opened = current_open()
        if live():
            with st.sidebar:
                member_panel()
                with live_slot():
                    team_watch(call_of(opened.dossier) if opened is not None else None)
    with st.sidebar:
        french_ui()
        click_guard()
    with database_guard():
        run_page(navigation, SCRIPT_STARTED)


with one_burst():  # the page reaches the browser in one piece (see ptce_assist/ui/burst.py)
    run_guarded(main)  # no traceback reaches a user: a French message, details in the server log
