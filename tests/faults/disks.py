"""Real file-system faults for the browser tests (they need root: CI runs as root).

A 8 MB tmpfs filled to the last byte for a full disk; a read-only bind mount of the
database file for a read-only database (chmod is ignored by root). Without root they are
skipped, unless PTCE_REQUIRE_MOUNT=1.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.conftest import require_or_skip

BEFORE = "Premier paragraphe enregistré."


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder))
    require_or_skip(mounted, "PTCE_REQUIRE_MOUNT", "montage tmpfs impossible (root requis)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Write a file until the file system refuses one more byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


@pytest.fixture
def read_only_file(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A database holding one dossier (whose token comes with the URL), read-only."""
    db = tmp_path / "ro.sqlite3"
    url = f"sqlite:///{db}"
    engine = make_engine(url)
    token, _ = DossierStore(engine).create(Dossier(rubrics={"objectifs": BEFORE}))
    engine.dispose()
    mounted = _mount("--bind", str(db), str(db)) and _mount("-o", "remount,bind,ro", str(db))
    require_or_skip(mounted, "PTCE_REQUIRE_MOUNT", "montage en lecture seule impossible")
    try:
        yield url, token
    finally:
        subprocess.run(["umount", str(db)], check=False)
