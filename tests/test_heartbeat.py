"""A navigation never waits for the presence heartbeat (ptce_assist/ui/heartbeat.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

import pytest
from streamlit.util import calc_hash

from ptce_assist.dossier import Dossier
from ptce_assist.storage import make_engine
from ptce_assist.storage.presence import PresenceStore
from ptce_assist.ui import heartbeat
from ptce_assist.ui.team import TAB_KEY
from tests.apptest_support import app_with, new_store


def _places(presence: PresenceStore, dossier_id: int) -> set[str]:
    now = dt.datetime.now(dt.UTC)
    return {p.place for p in presence.others(dossier_id, "nobody", now)}


def test_a_page_is_drawn_while_another_writer_holds_the_database_and_presence_follows(
    tmp_path: Path,
) -> None:
    store = new_store(tmp_path)
    token, stored = store.create(Dossier())
    presence = PresenceStore(store.engine)
    at = app_with(token)
    at.session_state[TAB_KEY] = "0a" * 12  # (what the member panel tells in a browser)
    # Another writer (a save of another session, another server process) holds the write lock
    # for longer than the run may take: the page must not queue behind it for its presence.
    holder = sqlite3.connect(tmp_path / "apptest.sqlite3", isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    try:
        at._page_hash = calc_hash("identite")
        at.run(timeout=10)  # the old run waited for the lock (SQLite's busy timeout: 30 s)
        assert not at.exception
        assert [t.value for t in at.title] == ["Identité du projet"]
        assert "identite" not in _places(presence, stored.id)  # (not written yet: the lock holds)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Once the lock is released, the session is seen on the page it opened.
    deadline = time.monotonic() + 20
    while "identite" not in _places(presence, stored.id):
        assert time.monotonic() < deadline, "presence never written"
        time.sleep(0.05)


def test_a_presence_that_cannot_be_written_is_logged_and_the_writer_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = dt.datetime.now(dt.UTC)
    broken = PresenceStore(make_engine(f"sqlite:///{tmp_path / 'no-tables.sqlite3'}"))
    assert heartbeat.beat(broken, "s1", 1, "Claire", "budget", now).result(timeout=30) is None
    assert "presence not written" in caplog.text
    # The same writer then writes where it can.
    store = new_store(tmp_path)
    _, stored = store.create(Dossier())
    working = PresenceStore(store.engine)
    heartbeat.beat(working, "s2", stored.id, "Paul", "budget", now).result(timeout=30)
    assert [p.name for p in working.others(stored.id, "nobody", now)] == ["Paul"]
