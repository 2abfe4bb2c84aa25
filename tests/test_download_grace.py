"""A download built on click stays available for a while after a run redrew its button
(ptce_assist/ui/download_grace.py), on Streamlit's own MediaFileManager."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from ptce_assist.ui.download_grace import GRACE, drop_unshown_callables, keep_superseded_downloads

COORDINATES = "1.2.0"


def _manager() -> MediaFileManager:
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def _redrawn(manager: MediaFileManager) -> tuple[str, str]:
    """The ids of one button as a first run and then a second run of the page drew it."""
    first = manager.add_deferred(lambda: b"premier", "text/plain", COORDINATES)
    manager.clear_session_refs()  # what Streamlit does as the next full run starts
    second = manager.add_deferred(lambda: b"second", "text/plain", COORDINATES)
    return first, second


def _available(manager: MediaFileManager, file_id: str) -> bool:
    try:
        manager.execute_deferred(file_id)
    except MediaFileStorageError:
        return False
    return True


def test_the_previous_runs_id_still_downloads_after_the_cleanup() -> None:
    keep_superseded_downloads()
    manager = _manager()
    first, second = _redrawn(manager)
    manager.remove_orphaned_files()  # what Streamlit does as that run ends
    assert _available(manager, first)  # Streamlit alone dropped it here
    assert _available(manager, second)


def test_an_id_unshown_for_the_grace_period_is_dropped() -> None:
    manager = _manager()
    first, second = _redrawn(manager)
    with manager._lock:
        drop_unshown_callables(manager, now=1000.0)
    with manager._lock:
        drop_unshown_callables(manager, now=1000.0 + GRACE - 1)
    assert _available(manager, first)
    with manager._lock:
        drop_unshown_callables(manager, now=1000.0 + GRACE)
    assert not _available(manager, first)
    assert _available(manager, second)  # still shown: never dropped
    with manager._lock:
        drop_unshown_callables(manager, now=1000.0 + 10 * GRACE)
    assert _available(manager, second)


def test_an_id_shown_again_starts_its_delay_anew() -> None:
    manager = _manager()
    file_id = manager.add_deferred(lambda: b"x", "text/plain", COORDINATES)
    manager.clear_session_refs()
    with manager._lock:
        drop_unshown_callables(manager, now=0.0)
    manager._files_by_session_and_coord["dontcare"][COORDINATES] = file_id
    with manager._lock:
        drop_unshown_callables(manager, now=GRACE - 1)
    manager.clear_session_refs()
    with manager._lock:
        drop_unshown_callables(manager, now=GRACE + 1)
    assert _available(manager, file_id)


def test_a_button_drawn_disabled_still_revokes_at_once() -> None:
    keep_superseded_downloads()
    manager = _manager()
    first, _ = _redrawn(manager)
    manager.remove_deferred(COORDINATES)
    assert not _available(manager, first)
    with pytest.raises(MediaFileStorageError):
        manager.execute_deferred(first)
