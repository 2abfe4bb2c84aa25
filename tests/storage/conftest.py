"""`store_url`: a fresh, empty database URL, once on SQLite and once on a real PostgreSQL.

The PostgreSQL run needs env PTCE_TEST_POSTGRES_URL (scripts/postgres.sh exports it); it is
skipped when unset, unless PTCE_REQUIRE_POSTGRES=1 (then it fails). Each test gets its own
PostgreSQL schema, selected through the URL (`options=-csearch_path=...`), so the URL alone is
enough to reach it, from this process or from a server started by the test; the schema is
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from ptce_assist.storage import make_engine
from tests.conftest import require_or_skip

POSTGRES_ENV = "PTCE_TEST_POSTGRES_URL"


def postgres_schema_url(base_url: str, schema: str) -> str:
    """`base_url` with every connection's search_path set to `schema`."""
    url = make_url(base_url)
    query = dict(url.query)
    query["options"] = f"-csearch_path={schema}"
    query["application_name"] = schema  # lets teardown end the test's leftover connections
    return url.set(query=query).render_as_string(hide_password=False)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ptce-test.sqlite3'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV, "")
    require_or_skip(bool(base), "PTCE_REQUIRE_POSTGRES", f"{POSTGRES_ENV} n'est pas défini")
    schema = f"t_{uuid.uuid4().hex}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield postgres_schema_url(base, schema)
        with admin.connect() as conn:
            # Connections of the test's engines may still be open: end them first.
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE pid <> pg_backend_pid() AND application_name = :app"
                ),
                {"app": schema},
            )
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def store_url(request: pytest.FixtureRequest) -> str:
    """A URL to a fresh, empty database: SQLite file, or a PostgreSQL schema of its own."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def store_engine(store_url: str) -> Iterator[Engine]:
    """An engine (as the app makes it) on the fresh database of `store_url`; disposed after."""
    engine = make_engine(store_url)
    yield engine
    engine.dispose()
