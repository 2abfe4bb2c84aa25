"""Adviser comments on a dossier's rubrics and selection criteria.

They live in their own table, never in the dossier JSON: nothing here can reach the DOCX.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, func, insert, select, update

from ptce_assist.storage.clock import aware, utc_now
from ptce_assist.storage.engine import read_connection, write_transaction
from ptce_assist.storage.migrate import prepare_schema
from ptce_assist.storage.schema import comments

TargetKind = Literal["rubric", "criterion"]
TARGET_KINDS: tuple[TargetKind, ...] = ("rubric", "criterion")


@dataclass(frozen=True)
class Comment:
    id: int
    dossier_id: int
    workshop_id: int | None
    target_kind: TargetKind
    target_id: str
    author: str
    body: str
    created_at: dt.datetime
    resolved_at: dt.datetime | None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


class CommentStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        prepare_schema(engine)

    def add(
        self,
        *,
        dossier_id: int,
        workshop_id: int | None,
        target_kind: TargetKind,
        target_id: str,
        author: str,
        body: str,
    ) -> Comment:
        if target_kind not in TARGET_KINDS:
            raise ValueError(target_kind)
        now = utc_now()
        with write_transaction(self.engine) as conn:
            result = conn.execute(
                insert(comments).values(
                    dossier_id=dossier_id,
                    workshop_id=workshop_id,
                    target_kind=target_kind,
                    target_id=target_id,
                    author=author,
                    body=body,
                    created_at=now,
                    resolved_at=None,
                )
            )
            primary_key = result.inserted_primary_key
            assert primary_key is not None
        return Comment(
            int(primary_key[0]),
            dossier_id,
            workshop_id,
            target_kind,
            target_id,
            author,
            body,
            now,
            None,
        )

    def of_dossier(
        self,
        dossier_id: int,
        *,
        target_kind: TargetKind | None = None,
        target_id: str | None = None,
    ) -> list[Comment]:
        """Oldest first."""
        query = select(comments).where(comments.c.dossier_id == dossier_id)
        if target_kind is not None:
            query = query.where(comments.c.target_kind == target_kind)
        if target_id is not None:
            query = query.where(comments.c.target_id == target_id)
        with read_connection(self.engine) as conn:
            rows = conn.execute(query.order_by(comments.c.id)).all()
        return [_comment(row) for row in rows]

    def set_resolved(self, comment_id: int, dossier_id: int, resolved: bool) -> bool:
        """Mark a comment of THIS dossier (resolved or open again); False if none matched."""
        with write_transaction(self.engine) as conn:
            result = conn.execute(
                update(comments)
                .where(comments.c.id == comment_id, comments.c.dossier_id == dossier_id)
                .values(resolved_at=utc_now() if resolved else None)
            )
        return bool(result.rowcount)

    def open_counts(self, dossier_ids: Iterable[int]) -> dict[int, int]:
        ids = list(dossier_ids)
        if not ids:
            return {}
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(comments.c.dossier_id, func.count())
                .where(comments.c.dossier_id.in_(ids), comments.c.resolved_at.is_(None))
                .group_by(comments.c.dossier_id)
            ).all()
        counts = dict.fromkeys(ids, 0)
        counts.update({int(row[0]): int(row[1]) for row in rows})
        return counts


def _comment(row: Any) -> Comment:
    return Comment(
        id=row.id,
        dossier_id=row.dossier_id,
        workshop_id=row.workshop_id,
        target_kind=row.target_kind,
        target_id=row.target_id,
        author=row.author,
        body=row.body,
        created_at=aware(row.created_at),
        resolved_at=aware(row.resolved_at) if row.resolved_at is not None else None,
    )
