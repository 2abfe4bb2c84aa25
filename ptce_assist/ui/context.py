"""The dossier of the current browser session, found from the token in the URL."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from ptce_assist.call import Call, load_call
from ptce_assist.dossier import Dossier
from ptce_assist.serverlog import server_log
from ptce_assist.storage import DossierStore, StoredDossier, make_engine
from ptce_assist.storage.tokens import looks_like_token

TOKEN_PARAM = "d"
_TOKEN_KEY = "dossier_token"


@st.cache_resource(show_spinner=False)
def get_store() -> DossierStore:
    return DossierStore(make_engine())


def sync_token_with_url() -> None:
    """Keep `?d=<token>` in the address bar on every page (page switches clear it)."""
    from_url = st.query_params.get(TOKEN_PARAM)
    if from_url:
        if from_url != st.session_state.get(_TOKEN_KEY):
            forget_widgets()
        st.session_state[_TOKEN_KEY] = from_url
    elif st.session_state.get(_TOKEN_KEY):
        st.query_params[TOKEN_PARAM] = st.session_state[_TOKEN_KEY]


def current_token() -> str | None:
    token = st.session_state.get(_TOKEN_KEY)
    return token if isinstance(token, str) and looks_like_token(token) else None


def open_token(token: str) -> None:
    forget_widgets()
    st.session_state[_TOKEN_KEY] = token
    st.query_params[TOKEN_PARAM] = token


def close_dossier() -> None:
    forget_widgets()
    st.session_state.pop(_TOKEN_KEY, None)
    st.query_params.clear()


# Session keys that hold a field of the open dossier (ui.fields and ui.rubric_field).
WIDGET_PREFIXES = ("w:", "base:", "conflict:", "editor:", "editor-gen:", "editor-seed:",
                   "editor-saved:")


def forget_widgets() -> None:
    """Drop widget values seeded from another dossier."""
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(WIDGET_PREFIXES):
            del st.session_state[key]


def current_stored() -> StoredDossier | None:
    token = current_token()
    if token is None:
        return None
    return get_store().load(token)


CREATE_FAILED = (
    "Le dossier n'a pas pu être créé : la base de données du serveur est indisponible, pleine "
    "ou en lecture seule. Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe "
    "qui gère l'outil."
)


def create_dossier(dossier: Dossier | None = None) -> str | None:
    """Create and open a dossier; None (and a French message) when the database refuses."""
    try:
        token, _ = get_store().create(dossier)
    except (SQLAlchemyError, OSError):
        server_log().exception("Creating a dossier failed")
        st.error(CREATE_FAILED)
        return None
    open_token(token)
    return token


def call_of(dossier: Dossier) -> Call:
    return load_call(dossier.call_id)


def require_dossier() -> StoredDossier:
    """The current dossier, or a French explanation and a stop."""
    raw = st.session_state.get(_TOKEN_KEY)
    stored = current_stored()
    if stored is None:
        if raw:
            st.error(
                "Ce lien ne correspond à aucun dossier. Vérifiez le lien complet "
                "ou revenez à l'accueil pour en ouvrir un."
            )
        else:
            st.info(
                "Aucun dossier n'est ouvert. Commencez ou reprenez un dossier depuis l'accueil."
            )
        st.page_link("app_pages/accueil.py", label="Aller à l'accueil", icon=":material/home:")
        st.stop()
    return stored
