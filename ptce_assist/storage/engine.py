"""Database engine from one URL: an SQLite file by default, PostgreSQL when configured."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

DEFAULT_DB_PATH = Path(__file__).resolve().parents[2] / "data" / "ptce-assist.sqlite3"
URL_ENV = "PTCE_DATABASE_URL"
READ_ONLY_OPTION = "ptce_read_only"


def database_url() -> str:
    """The configured URL (env PTCE_DATABASE_URL), else the embedded SQLite file."""
    return os.environ.get(URL_ENV) or f"sqlite:///{DEFAULT_DB_PATH}"


def make_engine(url: str | None = None) -> Engine:
    url = url or database_url()
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def read_connection(engine: Engine) -> Connection:
    """A connection for reading only. On SQLite it does not take the write lock: with every
    page run of every session reading the dossier, reads behind BEGIN IMMEDIATE queued up
    behind each other and behind the saves (found by bench/load.py with 40 typists)."""
    return engine.execution_options(**{READ_ONLY_OPTION: True}).connect()


_WRITE_LOCKS: dict[str, threading.Lock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(engine: Engine) -> threading.Lock | None:
    """One lock per SQLite file in this process (None for a server database)."""
    if engine.dialect.name != "sqlite":
        return None
    key = str(engine.url.database)
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(key, threading.Lock())


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction. On SQLite the writers of this process first queue on a lock:
    SQLite's busy handler makes waiting writers sleep and poll, so with 40 sessions saving
    at once some waited past the busy timeout while the file lock was free (bench/load.py).
    Writers of other processes are still kept out by BEGIN IMMEDIATE."""
    lock = _write_lock(engine)
    with lock if lock is not None else nullcontext(), engine.begin() as conn:
        yield conn


def _sqlite_engine(url: str) -> Engine:
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # One connection per thread at most is ever checked out; a workshop of 40 sessions runs
    # up to 40 scripts at once (SQLite connections are cheap: a file handle each).
    engine = create_engine(
        url,
        connect_args={"timeout": 30, "check_same_thread": False},
        pool_size=10,
        max_overflow=40,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, issue BEGIN, so that it can be BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers never block the writer; FULL: a save reported done survives a crash.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # Writes take the write lock at the start: read-modify-write saves cannot
        # interleave. Reads (read_connection) see a consistent snapshot without it.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN DEFERRED")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
