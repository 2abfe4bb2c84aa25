"""No traceback ever reaches a user: an unexpected error becomes a French message on the page,
its details go to the server log.

`run_guarded` wraps every page run. Widget callbacks run before the page, in a new script
runner each time, so `install_error_handler` replaces what Streamlit shows for an uncaught
error (`streamlit.error_util.show_uncaught_app_exception`, after Streamlit has logged it) by
the French message (tests/hostile/test_pages_hostile.py checks it still holds with the
pinned Streamlit). `.streamlit/config.toml` sets `client.showErrorDetails` to "none" should
anything slip past both. Set PTCE_DEBUG=1 (the tests do) to let errors through to
Streamlit's own display instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import streamlit as st
import streamlit.error_util as streamlit_errors
from sqlalchemy.exc import SQLAlchemyError
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from ptce_assist.memory import tune_allocator
from ptce_assist.serverlog import enable_server_log, server_log

DEBUG_VARIABLE = "PTCE_DEBUG"

UNEXPECTED = (
    "Une erreur inattendue est survenue sur le serveur. Ce qui était déjà enregistré n'est "
    "pas perdu : rechargez la page. Si l'erreur revient, prévenez l'équipe qui gère l'outil "
    "(le détail est noté dans le journal du serveur)."
)
STORAGE = (
    "La base de données du serveur est indisponible, pleine ou en lecture seule : cette "
    "action n'a pas pu se faire. Ce qui était déjà enregistré n'est pas perdu ; réessayez "
    "dans quelques minutes et, si cela dure, prévenez l'équipe qui gère l'outil."
)
MEMORY = (
    "Le serveur manque de mémoire pour cette action : réessayez dans quelques minutes. "
    "Ce qui était déjà enregistré n'est pas perdu."
)


def french_message(error: BaseException) -> str:
    if isinstance(error, SQLAlchemyError | OSError):
        return STORAGE
    if isinstance(error, MemoryError):
        return MEMORY
    return UNEXPECTED


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE) == "1"


_STREAMLIT_SHOW = streamlit_errors.show_uncaught_app_exception


def _show_in_french(ex: BaseException) -> None:
    """Streamlit has logged `ex` with its traceback; the page gets the French message."""
    if debugging():
        _STREAMLIT_SHOW(ex)
        return
    try:
        st.error(french_message(ex))
    except Exception:  # noqa: BLE001 - showing must not hide the original failure
        server_log().exception("Could not show an error message")


def install_error_handler() -> None:
    """French messages for uncaught errors anywhere, widget callbacks included (once per
    process; idempotent)."""
    streamlit_errors.show_uncaught_app_exception = _show_in_french


def run_guarded(main: Callable[[], None]) -> None:
    """Run `main`; an error is logged with its traceback and shown as a French message."""
    enable_server_log()
    tune_allocator()
    install_error_handler()
    try:
        main()
    except StopException:
        # A page ended early (`st.stop`, say a link that opens no dossier). Streamlit forgets
        # the live parts (fragments) a run did not draw only when the script returns: after a
        # stopped run, a tick queued behind it ran a part the page no longer has and the page
        # went blank. Returning lets Streamlit forget them; the stop stays asked, so the run
        # still ends as stopped.
        return
    except Exception as error:
        if debugging():
            raise
        server_log().exception("Unexpected error in a page run")
        st.error(french_message(error))
