"""Schema migrations: a database made by the version before migrations (main at 03b7bf4) is
upgraded by `migrate` with nothing lost, on SQLite and PostgreSQL; the migrations and
`schema.py` describe the same tables; the stores refuse an outdated database in French."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, insert, inspect

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from ptce_assist.storage.attempts import AttemptStore
from ptce_assist.storage.comments import CommentStore
from ptce_assist.storage.history import HistoryStore
from ptce_assist.storage.migrate import (
    SchemaOutdated,
    current_revision,
    head_revision,
    migrate,
)
from ptce_assist.storage.schema import metadata
from ptce_assist.storage.tokens import token_hash
from ptce_assist.storage.workshops import WorkshopStore
from tests.browser.server import REPO
from tests.storage import legacy_schema_03b7bf4 as legacy

TOKEN = "T" * 32
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
TEXT = "Le pôle réunit douze structures de l'ESS ; « coopération » et 480 000 €."


def make_legacy_database(engine: Engine) -> None:
    """What a regional server holds today: every table, with rows, made by `create_all`."""
    legacy.metadata.create_all(engine)
    dossier = Dossier(rubrics={"objectifs": TEXT})
    dossier.project.name = "Pôle Émeraude"
    with engine.begin() as conn:
        conn.execute(
            insert(legacy.dossiers).values(
                id=1,
                token_hash=token_hash(TOKEN),
                data=dossier.model_dump_json(),
                version=7,
                created_at=NOW,
                updated_at=NOW,
            )
        )
        conn.execute(
            insert(legacy.workshops).values(
                id=1,
                name="Atelier d'automne",
                region="01",
                join_code="K7QMT4ZW",
                adviser_token_hash="a" * 64,
                created_at=NOW,
                join_until=NOW + dt.timedelta(days=30),
                adviser_until=NOW + dt.timedelta(days=365),
            )
        )
        conn.execute(insert(legacy.workshop_dates).values(workshop_id=1, day=dt.date(2026, 3, 2)))
        conn.execute(
            insert(legacy.workshop_members).values(workshop_id=1, dossier_id=1, joined_at=NOW)
        )
        conn.execute(
            insert(legacy.comments).values(
                dossier_id=1,
                workshop_id=1,
                target_kind="rubric",
                target_id="objectifs",
                author="Conseil CRESS",
                body="Précisez les emplois.",
                created_at=NOW,
            )
        )
        conn.execute(
            insert(legacy.rubric_history).values(
                dossier_id=1,
                rubric_id="objectifs",
                text=TEXT,
                started_at=NOW,
                saved_at=NOW,
                sealed=False,
            )
        )
        conn.execute(
            insert(legacy.login_attempts).values(
                key="passphrase:abc",
                failures=2,
                last_attempt_at=dt.datetime.now(dt.UTC),
                blocked_until=dt.datetime.now(dt.UTC),
            )
        )


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), metadata))


def test_todays_database_is_upgraded_with_nothing_lost(store_engine: Engine) -> None:
    make_legacy_database(store_engine)
    with pytest.raises(SchemaOutdated, match="python -m ptce_assist migrate"):
        DossierStore(store_engine)  # the code refuses a database it does not know

    before, after = migrate(store_engine)

    assert (before, after) == ("0001", head_revision())
    stored = DossierStore(store_engine).load(TOKEN)
    assert stored is not None and stored.version == 7
    assert stored.dossier.rubrics["objectifs"] == TEXT
    assert stored.dossier.project.name == "Pôle Émeraude"
    workshops = WorkshopStore(store_engine)
    workshop = workshops.by_join_code("K7QMT4ZW")
    assert workshop is not None and workshop.days == (dt.date(2026, 3, 2),)
    assert workshops.member_ids(workshop.id) == [1]
    assert [c.body for c in CommentStore(store_engine).of_dossier(1)] == ["Précisez les emplois."]
    assert HistoryStore(store_engine).texts_at(1, NOW) == {"objectifs": TEXT}
    assert AttemptStore(store_engine).failures("passphrase:abc") == 2
    assert schema_differences(store_engine) == []
    # The upgraded database keeps working: a save after the upgrade.
    saved = DossierStore(store_engine).set_field(
        TOKEN, "rubrics.objectifs", TEXT + " Suite.", expected=TEXT
    )
    assert saved.version == 8


def test_migrations_describe_the_schema_of_the_code(store_engine: Engine) -> None:
    """A fresh database migrated from nothing has exactly the tables `schema.py` declares."""
    migrate(store_engine)
    assert schema_differences(store_engine) == []
    with store_engine.connect() as conn:
        assert current_revision(conn) == head_revision()


def test_migrate_twice_changes_nothing(store_engine: Engine) -> None:
    migrate(store_engine)
    token, _ = DossierStore(store_engine).create(Dossier(rubrics={"objectifs": TEXT}))
    assert migrate(store_engine) == (head_revision(), head_revision())
    stored = DossierStore(store_engine).load(token)
    assert stored is not None and stored.dossier.rubrics["objectifs"] == TEXT


def test_stores_create_a_brand_new_database(store_engine: Engine) -> None:
    DossierStore(store_engine).create()
    assert "dossiers" in inspect(store_engine).get_table_names()
    with store_engine.connect() as conn:
        assert current_revision(conn) == head_revision()


def test_migrate_command_on_a_legacy_file(tmp_path: Path) -> None:
    """The operator's command, as README and docs/deploiement.md give it."""
    from ptce_assist.storage import make_engine

    url = f"sqlite:///{tmp_path}/ptce.sqlite3"
    engine = make_engine(url)
    make_legacy_database(engine)
    engine.dispose()
    command = [sys.executable, "-m", "ptce_assist", "migrate", "--database-url", url]
    first = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    assert f"version 0001 → {head_revision()}" in first.stdout
    again = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    assert "déjà à jour" in again.stdout
    engine = make_engine(url)
    stored = DossierStore(engine).load(TOKEN)
    engine.dispose()
    assert stored is not None and stored.dossier.rubrics["objectifs"] == TEXT


def test_the_app_on_an_outdated_database_says_so_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process started on a database nobody migrated: a French message, no traceback."""
    from streamlit.testing.v1 import AppTest

    from ptce_assist.storage import make_engine
    from ptce_assist.ui.context import get_store
    from tests.apptest_support import APP, TIMEOUT

    url = f"sqlite:///{tmp_path}/ancienne.sqlite3"
    engine = make_engine(url)
    make_legacy_database(engine)
    engine.dispose()
    monkeypatch.setenv("PTCE_DATABASE_URL", url)
    get_store.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.query_params["d"] = TOKEN
        at.run()
        assert not at.exception
        assert any("python -m ptce_assist migrate" in e.value for e in at.error)
    finally:
        get_store.clear()
