"""A brake on guessing (administrator passphrase, join codes), shared by all server processes.

Every attempt is charged BEFORE the secret is checked, in one transaction holding the counter
rows' locks: parallel attempts cannot slip through together. A right answer then gets its
charge back (`refund`). After `free` failures, each further failure blocks the key for an
exponentially growing delay; failures are forgotten after a quiet period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, exc, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ptce_assist.storage.clock import aware, utc_now
from ptce_assist.storage.engine import read_connection, write_transaction
from ptce_assist.storage.migrate import prepare_schema
from ptce_assist.storage.schema import login_attempts


@dataclass(frozen=True)
class BrakePolicy:
    base_seconds: float = 1.0
    max_seconds: float = 15 * 60
    forget_after: dt.timedelta = dt.timedelta(hours=1)

    def delay(self, failures: int, free: int) -> dt.timedelta:
        """How long a key stays blocked after its `failures`-th failure."""
        over = failures - free
        if over <= 0:
            return dt.timedelta(0)
        return dt.timedelta(seconds=min(self.base_seconds * 2 ** (over - 1), self.max_seconds))


@dataclass(frozen=True)
class BrakeKey:
    key: str
    free: int  # failures allowed before any delay


class AttemptStore:
    def __init__(self, engine: Engine, policy: BrakePolicy | None = None) -> None:
        self.engine = engine
        self.policy = policy or BrakePolicy()
        prepare_schema(engine)

    def reserve(self, keys: Sequence[BrakeKey], now: dt.datetime | None = None) -> float:
        """Charge one attempt to every key, or return the seconds to wait (nothing charged)."""
        now = aware(now or utc_now())
        ordered = sorted(keys, key=lambda k: k.key)  # same lock order everywhere: no deadlock
        with write_transaction(self.engine) as conn:
            rows = [self._locked_row(conn, k.key, now) for k in ordered]
            wait = max(
                ((aware(row.blocked_until) - now).total_seconds() for row in rows), default=0.0
            )
            if wait > 0:
                return wait
            for brake, row in zip(ordered, rows, strict=True):
                failures = self._live_failures(row, now) + 1
                conn.execute(
                    update(login_attempts)
                    .where(login_attempts.c.key == brake.key)
                    .values(
                        failures=failures,
                        last_attempt_at=now,
                        blocked_until=now + self.policy.delay(failures, brake.free),
                    )
                )
            conn.execute(
                delete(login_attempts).where(
                    login_attempts.c.last_attempt_at < now - 2 * self.policy.forget_after,
                    login_attempts.c.blocked_until < now,
                )
            )
        return 0.0

    def refund(
        self, keys: Sequence[BrakeKey], *, reset: bool = False, now: dt.datetime | None = None
    ) -> None:
        """The attempt succeeded: give its charge back (or forget all failures if `reset`)."""
        now = aware(now or utc_now())
        with write_transaction(self.engine) as conn:
            for brake in sorted(keys, key=lambda k: k.key):
                row = self._locked_row(conn, brake.key, now)
                failures = 0 if reset else max(self._live_failures(row, now) - 1, 0)
                last = aware(row.last_attempt_at)
                conn.execute(
                    update(login_attempts)
                    .where(login_attempts.c.key == brake.key)
                    .values(
                        failures=failures,
                        blocked_until=min(
                            aware(row.blocked_until),
                            last + self.policy.delay(failures, brake.free),
                        ),
                    )
                )

    def failures(self, key: str) -> int:
        with read_connection(self.engine) as conn:
            row = conn.execute(select(login_attempts).where(login_attempts.c.key == key)).first()
        return self._live_failures(row, utc_now()) if row else 0

    # -- internals ---------------------------------------------------------------------------
    def _live_failures(self, row: Any, now: dt.datetime) -> int:
        if now - aware(row.last_attempt_at) > self.policy.forget_after:
            return 0
        return int(row.failures)

    def _locked_row(self, conn: Connection, key: str, now: dt.datetime) -> Any:
        values = {"key": key, "failures": 0, "last_attempt_at": now, "blocked_until": now}
        name = conn.dialect.name
        if name == "postgresql":
            conn.execute(postgresql.insert(login_attempts).values(values).on_conflict_do_nothing())
        elif name == "sqlite":
            conn.execute(sqlite.insert(login_attempts).values(values).on_conflict_do_nothing())
        else:  # pragma: no cover - other databases are not supported
            try:
                with conn.begin_nested():
                    conn.execute(insert(login_attempts).values(values))
            except exc.IntegrityError:
                pass
        return conn.execute(
            select(login_attempts).where(login_attempts.c.key == key).with_for_update()
        ).one()
