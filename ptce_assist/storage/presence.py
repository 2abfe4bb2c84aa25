"""Who has a dossier open, and on which page: one row per browser session, refreshed by the
page every few seconds; a row not refreshed for `GONE_AFTER` is someone who left."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select, update

from ptce_assist.storage.clock import aware
from ptce_assist.storage.engine import read_connection, write_transaction
from ptce_assist.storage.schema import presence

GONE_AFTER = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class Present:
    session_key: str
    name: str
    place: str
    seen_at: dt.datetime


class PresenceStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def here(
        self, session_key: str, dossier_id: int, name: str, place: str, now: dt.datetime
    ) -> None:
        """This session has the dossier open on `place` (a page's url path)."""
        values = {"dossier_id": dossier_id, "name": name[:120], "place": place[:64], "seen_at": now}
        with write_transaction(self.engine) as conn:
            changed = conn.execute(
                update(presence).where(presence.c.session_key == session_key).values(**values)
            ).rowcount
            if not changed:
                conn.execute(insert(presence).values(session_key=session_key, **values))

    def gone(self, session_key: str) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(delete(presence).where(presence.c.session_key == session_key))

    def others(self, dossier_id: int, session_key: str, now: dt.datetime) -> list[Present]:
        """The other sessions seen on the dossier within `GONE_AFTER`, by name."""
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(presence)
                .where(
                    presence.c.dossier_id == dossier_id,
                    presence.c.session_key != session_key,
                    presence.c.seen_at >= now - GONE_AFTER,
                )
                .order_by(presence.c.name, presence.c.session_key)
            ).all()
        return [Present(r.session_key, r.name, r.place, aware(r.seen_at)) for r in rows]

    def forget_older_than(self, moment: dt.datetime) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(delete(presence).where(presence.c.seen_at < moment))
