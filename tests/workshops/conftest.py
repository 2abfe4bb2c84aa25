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
# The hash is cheap (tests check the brake, not argon2's cost). Brake tests move a fake clock
# instead of sleeping, so a loaded machine cannot make a block expire between two attempts.
BRAKE = BrakePolicy(base_seconds=0.25, max_seconds=2, forget_after=dt.timedelta(hours=1))
CONFIG = WorkshopConfig(brake=BRAKE, passphrase_free_per_client=3, join_free_per_client=3)


@pytest.fixture(scope="session")
def passphrase_hash() -> str:
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)


@pytest.fixture
def service(store_engine: Engine, passphrase_hash: str) -> Iterator[WorkshopService]:  # noqa: F811
    yield WorkshopService(store_engine, CONFIG, passphrase_hash)


class FakeClock:
    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC)  # workshops of the tests are dated today

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clocked(store_engine: Engine, passphrase_hash: str, clock: FakeClock) -> WorkshopService:  # noqa: F811
    """A service whose time is `clock`."""
    return WorkshopService(store_engine, CONFIG, passphrase_hash, clock=clock)
