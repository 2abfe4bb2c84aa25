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
import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import streamlit as st
from sqlalchemy import exc

from ptce_assist.call import Call, load_call
from ptce_assist.dossier import Dossier, get_path
from ptce_assist.fingerprint import value_digest
from ptce_assist.services import Refused
from ptce_assist.services.access import AdviserAccess, AdviserRight, DossierAccess, TeamAccess
from ptce_assist.storage import StoredDossier
from ptce_assist.storage.history import HistoryStore
from ptce_assist.storage.migrate import SchemaOutdated
from ptce_assist.storage.tokens import looks_like_token
from ptce_assist.ui import roles
from ptce_assist.ui.store import get_service, get_store

__all__ = ["get_service", "get_store"]  # re-exported: pages and tests take them from here

LOGGER = logging.getLogger(__name__)
PARIS = ZoneInfo("Europe/Paris")

TOKEN_PARAM = "d"
_TOKEN_KEY = "dossier_token"
_RUN_KEY = "run:dossier"  # the OpenDossier of the current run
_LAST_GOOD_KEY = "run:last-good"  # the last StoredDossier read, for a database outage
_PAGE_KEY = "run:page"
_OUTAGE_KEY = "run:outage"  # this run could not read the database
SEEN_KEY = "run:seen-version"  # the dossier version this page was drawn from
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
    _changes: dict[str, tuple[str, dt.datetime]] | None = field(default=None, repr=False)

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

    def last_change(self, path: str) -> dict[str, str] | None:
        """Who saved the field last and at what time (Paris), from its history (read once
        per run, for every field); None when unknown or the database cannot be read."""
        if self._changes is None:
            try:
                self._changes = HistoryStore(get_store().engine).latest_changes(self.stored.id)
            except Exception:
                LOGGER.exception("could not read the fields' last authors")
                self._changes = {}
        found = self._changes.get(path)
        if found is None:
            return None
        author, when = found
        return {"author": author, "time": when.astimezone(PARIS).strftime("%H:%M")}

    @property
    def scope(self) -> str:
        """Names the dossier in this browser's drafts without revealing its link (the team's
        drafts keep their name when the link is replaced by a new one; an adviser's are theirs
        alone)."""
        return f"dossier-{self.stored.id}" if self.access.team else self.access.scope

    @property
    def team(self) -> bool:
        """Whether this session writes as the team (else it reads, as an adviser)."""
        return self.access.team

    @property
    def token(self) -> str | None:
        """The team's personal link (None for an adviser reading from the dashboard)."""
        return self.access.token if isinstance(self.access, TeamAccess) else None

    def may_write(self, path: str) -> bool:
        return self.access.may_write(path)


# What a database that is down, restarting or unreachable raises (not a bug of ours).
DATABASE_ERRORS = (
    exc.OperationalError,
    exc.InterfaceError,
    exc.TimeoutError,
    exc.DisconnectionError,
)


@contextmanager
def database_guard() -> Iterator[None]:
    """Around the page (app.py): a read of the database that fails anywhere in the page
    (workshops, dashboard, comments, export) ends the page with the French notice, said once,
    instead of a traceback. What the page showed before it stays, its typed text included."""
    try:
        yield
    except DATABASE_ERRORS:
        LOGGER.exception("the database failed during the page")
        if not st.session_state.get(_OUTAGE_KEY):
            st.session_state[_OUTAGE_KEY] = True
            st.error(DATABASE_DOWN, icon=":material/cloud_off:")
    except SchemaOutdated as error:
        LOGGER.error("%s", error)
        st.error(str(error), icon=":material/cloud_off:")


def database_is_down() -> bool:
    """This run already found the database down (pages skip optional reads then)."""
    return bool(st.session_state.get(_OUTAGE_KEY))


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
WIDGET_PREFIXES = (
    PAGE_PREFIX,
    "w:",
    "base:",
    "conflict:",
    "editor:",
    "editor-gen:",
    "editor-seed:",
    "editor-saved:",
    "budget:",
)


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


def current_page() -> str:
    """The url path of the page this session shows ("" for the home page)."""
    page = st.session_state.get(_PAGE_KEY)
    return page if isinstance(page, str) else ""


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
    access: DossierAccess | None = None
    try:
        access = _session_access()  # opens the database on a process's first run
        if access is None:
            return
        stored = access.load()
    except (*DATABASE_ERRORS, SchemaOutdated) as error:
        LOGGER.exception("could not read the dossier")
        st.session_state[_OUTAGE_KEY] = True
        last = st.session_state.get(_LAST_GOOD_KEY)
        if access is not None and isinstance(last, StoredDossier):  # the page stays, as typed
            st.session_state[_RUN_KEY] = OpenDossier(access, last, offline=True)
        shown = str(error) if isinstance(error, SchemaOutdated) else DATABASE_DOWN
        st.error(shown, icon=":material/cloud_off:")
        return
    if stored is None:
        return  # (the page says so; `require_open` then tells team.team_watch)
    st.session_state[_LAST_GOOD_KEY] = stored
    st.session_state[_RUN_KEY] = OpenDossier(_with_adviser(access, stored), stored)
    st.session_state[SEEN_KEY] = stored.version


def current_open() -> OpenDossier | None:
    """The dossier of this run (None if none is open or the link is unknown)."""
    if _RUN_KEY in st.session_state:
        found = st.session_state[_RUN_KEY]
        if not isinstance(found, OpenDossier):
            return None  # (nothing opened by this run: no database needed to say so)
        access = _session_access()
        same = access is not None and found.access.scope == access.scope
        return found if same else None
    access = _session_access()
    if access is None:
        return None
    # Before app.py read it (AppTest on a page alone): read it now.
    stored = access.load()
    return OpenDossier(_with_adviser(access, stored), stored) if stored is not None else None


def note_saved(stored: StoredDossier) -> None:
    """A save made during the run: what the rest of the run shows is what is stored."""
    access = _session_access()  # the link may have just changed (a new link, a new dossier)
    if access is not None:
        st.session_state[_RUN_KEY] = OpenDossier(_with_adviser(access, stored), stored)
        st.session_state[_LAST_GOOD_KEY] = stored
        st.session_state[SEEN_KEY] = stored.version


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
    note_saved(stored)
    return token


def call_of(dossier: Dossier) -> Call:
    return load_call(dossier.call_id)


def require_open() -> OpenDossier:
    """The dossier of this run, or a French explanation and a stop."""
    found = current_open()
    if found is None:
        _explain_no_dossier()
        # Only now is the page drawn without the dossier: until then team.team_watch keeps
        # asking for a run of the page (a run can be cut short before it gets here).
        st.session_state[SEEN_KEY] = None
        st.stop()
    return found


def _explain_no_dossier() -> None:
    if st.session_state.get(_OUTAGE_KEY):
        return  # the outage is already said at the top of the page
    if current_token() is None and roles.opened_by_adviser() is not None:
        st.error(ADVISER_DOSSIER_GONE)
        st.page_link(
            "app_pages/tableau_de_bord.py", label="Tableau de bord", icon=":material/dashboard:"
        )
        return
    if st.session_state.get(_TOKEN_KEY):
        st.error(_unknown_link_message(str(st.session_state[_TOKEN_KEY])))
    else:
        st.info("Aucun dossier n'est ouvert. Commencez ou reprenez un dossier depuis l'accueil.")
    st.page_link("app_pages/accueil.py", label="Aller à l'accueil", icon=":material/home:")


def _unknown_link_message(token: str) -> str:
    replaced = get_store().replaced_at(token) if looks_like_token(token) else None
    if replaced is None:
        return (
            "Ce lien ne correspond à aucun dossier. Vérifiez le lien complet ou revenez à "
            "l'accueil pour en ouvrir un."
        )
    when = replaced.astimezone(PARIS)
    return (
        f"Ce lien a été remplacé par un nouveau lien le {when:%d/%m/%Y} à {when:%H:%M} : il "
        "n'ouvre plus le dossier. Demandez le nouveau lien à votre équipe. Ce que vous aviez "
        "tapé sans qu'il soit encore enregistré reste gardé dans ce navigateur : il vous sera "
        "proposé quand vous ouvrirez le nouveau lien."
    )


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
