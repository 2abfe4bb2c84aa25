"""Backup and restore as docs/deploiement.md gives them: `pg_dump`/`pg_restore` for
PostgreSQL, `sqlite3 … ".backup …"` for the SQLite file. What was saved before the backup
comes back, whole, and the restored database is ready for the app."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from ptce_assist.storage.migrate import migrate
from ptce_assist.workshops.access import WorkshopService
from tests.conftest import require_or_skip
from tests.pg_cluster import PostgresCluster
from tests.workshops.conftest import PASSPHRASE

TEXT = "Le pôle réunit douze structures ; « coopération » et 480 000 €."
LATER = "Texte écrit après la sauvegarde."


@pytest.fixture(scope="module")
def passphrase_hash() -> str:
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)


def fill(engine: Engine, passphrase_hash: str) -> tuple[str, str]:
    """A dossier in a workshop, with a comment: (dossier token, adviser token)."""
    service = WorkshopService(engine, passphrase_hash=passphrase_hash)
    created = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier", region="53", days=[dt.date.today()]
    )
    token, stored = service.dossiers.create(Dossier(rubrics={"objectifs": TEXT}))
    service.join(token, created.workshop.join_code, "t")
    service.add_comment(created.adviser_token, stored.id, "rubric", "objectifs", "Bien.", "C")
    return token, created.adviser_token


def check_restored(engine: Engine, passphrase_hash: str, token: str, adviser: str) -> None:
    service = WorkshopService(engine, passphrase_hash=passphrase_hash)
    stored = service.dossiers.load(token)
    assert stored is not None and stored.dossier.rubrics == {"objectifs": TEXT}
    assert [s.id for s in service.workshop_dossiers(adviser)] == [stored.id]
    assert [c.body for c in service.dossier_comments(adviser, stored.id)] == ["Bien."]
    # the restored database takes new saves
    service.dossiers.set_field(token, "rubrics.objectifs", TEXT + " Suite.", expected=TEXT)


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    pg = PostgresCluster().create()
    yield pg
    pg.destroy()


@pytest.mark.postgres
def test_pg_dump_and_pg_restore(
    cluster: PostgresCluster, tmp_path: Path, passphrase_hash: str
) -> None:
    engine = make_engine(cluster.url())
    migrate(engine)
    token, adviser = fill(engine, passphrase_hash)
    dump = tmp_path / "ptce-2026-03-02.dump"
    with dump.open("wb") as out:  # the nightly backup of the documentation
        subprocess.run(
            [*cluster.tool("pg_dump"), "--format=custom", "ptce"], stdout=out, check=True
        )
    DossierStore(engine).set_field(token, "rubrics.objectifs", LATER, expected=TEXT)
    engine.dispose()

    # The documentation's restore: drop, create, pg_restore.
    subprocess.run([*cluster.tool("dropdb"), "ptce"], check=True)
    subprocess.run([*cluster.tool("createdb"), "--owner", "ptce", "ptce"], check=True)
    subprocess.run(
        [
            *cluster.tool("pg_restore"),
            "--dbname",
            "ptce",
            "--no-owner",
            "--role",
            "ptce",
            str(dump),
        ],
        check=True,
    )
    engine = make_engine(cluster.url())
    try:
        check_restored(engine, passphrase_hash, token, adviser)
    finally:
        engine.dispose()


def test_sqlite_backup_and_restore(tmp_path: Path, passphrase_hash: str) -> None:
    require_or_skip(
        shutil.which("sqlite3") is not None,
        "PTCE_REQUIRE_ORACLES",
        "sqlite3 introuvable (paquet sqlite3)",
    )
    data = tmp_path / "data" / "ptce-assist.sqlite3"
    engine = make_engine(f"sqlite:///{data}")
    migrate(engine)
    token, adviser = fill(engine, passphrase_hash)
    backup = tmp_path / "backups" / "ptce-2026-03-02.sqlite3"
    backup.parent.mkdir()
    # Taken while the app holds the file open (WAL): `.backup` copies a consistent state.
    subprocess.run(["sqlite3", str(data), f".backup '{backup}'"], check=True)
    DossierStore(engine).set_field(token, "rubrics.objectifs", LATER, expected=TEXT)
    engine.dispose()

    # The documentation's restore: server stopped, the file and its -wal/-shm replaced.
    for leftover in data.parent.glob("ptce-assist.sqlite3-*"):
        leftover.unlink()
    shutil.copyfile(backup, data)
    with sqlite3.connect(data) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    engine = make_engine(f"sqlite:///{data}")
    try:
        check_restored(engine, passphrase_hash, token, adviser)
    finally:
        engine.dispose()
