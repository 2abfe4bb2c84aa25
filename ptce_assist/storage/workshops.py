"""Workshops, their meeting dates and the dossiers attached to them (rows only, no rules).

Access rules (who may see what) live in `ptce_assist.workshops.access`, which is the only
caller of the lookups by id below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, exc, insert, select, update

from ptce_assist.storage.clock import aware, utc_now
from ptce_assist.storage.engine import read_connection, write_transaction
from ptce_assist.storage.migrate import prepare_schema
from ptce_assist.storage.schema import workshop_dates, workshop_members, workshops


@dataclass(frozen=True)
class Workshop:
    id: int
    name: str
    region: str
    join_code: str
    days: tuple[dt.date, ...]
    created_at: dt.datetime
    join_until: dt.datetime
    adviser_until: dt.datetime


class DuplicateJoinCode(Exception):
    """Another workshop already has this join code (the caller draws another)."""


class WorkshopStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        prepare_schema(engine)

    # -- workshops ---------------------------------------------------------------------------
    def add(
        self,
        *,
        name: str,
        region: str,
        days: Iterable[dt.date],
        join_code: str,
        adviser_token_hash: str,
        join_until: dt.datetime,
        adviser_until: dt.datetime,
    ) -> Workshop:
        try:
            with write_transaction(self.engine) as conn:
                result = conn.execute(
                    insert(workshops).values(
                        name=name,
                        region=region,
                        join_code=join_code,
                        adviser_token_hash=adviser_token_hash,
                        created_at=utc_now(),
                        join_until=aware(join_until),
                        adviser_until=aware(adviser_until),
                    )
                )
                primary_key = result.inserted_primary_key
                assert primary_key is not None
                workshop_id = int(primary_key[0])
                for day in sorted(set(days)):
                    conn.execute(insert(workshop_dates).values(workshop_id=workshop_id, day=day))
        except exc.IntegrityError as error:
            raise DuplicateJoinCode(join_code) from error
        found = self.get(workshop_id)
        assert found is not None
        return found

    def get(self, workshop_id: int) -> Workshop | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
            return _workshop(conn, row) if row else None

    def by_adviser_token_hash(self, token_hash: str) -> Workshop | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(
                select(workshops).where(workshops.c.adviser_token_hash == token_hash)
            ).first()
            return _workshop(conn, row) if row else None

    def by_join_code(self, code: str) -> Workshop | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(select(workshops).where(workshops.c.join_code == code)).first()
            return _workshop(conn, row) if row else None

    def add_day(self, workshop_id: int, day: dt.date) -> None:
        with write_transaction(self.engine) as conn:
            exists = conn.execute(
                select(workshop_dates.c.id).where(
                    workshop_dates.c.workshop_id == workshop_id, workshop_dates.c.day == day
                )
            ).first()
            if exists is None:
                conn.execute(insert(workshop_dates).values(workshop_id=workshop_id, day=day))

    def set_join_code(self, workshop_id: int, code: str) -> None:
        try:
            with write_transaction(self.engine) as conn:
                conn.execute(
                    update(workshops).where(workshops.c.id == workshop_id).values(join_code=code)
                )
        except exc.IntegrityError as error:
            raise DuplicateJoinCode(code) from error

    # -- members -----------------------------------------------------------------------------
    def join(self, workshop_id: int, dossier_id: int) -> bool:
        """Attach the dossier; False if it already was."""
        with write_transaction(self.engine) as conn:
            if _is_member(conn, workshop_id, dossier_id):
                return False
            conn.execute(
                insert(workshop_members).values(
                    workshop_id=workshop_id, dossier_id=dossier_id, joined_at=utc_now()
                )
            )
        return True

    def leave(self, workshop_id: int, dossier_id: int) -> bool:
        with write_transaction(self.engine) as conn:
            result = conn.execute(
                delete(workshop_members).where(
                    workshop_members.c.workshop_id == workshop_id,
                    workshop_members.c.dossier_id == dossier_id,
                )
            )
        return bool(result.rowcount)

    def is_member(self, workshop_id: int, dossier_id: int) -> bool:
        with read_connection(self.engine) as conn:
            return _is_member(conn, workshop_id, dossier_id)

    def member_ids(self, workshop_id: int) -> list[int]:
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(workshop_members.c.dossier_id)
                .where(workshop_members.c.workshop_id == workshop_id)
                .order_by(workshop_members.c.joined_at, workshop_members.c.dossier_id)
            ).all()
        return [int(row.dossier_id) for row in rows]

    def members(self, workshop_id: int) -> list[tuple[int, dt.datetime]]:
        """(dossier id, joined at) of each member, oldest first."""
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(workshop_members.c.dossier_id, workshop_members.c.joined_at)
                .where(workshop_members.c.workshop_id == workshop_id)
                .order_by(workshop_members.c.joined_at, workshop_members.c.dossier_id)
            ).all()
        return [(int(row.dossier_id), aware(row.joined_at)) for row in rows]

    def workshops_of(self, dossier_id: int) -> list[Workshop]:
        with read_connection(self.engine) as conn:
            rows = conn.execute(
                select(workshops)
                .join(workshop_members, workshop_members.c.workshop_id == workshops.c.id)
                .where(workshop_members.c.dossier_id == dossier_id)
                .order_by(workshops.c.id)
            ).all()
            return [_workshop(conn, row) for row in rows]


def _is_member(conn: Connection, workshop_id: int, dossier_id: int) -> bool:
    row = conn.execute(
        select(workshop_members.c.dossier_id).where(
            workshop_members.c.workshop_id == workshop_id,
            workshop_members.c.dossier_id == dossier_id,
        )
    ).first()
    return row is not None


def _workshop(conn: Connection, row: Any) -> Workshop:
    days = conn.execute(
        select(workshop_dates.c.day)
        .where(workshop_dates.c.workshop_id == row.id)
        .order_by(workshop_dates.c.day)
    ).all()
    return Workshop(
        id=row.id,
        name=row.name,
        region=row.region,
        join_code=row.join_code,
        days=tuple(d.day for d in days),
        created_at=aware(row.created_at),
        join_until=aware(row.join_until),
        adviser_until=aware(row.adviser_until),
    )
