"""Roles in the browser session: the adviser's link token, re-checked against the database on
every run of every adviser page (a link hidden from the menu is not a protection).

The candidate's dossier token stays in `?d=` (see `context`); the adviser's in `?a=`. Both are
also kept in `st.session_state`, since page switches drop the query string.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st

from ptce_assist.storage.workshops import Workshop
from ptce_assist.ui.store import get_store
from ptce_assist.workshops.access import AccessDenied, WorkshopService
from ptce_assist.workshops.config import (
    BRAKE_BASE_ENV,
    BRAKE_MAX_ENV,
    config_from_env,
    trust_proxy,
)
from ptce_assist.workshops.passphrase import configured_hash

ADVISER_PARAM = "a"
DOSSIER_PARAM = "dossier"  # the team dossier an adviser opened from the dashboard (its id)
ROLE_KEY = "role"
ADVISER_ROLE = "adviser"
_ADVISER_TOKEN_KEY = "adviser_token"
_OPENED_KEY = "adviser_dossier"
DASHBOARD_PATH = "tableau-de-bord"
_SETTINGS_ENV = (BRAKE_BASE_ENV, BRAKE_MAX_ENV)

NOT_ADVISER_MESSAGE = (
    "Cette page est réservée à la conseillère ou au conseiller qui anime l'atelier : "
    "ouvrez-la avec le lien privé reçu à la création de l'atelier."
)


def get_workshops() -> WorkshopService:
    """The workshop service on the app's database, with the current configuration."""
    settings = tuple(sorted((k, v) for k, v in os.environ.items() if k in _SETTINGS_ENV))
    return _workshops(id(get_store()), configured_hash() or "", settings)


@st.cache_resource(show_spinner=False)
def _workshops(
    store_key: int, passphrase_hash: str, settings: tuple[tuple[str, str], ...]
) -> WorkshopService:
    # The arguments are the cache key: another database or configuration, another service.
    return WorkshopService(get_store().engine, config_from_env(), passphrase_hash or None)


@dataclass(frozen=True)
class Adviser:
    token: str
    workshop: Workshop


def _token_from_request() -> str | None:
    from_url = st.query_params.get(ADVISER_PARAM)
    if from_url:
        st.session_state[_ADVISER_TOKEN_KEY] = from_url
    token = st.session_state.get(_ADVISER_TOKEN_KEY)
    return token if isinstance(token, str) and token else None


def adviser_token() -> str | None:
    """The adviser link this session holds (from the URL or kept from an earlier run), not
    checked: `current_adviser` checks it."""
    return _token_from_request()


def opened_by_adviser() -> int | None:
    """The id of the team dossier this session opened from the dashboard (not checked: the
    access layer checks it against the adviser's workshop on every read and write)."""
    from_url = st.query_params.get(DOSSIER_PARAM)
    if from_url and from_url.isdigit():
        st.session_state[_OPENED_KEY] = int(from_url)
    found = st.session_state.get(_OPENED_KEY)
    return found if isinstance(found, int) and adviser_token() is not None else None


def remember_opened(dossier_id: int | None) -> None:
    if dossier_id is None:
        st.session_state.pop(_OPENED_KEY, None)
        st.query_params.pop(DOSSIER_PARAM, None)
    else:
        st.session_state[_OPENED_KEY] = dossier_id
        st.query_params[DOSSIER_PARAM] = str(dossier_id)


def keep_adviser_in_url() -> None:
    """Page switches clear the query string: put the adviser's link (and the dossier they
    opened) back, so that a reload finds them."""
    token = st.session_state.get(_ADVISER_TOKEN_KEY)
    if isinstance(token, str) and token and st.query_params.get(ADVISER_PARAM) != token:
        st.query_params[ADVISER_PARAM] = token
    opened = st.session_state.get(_OPENED_KEY)
    if isinstance(opened, int) and st.query_params.get(DOSSIER_PARAM) != str(opened):
        st.query_params[DOSSIER_PARAM] = str(opened)


def current_adviser() -> Adviser | None:
    """The adviser of this session, checked against the database now; None otherwise."""
    token = _token_from_request()
    if token is None:
        _forget_role()
        return None
    try:
        workshop = get_workshops().adviser_workshop(token)
    except AccessDenied:
        _forget_role()
        return None
    st.session_state[ROLE_KEY] = ADVISER_ROLE
    return Adviser(token, workshop)


def require_adviser() -> Adviser:
    """The adviser, or a French message that says nothing more, and a stop."""
    had_token = _token_from_request() is not None
    adviser = current_adviser()
    if adviser is None:
        st.error(AccessDenied().args[0] if had_token else NOT_ADVISER_MESSAGE)
        st.stop()
    if st.query_params.get(ADVISER_PARAM) != adviser.token:
        st.query_params[ADVISER_PARAM] = adviser.token
    return adviser


def become_adviser(token: str) -> None:
    """After creating a workshop: this session holds its adviser link."""
    st.session_state[_ADVISER_TOKEN_KEY] = token
    st.session_state[ROLE_KEY] = ADVISER_ROLE


def _forget_role() -> None:
    st.session_state.pop(ROLE_KEY, None)
    st.session_state.pop(_ADVISER_TOKEN_KEY, None)
    st.session_state.pop(_OPENED_KEY, None)


def client_id() -> str:
    """Who is trying (for the brake on guessing): the IP address, as well as it is known."""
    if trust_proxy():
        real = st.context.headers.get("X-Real-IP")
        if isinstance(real, str) and real.strip():
            return real.strip()
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "local"


def app_base_url() -> str:
    try:
        url = st.context.url or ""
    except AttributeError:  # AppTest
        url = ""
    parts = urlsplit(url)
    prefix = str(st.get_option("server.baseUrlPath") or "").strip("/")
    root = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return f"{root}/{prefix}" if prefix else root


def adviser_link(token: str) -> str:
    return f"{app_base_url()}/{DASHBOARD_PATH}?{ADVISER_PARAM}={token}"


def advises_dossier(dossier_id: int) -> bool:
    """Whether this session's adviser (checked against the database now) coaches the
    workshop the dossier belongs to: holding the candidate's link is not enough."""
    adviser = current_adviser()
    if adviser is None:
        return False
    try:
        get_workshops().workshop_dossier(adviser.token, dossier_id)
    except AccessDenied:
        return False
    return True
