"""The brake on guessing: charged before checking, exponential, shared through the database."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import Engine

from ptce_assist.storage import make_engine
from ptce_assist.storage.attempts import AttemptStore, BrakeKey, BrakePolicy

T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
POLICY = BrakePolicy(base_seconds=10, max_seconds=100, forget_after=dt.timedelta(hours=1))
CLIENT = BrakeKey("test:client", free=2)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_policy_delays() -> None:
    assert [POLICY.delay(n, free=2).total_seconds() for n in range(1, 8)] == [
        0,
        0,
        10,
        20,
        40,
        80,
        100,
    ]


def test_free_attempts_then_exponential_blocking(store_engine: Engine) -> None:
    store = AttemptStore(store_engine, POLICY)
    assert store.reserve([CLIENT], at(0)) == 0  # 1st failure: free
    assert store.reserve([CLIENT], at(1)) == 0  # 2nd: free
    assert store.reserve([CLIENT], at(2)) == 0  # 3rd: allowed, then blocked 10 s
    assert store.reserve([CLIENT], at(3)) == 9  # refused, nothing charged
    assert store.reserve([CLIENT], at(12)) == 0  # 4th: blocked 20 s
    assert store.reserve([CLIENT], at(20)) == 12


def test_refund_and_reset(store_engine: Engine) -> None:
    store = AttemptStore(store_engine, POLICY)
    for second in range(3):
        store.reserve([CLIENT], at(second))
    store.refund([CLIENT], now=at(2))  # the 3rd attempt was right: back to 2 failures, no block
    assert store.reserve([CLIENT], at(3)) == 0  # 3rd failure again: blocked 10 s
    assert store.reserve([CLIENT], at(4)) > 0
    store.refund([CLIENT], reset=True, now=at(4))
    assert store.reserve([CLIENT], at(5)) == 0


def test_failures_are_forgotten_after_quiet_period(store_engine: Engine) -> None:
    store = AttemptStore(store_engine, POLICY)
    for second in (0, 1, 2):
        store.reserve([CLIENT], at(second))
    assert store.reserve([CLIENT], at(3)) > 0
    later = 2 * 3600
    assert store.reserve([CLIENT], at(later)) == 0  # counts from zero again
    assert store.reserve([CLIENT], at(later + 1)) == 0


def test_a_shared_key_blocks_every_client_charging_it(store_engine: Engine) -> None:
    """As the per-dossier key of join codes does, whatever the address."""
    store = AttemptStore(store_engine, POLICY)
    shared = BrakeKey("test:dossier", free=3)
    for n in range(4):
        assert store.reserve([BrakeKey(f"test:c{n}", 2), shared], at(n)) == 0
    assert store.reserve([BrakeKey("test:new", 2), shared], at(4)) > 0


def test_parallel_attempts_cannot_slip_through(store_url: str) -> None:
    """20 simultaneous guesses from several processes' worth of engines: 3 get through."""
    engines = [make_engine(store_url) for _ in range(2)]
    stores = [AttemptStore(engine, POLICY) for engine in engines]
    allowed: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(20)

    def guess(index: int) -> None:
        barrier.wait()
        wait = stores[index % 2].reserve([CLIENT], at(0))
        with lock:
            allowed.append(wait)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert len(allowed) == 20
        assert allowed.count(0) == 3  # 2 free + the one that triggers the block
    finally:
        for engine in engines:
            engine.dispose()
