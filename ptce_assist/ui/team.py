"""The team writing together: who writes (a first name kept in the browser), who else has the
dossier open and where, and the page brought up to date when someone else saves what it shows.

A fragment in the sidebar runs every `LIVE_EVERY` on every page of an open dossier: it says
this session is here (at most every `HEARTBEAT_EVERY`, in the database, so that every server
process sees it), lists the others seen within a minute, and reads the dossier's version: when
someone else saved a field this page shows, the whole page runs again, and each field takes
the new value if the person has nothing unsaved in it (static/ptce/sync.js), or offers the
choice if they have.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Mapping

import streamlit as st

from ptce_assist.call import Call
from ptce_assist.dossier import get_path
from ptce_assist.fingerprint import value_digest
from ptce_assist.storage.presence import PresenceStore, Present
from ptce_assist.ui import heartbeat
from ptce_assist.ui.context import (
    PAGE_PREFIX,
    SEEN_KEY,
    current_page,
    current_token,
    get_store,
)
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.web import module_loader, stylesheets

LOGGER = logging.getLogger(__name__)

LIVE_ENV = "PTCE_TEAM_LIVE"  # "0": no presence and no live updates (bench/load.py compares)
LIVE_EVERY = dt.timedelta(seconds=3)
HEARTBEAT_EVERY = dt.timedelta(seconds=15)
NAME_KEY = "member:name"
TAB_KEY = "member:tab"  # this tab's id, told by the member panel (static/ptce/member.js)
_TAB_ID = re.compile(r"[0-9a-f]{24}")
WATCHED_KEY = f"{PAGE_PREFIX}watched"  # path -> digest of the value this page shows
_BEAT_KEY = "member:last-beat"  # (when, what) of this session's last presence write

PAGE_NAMES = {
    "": "l'accueil",
    "identite": "Identité",
    "budget": "Budget prévisionnel",
    "recapitulatif": "Récapitulatif",
    "export": "Exporter",
    "importer": "Importer un brouillon Word",
    "recevabilite": "Recevabilité",
    "porteur": "Porteur et gouvernance",
    "acteurs-du-pole": "Acteurs du pôle",
    "eligibilite": "Éligibilité",
    "autoevaluation": "Auto-évaluation",
    "rejoindre-atelier": "Rejoindre un atelier",
    "equipe": "Écrire en équipe",
}

_member = st.components.v2.component(
    "ptce_assist.member",
    html=stylesheets("member.css")
    + """
<div class="ptce-member">
  <p class="ptce-member-shown" hidden>
    <span class="ptce-member-text"></span>
    <button type="button" class="ptce-member-change">Changer</button>
  </p>
  <form hidden>
    <label for="ptce-member-name">Votre prénom (l'équipe voit qui écrit)</label>
    <input id="ptce-member-name" type="text" maxlength="40" autocomplete="given-name">
    <button type="submit">Enregistrer</button>
  </form>
</div>
""",
    js=module_loader("member.js"),
)


def live() -> bool:
    return os.environ.get(LIVE_ENV, "1") != "0"


def member_name() -> str:
    """The first name this browser writes under ("" until given)."""
    name = st.session_state.get(NAME_KEY, "")
    return name if isinstance(name, str) else ""


def _session_key() -> str | None:
    """Who this session is to the team: its tab's id, which a reload keeps (None until the
    member panel has told it, just after the tab's first run). A reload's new server session
    must not see the old one's presence as someone else's, so presence waits for the id."""
    key = st.session_state.get(TAB_KEY)
    return key if isinstance(key, str) else None


def _member_state(name: str) -> object:
    state = st.session_state.get("ptce-member")
    return state.get(name) if isinstance(state, Mapping) else None


def _on_name() -> None:
    name = _member_state("name")
    if isinstance(name, str):
        st.session_state[NAME_KEY] = " ".join(name.split())[:40]


def _on_tab() -> None:
    tab = _member_state("tab")
    if isinstance(tab, str) and _TAB_ID.fullmatch(tab):
        st.session_state[TAB_KEY] = tab


def member_panel() -> None:
    """In the sidebar: the first name this browser writes under, or a field to give it."""
    _member(
        key="ptce-member",
        data={"name": member_name(), "tab": _session_key()},
        default={"name": None, "tab": None},
        on_name_change=_on_name,
        on_tab_change=_on_tab,
    )


def watch(path: str, value: object) -> bool:
    """A bound field shows `value` at `path` on this page: watch it for saves made elsewhere.
    True if the page showed another value there on its previous run."""
    watched = st.session_state.setdefault(WATCHED_KEY, {})
    digest = value_digest(value)
    before = watched.get(path)
    watched[path] = digest
    return before is not None and before != digest


def place_name(place: str, call: Call | None) -> str:
    if call is not None and place in call.rubric_ids:
        return f"« {call.rubric(place).short_fr} »"
    return PAGE_NAMES.get(place, place)


def who(present: Present) -> str:
    return present.name or "Une personne sans prénom"


def presence_store() -> PresenceStore:
    return PresenceStore(get_store().engine)


@st.fragment(run_every=LIVE_EVERY)
def team_watch(call: Call | None) -> None:
    """Sidebar: who else is here; the page brought up to date after a save made elsewhere."""
    token = current_token()
    if token is None:
        return
    now = dt.datetime.now(dt.UTC)
    try:  # the database may be down: the page's own run says so, the sidebar stays quiet
        head = get_store().head(token)
        if head is None:  # the link was replaced meanwhile: the page says so
            # Asked again on every tick until a run of the page has drawn it without the
            # dossier (context.begin_run then forgets the version): a rerun asked from a
            # fragment can be folded into another request and never happen.
            if st.session_state.get(SEEN_KEY) is not None:
                st.rerun(scope="app")
            return
        dossier_id, version = head
        session_key = _session_key()
        if session_key is not None:
            _heartbeat(dossier_id, session_key, now)
        others = presence_store().others(dossier_id, session_key, now) if session_key else []
        seen = st.session_state.get(SEEN_KEY)
        changed = isinstance(seen, int) and version > seen and _shown_fields_changed(token)
    except Exception:
        LOGGER.exception("presence or version check failed")
        return
    if others:
        st.caption("En ce moment dans ce dossier :")
        for present in others:
            st.caption(md_escape(f"{who(present)} — {place_name(present.place, call)}"))
    if isinstance(seen, int) and version > seen:
        if changed:
            st.rerun(scope="app")
        st.session_state[SEEN_KEY] = version


def _heartbeat(dossier_id: int, session_key: str, now: dt.datetime) -> None:
    # Written again at once when the page or the name changes: the tab's id and the name
    # reach a new session in two runs, and the team saw « Une personne sans prénom » until
    # the next beat.
    place, name = current_page(), member_name()
    last = st.session_state.get(_BEAT_KEY)
    when, what = last if isinstance(last, tuple) else (None, None)
    if what == (dossier_id, place, name) and when is not None and now - when < HEARTBEAT_EVERY:
        return
    heartbeat.beat(presence_store(), session_key, dossier_id, name, place, now)
    st.session_state[_BEAT_KEY] = (now, (dossier_id, place, name))


def _shown_fields_changed(token: str) -> bool:
    watched = st.session_state.get(WATCHED_KEY)
    if not isinstance(watched, dict) or not watched:
        return False
    stored = get_store().load(token)
    if stored is None:
        return True
    data = stored.dossier.model_dump(mode="json")
    return any(value_digest(get_path(data, path)) != digest for path, digest in watched.items())


def present_now(dossier_id: int) -> list[Present] | None:
    """The others who have the dossier open now (None before the tab has told its id)."""
    session_key = _session_key()
    if session_key is None:
        return None
    return presence_store().others(dossier_id, session_key, dt.datetime.now(dt.UTC))


def others_here(place: str) -> list[Present]:
    """The others on page `place` of the open dossier now (for a rubric page's note)."""
    token = current_token()
    session_key = _session_key()
    if token is None or session_key is None:
        return []
    try:
        head = get_store().head(token)
        if head is None:
            return []
        now = dt.datetime.now(dt.UTC)
        return [p for p in presence_store().others(head[0], session_key, now) if p.place == place]
    except Exception:
        LOGGER.exception("presence read failed")
        return []
