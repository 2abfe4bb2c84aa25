"""The dossier of the current browser session, found from the token in the URL.

The dossier is read from the database once per run (`begin_run`, called by app.py before the
page) and handed to every widget of the run; a save made during the run replaces it. If the
database cannot be read, the last copy this session read is shown, with a French notice, so
that nothing typed in the page disappears (its fields keep saving once the database is back).

Widgets keep page-scoped state in `st.session_state` under keys starting with "p:" (seeds,
statuses, conflicts). It is dropped whenever the page or the dossier changes, so a page shown
again is always seeded from the database, never from what it held when it was last shown.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ptce_assist.call import Call, load_call
from ptce_assist.dossier import Dossier, get_path
from ptce_assist.fingerprint import value_digest
from ptce_assist.services import Refused
from ptce_assist.services.access import AdviserAccess, AdviserRight, DossierAccess, TeamAccess
from ptce_assist.storage import StoredDossier
from ptce_assist.storage.tokens import looks_like_token
from ptce_assist.ui import roles
from ptce_assist.ui.errors import STORAGE as STORAGE_UNAVAILABLE
from ptce_assist.ui.store import get_service, get_store

__all__ = ["get_service", "get_store"]  # re-exported: pages and tests take them from here

LOGGER = logging.getLogger(__name__)

TOKEN_PARAM = "d"
_TOKEN_KEY = "dossier_token"
_RUN_KEY = "run:dossier"  # the OpenDossier of the current run
_LAST_GOOD_KEY = "run:last-good"  # the last StoredDossier read, for a database outage
_PAGE_KEY = "run:page"
_OUTAGE_KEY = "run:outage"  # this run could not read the database
PAGE_PREFIX = "p:"

DATABASE_DOWN = (
    "La base de données ne répond pas pour l'instant. Ce que vous tapez reste dans la page et "
    "dans ce navigateur, et sera enregistré dès son retour : ne fermez pas la page."
)

ADVISER_DOSSIER_GONE = (
    "Ce dossier n'est plus dans votre atelier, ou votre lien d'accès a expiré. Revenez au "
    "tableau de bord pour en ouvrir un autre."
)


@dataclass
class OpenDossier:
    """The dossier as this run sees it, with what widgets need to bind to its fields, and the
    session's rights on it (`access`: the team's, or an adviser's from the dashboard)."""

    access: DossierAccess
    stored: StoredDossier
    offline: bool = False  # the database could not be read: this is the last copy read
    _data: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def dossier(self) -> Dossier:
        return self.stored.dossier

    @property
    def id(self) -> int:
        return self.stored.id

    @property
    def version(self) -> int:
        return self.stored.version

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self.stored.dossier.model_dump(mode="json")
        return self._data

    def value(self, path: str) -> Any:
        return get_path(self.data, path)

    def digest(self, path: str) -> str:
        return value_digest(self.value(path))

    @property
    def scope(self) -> str:
        """Names the dossier in this browser's drafts without revealing its link."""
        return self.access.scope

    @property
    def team(self) -> bool:
        """Whether this session writes as the team (else it reads, as an adviser)."""
        return self.access.team

    def may_write(self, path: str) -> bool:
        return self.access.may_write(path)


# -- the token ---------------------------------------------------------------------------------
def sync_token_with_url() -> None:
    """Keep `?d=<token>` in the address bar on every page (page switches clear it)."""
    from_url = st.query_params.get(TOKEN_PARAM)
    if from_url:
        if from_url != st.session_state.get(_TOKEN_KEY):
            forget_widgets()
        st.session_state[_TOKEN_KEY] = from_url
    elif st.session_state.get(_TOKEN_KEY):
        st.query_params[TOKEN_PARAM] = st.session_state[_TOKEN_KEY]
    roles.keep_adviser_in_url()


def current_token() -> str | None:
    token = st.session_state.get(_TOKEN_KEY)
    return token if isinstance(token, str) and looks_like_token(token) else None


def open_token(token: str) -> None:
    forget_widgets()
    st.session_state[_TOKEN_KEY] = token
    st.query_params[TOKEN_PARAM] = token


def open_as_adviser(dossier_id: int | None) -> None:
    """From the dashboard: open a team's dossier with the adviser's own rights (read, score,
    comment), never with the team's; None closes it."""
    if roles.opened_by_adviser() == dossier_id and current_token() is None:
        return
    forget_widgets()
    st.session_state.pop(_TOKEN_KEY, None)
    st.query_params.pop(TOKEN_PARAM, None)
    st.session_state[_RUN_KEY] = None
    st.session_state.pop(_LAST_GOOD_KEY, None)
    roles.remember_opened(dossier_id)


def close_dossier() -> None:
    forget_widgets()
    st.session_state.pop(_TOKEN_KEY, None)
    st.session_state[_RUN_KEY] = None
    st.session_state.pop(_LAST_GOOD_KEY, None)
    st.query_params.clear()


# Older session keys that hold a field of the open dossier, dropped with the page-scoped ones.
WIDGET_PREFIXES = (PAGE_PREFIX, "w:", "base:", "conflict:", "editor:", "editor-gen:",
                   "editor-seed:", "editor-saved:", "budget:")


def forget_widgets() -> None:
    """Drop widget values and seeds: the next draw reads the database again."""
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(WIDGET_PREFIXES):
            del st.session_state[key]


def enter_page(page_id: str) -> None:
    """Called by app.py with the page about to run: a page shown anew is seeded anew."""
    if st.session_state.get(_PAGE_KEY) != page_id:
        forget_widgets()
        st.session_state[_PAGE_KEY] = page_id


# -- the dossier of this run -------------------------------------------------------------------
def _session_access() -> DossierAccess | None:
    """The rights this session holds: the team's link, else a dossier opened from the
    adviser's dashboard (checked against the database when read and when written)."""
    token = current_token()
    if token is not None:
        return TeamAccess(get_service(), token)
    opened = roles.opened_by_adviser()
    adviser = roles.adviser_token()
    if opened is None or adviser is None:
        return None
    return AdviserAccess(get_service(), AdviserRight(roles.get_workshops(), adviser, opened))


def _with_adviser(access: DossierAccess, stored: StoredDossier) -> DossierAccess:
    """The team's link held by an adviser session: the adviser's column too (checked on
    every write against the adviser's workshop)."""
    adviser = roles.adviser_token()
    if isinstance(access, TeamAccess) and adviser is not None:
        return dataclasses.replace(
            access, adviser=AdviserRight(roles.get_workshops(), adviser, stored.id)
        )
    return access


def begin_run() -> None:
    """Read the open dossier once for this run (app.py, before the page)."""
    st.session_state[_RUN_KEY] = None
    st.session_state[_OUTAGE_KEY] = False
    access = _session_access()
    if access is None:
        return
    try:
        stored = access.load()
    except Exception:
        LOGGER.exception("could not read the dossier")
        st.session_state[_OUTAGE_KEY] = True
        last = st.session_state.get(_LAST_GOOD_KEY)
        if isinstance(last, StoredDossier):  # the page stays, with what is typed in it
            st.session_state[_RUN_KEY] = OpenDossier(access, last, offline=True)
            st.error(DATABASE_DOWN, icon=":material/cloud_off:")
        else:  # nothing read yet in this session: nothing to show
            st.error(STORAGE_UNAVAILABLE)
        return
    if stored is None:
        return
    st.session_state[_LAST_GOOD_KEY] = stored
    st.session_state[_RUN_KEY] = OpenDossier(_with_adviser(access, stored), stored)


def current_open() -> OpenDossier | None:
    """The dossier of this run (None if none is open or the link is unknown)."""
    access = _session_access()
    if access is None:
        return None
    if _RUN_KEY in st.session_state:
        found = st.session_state[_RUN_KEY]
        return found if isinstance(found, OpenDossier) and found.scope == access.scope else None
    # Before app.py read it (AppTest on a page alone): read it now.
    stored = access.load()
    return OpenDossier(_with_adviser(access, stored), stored) if stored is not None else None


def note_saved(stored: StoredDossier) -> None:
    """A save made during the run: what the rest of the run shows is what is stored."""
    found = current_open()
    if found is not None:
        st.session_state[_RUN_KEY] = OpenDossier(found.access, stored)
        st.session_state[_LAST_GOOD_KEY] = stored


def current_stored() -> StoredDossier | None:
    found = current_open()
    return found.stored if found is not None else None


def create_dossier(dossier: Dossier | None = None) -> str | None:
    """Create a dossier and open it; None (and a French message shown) if that failed."""
    created = get_service().create(dossier)
    if isinstance(created, Refused):
        st.error(created.message)
        return None
    token, stored = created
    open_token(token)
    st.session_state[_RUN_KEY] = OpenDossier(TeamAccess(get_service(), token), stored)
    st.session_state[_LAST_GOOD_KEY] = stored
    return token


def call_of(dossier: Dossier) -> Call:
    return load_call(dossier.call_id)


def require_open() -> OpenDossier:
    """The dossier of this run, or a French explanation and a stop."""
    found = current_open()
    if found is None:
        if st.session_state.get(_OUTAGE_KEY):
            st.stop()  # the outage is already said at the top of the page
        if current_token() is None and roles.opened_by_adviser() is not None:
            st.error(ADVISER_DOSSIER_GONE)
            st.page_link(
                "app_pages/tableau_de_bord.py", label="Tableau de bord",
                icon=":material/dashboard:",
            )
            st.stop()
        if st.session_state.get(_TOKEN_KEY):
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
    return found


def require_dossier() -> StoredDossier:
    return require_open().stored


TEAM_ONLY = (
    "Cette page sert à l'équipe qui rédige le dossier. Vous le consultez depuis le tableau de "
    "bord de l'atelier : ses textes restent les siens."
)


def require_team() -> OpenDossier:
    """The dossier of this run when this session writes as the team; else a French word (an
    adviser reads the team's dossier) and a stop."""
    found = require_open()
    if not found.team:
        st.info(TEAM_ONLY, icon=":material/visibility:")
        st.stop()
    return found
