"""Schema migrations (Alembic): one command brings any database to the current schema.

- A database made before migrations existed (tables created by `create_all`, no
  `alembic_version`) is stamped at the first revision, which describes exactly those tables,
  then upgraded.
- An empty database is upgraded from nothing, through every revision.
- The stores never alter an existing schema (`prepare_schema`): on a database older than the
  code they refuse, in French; `python -m ptce_assist migrate` must upgrade it first, before
  the server processes start. Only a brand-new, empty database is migrated by them.

`scripts/start.sh` runs `migrate` on the embedded SQLite file before starting the server.
"""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from ptce_assist.storage.engine import write_transaction

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"
LEGACY_TABLE = "dossiers"  # present in every database made before migrations


class SchemaOutdated(RuntimeError):
    """The database is older (or newer) than this code: `migrate` must run first."""

    def __init__(self, current: str | None, head: str) -> None:
        self.current = current
        self.head = head
        super().__init__(
            "La base de données n'est pas à jour pour cette version de ptce-assist "
            f"(version de la base : {current or 'aucune'}, attendue : {head}). "
            "Lancez « python -m ptce_assist migrate » avant de démarrer les processus."
        )


def _config(conn: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def head_revision() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> tuple[str | None, str]:
    """Upgrade the database to the current schema; returns (revision before, after)."""
    with write_transaction(engine) as conn:
        before = current_revision(conn)
        config = _config(conn)
        if before is None and inspect(conn).has_table(LEGACY_TABLE):
            command.stamp(config, FIRST_REVISION)
            before = FIRST_REVISION
        command.upgrade(config, "head")
        after = current_revision(conn)
    assert after is not None
    return before, after


_CHECKED: set[tuple[int, str]] = set()
_CHECKED_GUARD = threading.Lock()


def prepare_schema(engine: Engine) -> None:
    """Called by every store's constructor, once per engine and process.

    A brand-new, empty database (the embedded SQLite file on its first start, a test's
    database) is migrated from nothing. Any other database must already be at the head
    revision: an older one raises `SchemaOutdated` (the operator runs `migrate`, after a
    backup, before starting the processes); it is never altered behind their back.
    """
    key = (id(engine), str(engine.url))
    if key in _CHECKED:
        return
    with _CHECKED_GUARD:
        if key in _CHECKED:
            return
        with engine.connect() as conn:
            current = current_revision(conn)
            empty = current is None and not inspect(conn).get_table_names()
        if empty:
            migrate(engine)
        else:
            head = head_revision()
            if current != head:
                raise SchemaOutdated(current, head)
        _CHECKED.add(key)
