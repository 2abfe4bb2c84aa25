"""The presence heartbeat (« this session is here, on this page »), written off the page run.

A heartbeat is a write transaction. It was made inside the run of every navigation (the page
changes, so the place does), on the path between the click and the page: on SQLite it first
queues behind every save of the server's other sessions (one writer at a time), then waits
for the disk (synchronous=FULL: 2 ms typical, up to 60 ms measured with a CI run beside it). It
was the largest database cost of a visit. Presence is ephemeral (a row not refreshed within a
minute is someone who left), so the write goes to one writer thread and the run goes on; one
thread keeps each session's beats in order.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial

from ptce_assist.storage.presence import PresenceStore

LOGGER = logging.getLogger(__name__)

_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ptce-presence")


def beat(
    store: PresenceStore,
    session_key: str,
    dossier_id: int,
    name: str,
    place: str,
    now: dt.datetime,
) -> Future[None]:
    """Write this session's presence soon, without waiting for it."""
    return _WRITER.submit(_logged, partial(store.here, session_key, dossier_id, name, place, now))


def _logged(write: Callable[[], None]) -> None:
    try:
        write()
    except Exception:  # the database may be down: the page's own run says so
        LOGGER.exception("presence not written")
