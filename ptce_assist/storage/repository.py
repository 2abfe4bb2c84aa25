"""Saving and loading dossiers, with optimistic concurrency.

Each save is a read-modify-write inside one transaction that holds the row's write lock
(BEGIN IMMEDIATE on SQLite, SELECT ... FOR UPDATE on PostgreSQL). A field save says what value
it believes it replaces: if another tab or team member changed that same field meanwhile, the
save is refused with `FieldConflict` instead of silently overwriting; changes to other fields
merge without conflict.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ptce_assist.dossier import Dossier, get_path, set_path
from ptce_assist.fingerprint import value_digest
from ptce_assist.storage.clock import aware
from ptce_assist.storage.engine import read_connection, write_transaction
from ptce_assist.storage.history import record_changes
from ptce_assist.storage.migrate import prepare_schema
from ptce_assist.storage.schema import dossiers, replaced_links
from ptce_assist.storage.tokens import new_token, token_hash
from ptce_assist.text import FieldTooLong, oversized_field


@dataclass(frozen=True)
class StoredDossier:
    id: int
    dossier: Dossier
    version: int
    updated_at: dt.datetime


class VersionConflict(Exception):
    """The dossier changed since the caller read it."""

    def __init__(self, current: StoredDossier) -> None:
        super().__init__("Le dossier a été modifié ailleurs entre-temps.")
        self.current = current


class FieldConflict(Exception):
    """The field changed since the caller read it: their value would overwrite someone's."""

    def __init__(self, path: str, current_value: Any, current: StoredDossier) -> None:
        super().__init__(f"Le champ {path} a été modifié ailleurs entre-temps.")
        self.path = path
        self.current_value = current_value
        self.current = current


class UnknownDossier(KeyError):
    """No dossier has this token."""


def _check_caps(dossier: Dossier) -> None:
    """Typing, backups and imports cap every text; this holds for any other caller too."""
    oversized = oversized_field(dossier.model_dump())
    if oversized is not None:
        raise FieldTooLong(*oversized)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DossierStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        prepare_schema(engine)

    # -- reading ---------------------------------------------------------------------------
    def load(self, token: str) -> StoredDossier | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(
                select(dossiers).where(dossiers.c.token_hash == token_hash(token))
            ).first()
        return _stored(row) if row else None

    def head(self, token: str) -> tuple[int, int] | None:
        """The dossier's id and version for this token, without reading the dossier."""
        with read_connection(self.engine) as conn:
            row = conn.execute(
                select(dossiers.c.id, dossiers.c.version).where(
                    dossiers.c.token_hash == token_hash(token)
                )
            ).first()
        return (int(row.id), int(row.version)) if row else None

    def id_for(self, token: str) -> int | None:
        """The id of the dossier this token opens, without reading the dossier itself."""
        with read_connection(self.engine) as conn:
            found = conn.execute(
                select(dossiers.c.id).where(dossiers.c.token_hash == token_hash(token))
            ).scalar()
        return int(found) if found is not None else None

    def load_by_id(self, dossier_id: int) -> StoredDossier | None:
        with read_connection(self.engine) as conn:
            row = conn.execute(select(dossiers).where(dossiers.c.id == dossier_id)).first()
        return _stored(row) if row else None

    # -- writing ---------------------------------------------------------------------------
    def create(
        self, dossier: Dossier | None = None, *, author: str = ""
    ) -> tuple[str, StoredDossier]:
        token = new_token()
        dossier = dossier or Dossier()
        _check_caps(dossier)
        now = _now()
        with write_transaction(self.engine) as conn:
            result = conn.execute(
                insert(dossiers).values(
                    token_hash=token_hash(token),
                    data=dossier.model_dump_json(),
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
            primary_key = result.inserted_primary_key
            assert primary_key is not None
            new_id = int(primary_key[0])
            record_changes(conn, new_id, None, None, dossier, now, milestone=True, author=author)
        return token, StoredDossier(new_id, dossier, 1, now)

    def set_field(
        self,
        token: str,
        path: str,
        value: Any,
        *,
        expected: Any = None,
        expected_digest: str | None = None,
        author: str = "",
        milestone: bool = False,
    ) -> StoredDossier:
        """Set one field, refusing if it no longer holds what the writer saw: `expected`, or
        the value whose `value_digest` is `expected_digest` when that is given. `author` (a
        first name) goes to the field's history; a milestone starts a version of its own."""
        where = dossiers.c.token_hash == token_hash(token)
        return self._set_field(
            where, path, value, expected, expected_digest, author=author, milestone=milestone
        )

    def set_field_by_id(
        self,
        dossier_id: int,
        path: str,
        value: Any,
        *,
        expected: Any = None,
        expected_digest: str | None = None,
        author: str = "",
    ) -> StoredDossier:
        """`set_field` for a writer who reaches the dossier by its id (an adviser, whose
        right to it the caller has checked), not by its personal link."""
        return self._set_field(
            dossiers.c.id == dossier_id, path, value, expected, expected_digest, author=author
        )

    def _set_field(
        self,
        where: Any,
        path: str,
        value: Any,
        expected: Any,
        expected_digest: str | None,
        *,
        author: str = "",
        milestone: bool = False,
    ) -> StoredDossier:
        with write_transaction(self.engine) as conn:
            current = self._locked(conn, where)
            data = current.dossier.model_dump(mode="json")
            stored_value = get_path(data, path)
            if stored_value == value:
                return current
            if expected_digest is not None:
                unchanged = value_digest(stored_value) == expected_digest
            else:
                unchanged = stored_value == expected or _both_empty(stored_value, expected)
            if not unchanged:
                raise FieldConflict(path, stored_value, current)
            set_path(data, path, value)
            dossier = Dossier.model_validate(data)
            return self._write(conn, current, dossier, milestone=milestone, author=author)

    def replace(
        self, token: str, dossier: Dossier, *, expected_version: int, author: str = ""
    ) -> StoredDossier:
        """Replace the whole dossier (restore from a backup, accepted import)."""
        with write_transaction(self.engine) as conn:
            current = self._locked(conn, dossiers.c.token_hash == token_hash(token))
            if current.version != expected_version:
                raise VersionConflict(current)
            return self._write(conn, current, dossier, milestone=True, author=author)

    def replace_link(self, token: str) -> tuple[str, StoredDossier]:
        """A new link for the dossier; the old one stops opening it (it is remembered as
        replaced, so that whoever comes with it is told so)."""
        fresh = new_token()
        now = _now()
        with write_transaction(self.engine) as conn:
            current = self._locked(conn, dossiers.c.token_hash == token_hash(token))
            conn.execute(
                update(dossiers)
                .where(dossiers.c.id == current.id)
                .values(token_hash=token_hash(fresh))
            )
            conn.execute(
                insert(replaced_links).values(
                    token_hash=token_hash(token), dossier_id=current.id, replaced_at=now
                )
            )
        return fresh, current

    def replaced_at(self, token: str) -> dt.datetime | None:
        """When the link `token` was replaced by a new one (None: it never was)."""
        with read_connection(self.engine) as conn:
            found = conn.execute(
                select(replaced_links.c.replaced_at).where(
                    replaced_links.c.token_hash == token_hash(token)
                )
            ).scalar()
        return aware(found) if found is not None else None

    # -- internals -------------------------------------------------------------------------
    def _locked(self, conn: Connection, where: Any) -> StoredDossier:
        row = conn.execute(select(dossiers).where(where).with_for_update()).first()
        if row is None:
            raise UnknownDossier()
        return _stored(row)

    def _write(
        self,
        conn: Connection,
        current: StoredDossier,
        dossier: Dossier,
        *,
        milestone: bool = False,
        author: str = "",
    ) -> StoredDossier:
        _check_caps(dossier)
        now = _now()
        version = current.version + 1
        conn.execute(
            update(dossiers)
            .where(dossiers.c.id == current.id)
            .values(data=dossier.model_dump_json(), version=version, updated_at=now)
        )
        # Field versions (coalesced; a replacement is a milestone), same transaction.
        record_changes(
            conn,
            current.id,
            current.dossier,
            current.updated_at,
            dossier,
            now,
            milestone=milestone,
            author=author,
        )
        return StoredDossier(current.id, dossier, version, now)


def _both_empty(a: Any, b: Any) -> bool:
    return a in (None, "") and b in (None, "")


def _stored(row: Any) -> StoredDossier:
    updated = row.updated_at
    if updated.tzinfo is None:  # SQLite returns naive datetimes
        updated = updated.replace(tzinfo=dt.UTC)
    return StoredDossier(
        id=row.id,
        dossier=Dossier.model_validate(json.loads(row.data)),
        version=row.version,
        updated_at=updated,
    )
