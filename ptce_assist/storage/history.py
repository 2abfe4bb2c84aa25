"""Earlier versions of each tracked field, recorded inside the dossier's own save transaction.

Tracked: every rubric ("rubrics.<id>"), the identity fields and the budget (`TRACKED_PATHS`).
Typing must not create a version per keystroke, so saves coalesce: a save rewrites the latest
version of the field while that version was opened less than `coalesce_window()` ago by the
same person; later, or by someone else, a new version starts. Milestones always start a new
version and close it ("sealed"): the dossier's creation, a whole-dossier replacement (restore,
import), a version restored from the history, and the candidate marking a rubric complete or
not. The latest version always holds the field's current value.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from ptce_assist.dossier import IDENTITY_PATHS, Dossier, get_path
from ptce_assist.storage.clock import aware
from ptce_assist.storage.engine import read_connection
from ptce_assist.storage.schema import field_history

COALESCE_ENV = "PTCE_HISTORY_COALESCE_SECONDS"
DEFAULT_COALESCE = dt.timedelta(minutes=10)
RUBRIC_PREFIX = "rubrics."
BUDGET_PATH = "budget"
TRACKED_PATHS = (*IDENTITY_PATHS, BUDGET_PATH)  # plus "rubrics.<id>" for every rubric
_JSON_PATHS = frozenset({BUDGET_PATH})  # stored as JSON; the others are plain text


def coalesce_window() -> dt.timedelta:
    """How long one version keeps absorbing saves (env PTCE_HISTORY_COALESCE_SECONDS)."""
    raw = os.environ.get(COALESCE_ENV, "")
    try:
        return dt.timedelta(seconds=float(raw)) if raw else DEFAULT_COALESCE
    except ValueError:
        return DEFAULT_COALESCE


@dataclass(frozen=True)
class FieldVersion:
    id: int
    path: str
    value: Any  # a str; the budget's JSON dict
    author: str  # a first name, "" when none was given
    started_at: dt.datetime
    saved_at: dt.datetime

    @property
    def rubric_id(self) -> str:
        return self.path.removeprefix(RUBRIC_PREFIX)

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else json.dumps(self.value)


# Older name, kept for the workshops' readers of rubric versions.
RubricVersion = FieldVersion


def _encode(path: str, value: Any) -> str:
    if path in _JSON_PATHS:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def _decode(path: str, stored: str) -> Any:
    if path in _JSON_PATHS:
        try:
            return json.loads(stored)
        except ValueError:
            return None
    return stored


def _values(dossier: Dossier | None) -> dict[str, str]:
    """The tracked fields of a dossier, encoded as stored ("" for an empty one)."""
    if dossier is None:
        return {}
    data = dossier.model_dump(mode="json")
    found = {f"{RUBRIC_PREFIX}{rid}": text for rid, text in dossier.rubrics.items()}
    for path in TRACKED_PATHS:
        found[path] = _encode(path, get_path(data, path))
    return found


def _empty(path: str) -> str:
    return _encode(path, Dossier().budget.model_dump(mode="json")) if path in _JSON_PATHS else ""


def record_changes(
    conn: Connection,
    dossier_id: int,
    before: Dossier | None,
    before_saved_at: dt.datetime | None,
    after: Dossier,
    now: dt.datetime,
    *,
    milestone: bool,
    author: str = "",
) -> None:
    """Record the tracked fields that differ between `before` and `after` (same transaction)."""
    old, new = _values(before), _values(after)
    for path in sorted(set(old) | set(new)):
        old_value, new_value = old.get(path, _empty(path)), new.get(path, _empty(path))
        if old_value == new_value:
            continue
        latest = _latest(conn, dossier_id, path)
        if latest is None and old_value != _empty(path) and before_saved_at is not None:
            # A value written before history existed: keep it as the first version.
            _insert(conn, dossier_id, path, old_value, "", before_saved_at, sealed=True)
            latest = _latest(conn, dossier_id, path)
        if (
            latest is not None
            and not milestone
            and not latest.sealed
            and latest.author == author
            and now - aware(latest.started_at) < coalesce_window()
        ):
            conn.execute(
                update(field_history)
                .where(field_history.c.id == latest.id)
                .values(value=new_value, saved_at=now)
            )
        else:
            _insert(conn, dossier_id, path, new_value, author, now, sealed=milestone)
    if before is not None:
        toggled = set(before.completed_rubrics) ^ set(after.completed_rubrics)
        for rubric_id in sorted(toggled):
            _seal_latest(conn, dossier_id, f"{RUBRIC_PREFIX}{rubric_id}")


def _latest(conn: Connection, dossier_id: int, path: str) -> _Row | None:
    row = conn.execute(
        select(
            field_history.c.id,
            field_history.c.started_at,
            field_history.c.sealed,
            field_history.c.author,
        )
        .where(field_history.c.dossier_id == dossier_id, field_history.c.path == path)
        .order_by(field_history.c.id.desc())
        .limit(1)
    ).first()
    return _Row(row.id, row.started_at, bool(row.sealed), row.author or "") if row else None


@dataclass(frozen=True)
class _Row:
    id: int
    started_at: dt.datetime
    sealed: bool
    author: str


def _insert(
    conn: Connection,
    dossier_id: int,
    path: str,
    value: str,
    author: str,
    at: dt.datetime,
    *,
    sealed: bool,
) -> None:
    conn.execute(
        insert(field_history).values(
            dossier_id=dossier_id,
            path=path,
            value=value,
            author=author[:120],
            started_at=at,
            saved_at=at,
            sealed=sealed,
        )
    )


def _seal_latest(conn: Connection, dossier_id: int, path: str) -> None:
    latest = _latest(conn, dossier_id, path)
    if latest is not None and not latest.sealed:
        conn.execute(
            update(field_history).where(field_history.c.id == latest.id).values(sealed=True)
        )


class HistoryStore:
    """Reading the versions back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def field_versions(self, dossier_id: int, path: str) -> list[FieldVersion]:
        """Oldest first."""
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(field_history)
                .where(field_history.c.dossier_id == dossier_id, field_history.c.path == path)
                .order_by(field_history.c.id)
            ).all()
        return [_version(row) for row in rows]

    def versions(self, dossier_id: int, rubric_id: str) -> list[FieldVersion]:
        """A rubric's versions, oldest first."""
        return self.field_versions(dossier_id, f"{RUBRIC_PREFIX}{rubric_id}")

    def version(self, dossier_id: int, version_id: int) -> FieldVersion | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(
                select(field_history).where(
                    field_history.c.id == version_id, field_history.c.dossier_id == dossier_id
                )
            ).first()
        return _version(row) if row else None

    def latest(self, dossier_id: int, path: str) -> FieldVersion | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(
                select(field_history)
                .where(field_history.c.dossier_id == dossier_id, field_history.c.path == path)
                .order_by(field_history.c.id.desc())
                .limit(1)
            ).first()
        return _version(row) if row else None

    def latest_changes(self, dossier_id: int) -> dict[str, tuple[str, dt.datetime]]:
        """Each tracked field's last version: who wrote it and when (one query)."""
        latest = (
            select(func.max(field_history.c.id))
            .where(field_history.c.dossier_id == dossier_id)
            .group_by(field_history.c.path)
        )
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(
                    field_history.c.path, field_history.c.author, field_history.c.saved_at
                ).where(field_history.c.id.in_(latest))
            ).all()
        return {row.path: (row.author or "", aware(row.saved_at)) for row in rows}

    def texts_at(self, dossier_id: int, moment: dt.datetime) -> dict[str, str]:
        """Each rubric's text as last saved at or before `moment` (absent: it was empty)."""
        moment = aware(moment)
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(field_history.c.path, field_history.c.value)
                .where(
                    field_history.c.dossier_id == dossier_id,
                    field_history.c.path.startswith(RUBRIC_PREFIX),
                    field_history.c.saved_at <= moment,
                )
                .order_by(field_history.c.id)
            ).all()
        return {row.path.removeprefix(RUBRIC_PREFIX): row.value for row in rows}


def _version(row: Any) -> FieldVersion:
    return FieldVersion(
        id=row.id,
        path=row.path,
        value=_decode(row.path, row.value),
        author=row.author or "",
        started_at=aware(row.started_at),
        saved_at=aware(row.saved_at),
    )
