"""SIGKILL of processes hammering `DossierStore.set_field` on one SQLite file (WAL, synchronous
FULL): afterwards the database passes `PRAGMA integrity_check` and every acknowledged write is
there (the stored value is the last acknowledged one, or the one after it if it committed
just before the kill)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine

REPO = Path(__file__).resolve().parents[2]
PATHS = ["rubrics.objectifs", "rubrics.gouvernance", "project.name"]


def _reader(process: subprocess.Popen[str], acked: list[int]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip().isdigit():
            acked.append(int(line))


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.mark.parametrize("kill_after", [0.8, 1.7, 2.9])
def test_sigkill_during_saves_loses_no_acknowledged_write(
    tmp_path: Path, kill_after: float
) -> None:
    db = tmp_path / "ptce.sqlite3"
    url = f"sqlite:///{db}"
    store = DossierStore(make_engine(url))
    tokens = [store.create(Dossier())[0] for _ in PATHS]
    store.engine.dispose()

    children: list[tuple[subprocess.Popen[str], list[int], threading.Thread]] = []
    # Two writers per dossier field (same dossier for some) so that writes contend for the lock.
    for index, path in enumerate(PATHS):
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.hammer", url, tokens[index], path, f"v{index}"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        acked: list[int] = []
        reader = threading.Thread(target=_reader, args=(process, acked), daemon=True)
        reader.start()
        children.append((process, acked, reader))

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not all(acked for _, acked, _ in children):
        time.sleep(0.05)
    time.sleep(kill_after)
    for process, _, _ in children:
        os.killpg(process.pid, signal.SIGKILL)
    for process, _, reader in children:
        process.wait(timeout=10)
        reader.join(timeout=10)

    assert integrity(db) == "ok"
    store = DossierStore(make_engine(url))
    for index, (path, (_, acked, _)) in enumerate(zip(PATHS, children, strict=True)):
        assert acked, f"writer {index} never acknowledged a save"
        last = acked[-1]
        print(f"writer {index}: {last} acknowledged saves before SIGKILL")
        assert acked == list(range(1, last + 1))
        stored = store.load(tokens[index])
        assert stored is not None
        value = stored.dossier.model_dump()
        for part in path.split("."):
            value = value[part]
        # The write after the last acknowledged one may have committed before the kill.
        assert value in {f"v{index} {last}", f"v{index} {last + 1}"}, (value, last)
        assert stored.version >= last
