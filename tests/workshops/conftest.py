"""Fixtures for workshop tests: the storage fixtures (SQLite and PostgreSQL), a service with
a known administrator passphrase and a brake measured in hundredths of a second."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine

from ptce_assist.storage.attempts import BrakePolicy
from ptce_assist.workshops.access import WorkshopService
from ptce_assist.workshops.config import WorkshopConfig
from tests.storage.conftest import (  # noqa: F401 - fixtures shared with the storage suite
    postgres_url,
    sqlite_url,
    store_engine,
    store_url,
)

PASSPHRASE = "gâteau des rois en février"
# The hash is cheap (tests check the brake, not argon2's cost) and the brake's delays are short
# but far longer than one attempt, so that a block cannot expire between two attempts.
BRAKE = BrakePolicy(base_seconds=0.25, max_seconds=2, forget_after=dt.timedelta(hours=1))
CONFIG = WorkshopConfig(brake=BRAKE, passphrase_free_per_client=3, join_free_per_client=3)


@pytest.fixture(scope="session")
def passphrase_hash() -> str:
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)


@pytest.fixture
def service(store_engine: Engine, passphrase_hash: str) -> Iterator[WorkshopService]:  # noqa: F811
    yield WorkshopService(store_engine, CONFIG, passphrase_hash)
