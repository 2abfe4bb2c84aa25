"""No traceback ever reaches a user: an unexpected error becomes a French message on the page,
its details go to the server log.

`run_guarded` wraps every page run; `install_error_handler` covers widget callbacks, which
Streamlit runs before the page. `.streamlit/config.toml` sets `client.showErrorDetails` to
"none" in case anything slips past both. Set PTCE_DEBUG=1 (the tests do) to let errors
through to Streamlit's own display instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.runtime.scriptrunner import get_script_run_ctx

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


def _on_script_error(error: Exception) -> bool:
    """Streamlit has logged `error` with its traceback; show the French message instead."""
    st.error(french_message(error))
    return True  # Streamlit shows nothing more


def install_error_handler() -> None:
    """French messages for errors in widget callbacks (the handler stays with the session)."""
    ctx = get_script_run_ctx()
    if ctx is not None and not debugging():
        ctx.on_script_error = _on_script_error


def run_guarded(main: Callable[[], None]) -> None:
    """Run `main`; an error is logged with its traceback and shown as a French message."""
    enable_server_log()
    install_error_handler()
    try:
        main()
    except Exception as error:
        if debugging():
            raise
        server_log().exception("Unexpected error in a page run")
        st.error(french_message(error))
