"""A download button built on click keeps working for a while after a run redrew it.

`st.download_button(data=callable)` gives the browser an id that Streamlit registers anew on
every run of the page; at the end of each run it drops every id no session still shows. A
click made on the button as the previous run drew it, whose request reaches the server once the
next run is over, asks for a dropped id: no file, and « Failed to generate file for download »
in English under the button. It happened on a busy machine to a click made right after a fresh
tab's first run, while the run the tab causes by telling its id (static/ptce/member.js) redrew
the page; a teammate's save redraws it too.

Streamlit keeps a static download's file one cleanup longer for the same reason; it gives a
callable no such delay. So an id no longer shown is dropped only once `GRACE` seconds have
passed since a cleanup first found it unshown. The callables read the dossier when clicked
(app_pages/export.py), so a late click gets what is stored then. A button drawn disabled still
revokes its ids at once (Streamlit's `remove_deferred`, untouched).

Streamlit has no setting for this: the hook is `MediaFileManager`'s cleanup of deferred
callables (Streamlit 1.67, pinned in requirements.txt; tests/test_download_grace.py fails if
the names it relies on change).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from streamlit.runtime.media_file_manager import MediaFileManager

GRACE = 120.0  # seconds: a click held by the click guard waits 10 s at most

_CLEANUP = "_remove_orphaned_deferred_callables"
_MARK = "_ptce_grace_installed"

_LOG = logging.getLogger(__name__)


def drop_unshown_callables(manager: Any, now: float) -> None:
    """Drop the deferred callables no session has shown for `GRACE` seconds (`manager`'s lock
    held, as Streamlit holds it for the method this replaces)."""
    shown: set[str] = set()
    for by_coordinates in manager._files_by_session_and_coord.values():
        shown.update(by_coordinates.values())
    unshown_since: dict[str, float] = manager.__dict__.setdefault("_ptce_unshown_since", {})
    for file_id in list(manager._deferred_callables):
        if file_id in shown:
            unshown_since.pop(file_id, None)
        elif now - unshown_since.setdefault(file_id, now) >= GRACE:
            manager._drop_deferred_id(file_id)
    for file_id in [f for f in unshown_since if f not in manager._deferred_callables]:
        del unshown_since[file_id]  # dropped above, or revoked by Streamlit


def keep_superseded_downloads() -> None:
    """Install the delay in Streamlit's cleanup, once per process (later calls do nothing)."""
    if getattr(MediaFileManager, _MARK, False):
        return
    if not callable(getattr(MediaFileManager, _CLEANUP, None)):
        _LOG.warning("Streamlit has no %s: downloads keep Streamlit's own cleanup", _CLEANUP)
        return

    def remove_orphaned_deferred_callables(self: MediaFileManager) -> None:
        drop_unshown_callables(self, time.monotonic())

    setattr(MediaFileManager, _CLEANUP, remove_orphaned_deferred_callables)
    setattr(MediaFileManager, _MARK, True)
