"""Earlier versions of each rubric, recorded inside the dossier's own save transaction.

Typing must not create a version per keystroke, so saves coalesce: a save rewrites the latest
version of the rubric while that version was opened less than `coalesce_window()` ago; later,
a new version starts. Milestones always start a new version and close it ("sealed"): the
dossier's creation, a whole-dossier replacement (restore, import), and the candidate marking a
rubric complete or not. The latest version always holds the rubric's current text.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ptce_assist.dossier import Dossier
from ptce_assist.storage.clock import aware
from ptce_assist.storage.engine import read_connection
from ptce_assist.storage.schema import rubric_history

COALESCE_ENV = "PTCE_HISTORY_COALESCE_SECONDS"
DEFAULT_COALESCE = dt.timedelta(minutes=10)


def coalesce_window() -> dt.timedelta:
    """How long one version keeps absorbing saves (env PTCE_HISTORY_COALESCE_SECONDS)."""
    raw = os.environ.get(COALESCE_ENV, "")
    try:
        return dt.timedelta(seconds=float(raw)) if raw else DEFAULT_COALESCE
    except ValueError:
        return DEFAULT_COALESCE


@dataclass(frozen=True)
class RubricVersion:
    id: int
    rubric_id: str
    text: str
    started_at: dt.datetime
    saved_at: dt.datetime


def record_changes(
    conn: Connection,
    dossier_id: int,
    before: Dossier | None,
    before_saved_at: dt.datetime | None,
    after: Dossier,
    now: dt.datetime,
    *,
    milestone: bool,
) -> None:
    """Record the rubric texts that differ between `before` and `after` (same transaction)."""
    old = before.rubrics if before is not None else {}
    for rubric_id in sorted(set(old) | set(after.rubrics)):
        old_text, new_text = old.get(rubric_id, ""), after.rubrics.get(rubric_id, "")
        if old_text == new_text:
            continue
        latest = _latest(conn, dossier_id, rubric_id)
        if latest is None and old_text and before_saved_at is not None:
            # Text written before history existed: keep it as the first version.
            _insert(conn, dossier_id, rubric_id, old_text, before_saved_at, sealed=True)
            latest = _latest(conn, dossier_id, rubric_id)
        if (
            latest is not None
            and not milestone
            and not latest.sealed
            and now - aware(latest.started_at) < coalesce_window()
        ):
            conn.execute(
                update(rubric_history)
                .where(rubric_history.c.id == latest.id)
                .values(text=new_text, saved_at=now)
            )
        else:
            _insert(conn, dossier_id, rubric_id, new_text, now, sealed=milestone)
    if before is not None:
        toggled = set(before.completed_rubrics) ^ set(after.completed_rubrics)
        for rubric_id in sorted(toggled):
            _seal_latest(conn, dossier_id, rubric_id)


def _latest(conn: Connection, dossier_id: int, rubric_id: str) -> _Row | None:
    row = conn.execute(
        select(
            rubric_history.c.id, rubric_history.c.started_at, rubric_history.c.sealed
        )
        .where(
            rubric_history.c.dossier_id == dossier_id,
            rubric_history.c.rubric_id == rubric_id,
        )
        .order_by(rubric_history.c.id.desc())
        .limit(1)
    ).first()
    return _Row(row.id, row.started_at, bool(row.sealed)) if row else None


@dataclass(frozen=True)
class _Row:
    id: int
    started_at: dt.datetime
    sealed: bool


def _insert(
    conn: Connection, dossier_id: int, rubric_id: str, text: str, at: dt.datetime, *, sealed: bool
) -> None:
    conn.execute(
        insert(rubric_history).values(
            dossier_id=dossier_id,
            rubric_id=rubric_id,
            text=text,
            started_at=at,
            saved_at=at,
            sealed=sealed,
        )
    )


def _seal_latest(conn: Connection, dossier_id: int, rubric_id: str) -> None:
    latest = _latest(conn, dossier_id, rubric_id)
    if latest is not None and not latest.sealed:
        conn.execute(
            update(rubric_history).where(rubric_history.c.id == latest.id).values(sealed=True)
        )


class HistoryStore:
    """Reading the versions back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def versions(self, dossier_id: int, rubric_id: str) -> list[RubricVersion]:
        """Oldest first."""
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(rubric_history)
                .where(
                    rubric_history.c.dossier_id == dossier_id,
                    rubric_history.c.rubric_id == rubric_id,
                )
                .order_by(rubric_history.c.id)
            ).all()
        return [_version(row) for row in rows]

    def texts_at(self, dossier_id: int, moment: dt.datetime) -> dict[str, str]:
        """Each rubric's text as last saved at or before `moment` (absent: it was empty)."""
        moment = aware(moment)
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(rubric_history)
                .where(
                    rubric_history.c.dossier_id == dossier_id,
                    rubric_history.c.saved_at <= moment,
                )
                .order_by(rubric_history.c.id)
            ).all()
        texts: dict[str, str] = {}
        for row in rows:
            texts[row.rubric_id] = row.text
        return texts


def _version(row: Any) -> RubricVersion:
    return RubricVersion(
        id=row.id,
        rubric_id=row.rubric_id,
        text=row.text,
        started_at=aware(row.started_at),
        saved_at=aware(row.saved_at),
    )
