"""The team's presence is keyed by the browser tab, not by the server session
(ptce_assist/ui/team.py): a reload (a new server session in the same tab) must not see the
presence its tab wrote before as someone else's."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from streamlit.util import calc_hash

from ptce_assist.dossier import Dossier
from ptce_assist.storage.presence import PresenceStore
from ptce_assist.ui.team import TAB_KEY
from tests.apptest_support import app_with, new_store

TAB = "0a" * 12


def _captions(at: object) -> list[str]:
    return [c.value for c in at.sidebar.caption]  # type: ignore[attr-defined]


def test_a_new_session_of_a_known_tab_is_not_someone_else(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, stored = store.create(Dossier())
    presence = PresenceStore(store.engine)
    now = dt.datetime.now(dt.UTC)
    # Before the reload, this tab was on Budget under the name Claire; Sami is on Identité.
    presence.here(TAB, stored.id, "Claire", "budget", now)
    presence.here("1b" * 12, stored.id, "Sami", "identite", now)

    at = app_with(token)
    at._page_hash = calc_hash("identite")
    at.run(timeout=30)
    assert not at.exception
    # The first run, before the tab has told its id: nobody listed, nothing written.
    assert "Claire — Budget prévisionnel" not in _captions(at)
    assert "Sami — Identité" not in _captions(at)
    assert {p.place for p in presence.others(stored.id, "nobody", now)} == {"budget", "identite"}

    at.session_state[TAB_KEY] = TAB  # (the member panel tells it, just after the first run)
    at.run(timeout=30)
    assert "Sami — Identité" in _captions(at)
    assert not [c for c in _captions(at) if c.startswith("Claire") or "sans prénom" in c]
    # Its presence is the tab's own row, moved to where the tab now is: one row, not two.
    deadline = time.monotonic() + 20
    while True:
        rows = presence.others(stored.id, "nobody", dt.datetime.now(dt.UTC))
        if {(p.session_key, p.place) for p in rows} == {(TAB, "identite"), ("1b" * 12, "identite")}:
            break
        assert time.monotonic() < deadline, f"presence not moved: {rows}"
        time.sleep(0.05)


def test_the_team_page_lists_the_others_once_the_tab_is_known(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, stored = store.create(Dossier())
    presence = PresenceStore(store.engine)
    now = dt.datetime.now(dt.UTC)
    presence.here(TAB, stored.id, "Claire", "budget", now)  # this tab, before a reload
    presence.here("1b" * 12, stored.id, "Sami", "identite", now)

    at = app_with(token)
    at._page_hash = calc_hash("equipe")
    at.run(timeout=30)
    assert not at.exception
    shown = [c.value for c in at.main.caption]
    # Not known yet: neither a list with the tab's own past in it nor « nobody else ».
    assert not [c for c in shown if c.startswith(("Claire", "Sami", "Personne d'autre"))]

    at.session_state[TAB_KEY] = TAB
    at.run(timeout=30)
    shown = [c.value for c in at.main.caption]
    assert "Sami — Identité" in shown
    assert not [c for c in shown if c.startswith(("Claire", "Personne d'autre"))]
