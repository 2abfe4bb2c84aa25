"""A full disk or a read-only database file: the page shows the French error of
`ptce_assist.ui.fields.save_value` and the typed text stays in the page.

Both use real file systems, so they need root (CI runs as root): a 8 MB tmpfs filled to the
last byte for the full disk, a read-only bind mount of the database file for the read-only
case (chmod is ignored by root, and the Python of this machine lives where an unprivileged
user cannot run it). Without root they are skipped, unless PTCE_REQUIRE_MOUNT=1.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer
from tests.conftest import require_or_skip

pytestmark = pytest.mark.browser
ERROR = "L'enregistrement a échoué (base de données indisponible ou pleine)"
BEFORE = "Premier paragraphe enregistré."
# Long enough that SQLite must grow its files: it cannot fit in pages it already holds.
TYPED = BEFORE + "\n" + "Le pôle « Val solidaire » crée 12 emplois ; ancrage local ! " * 6000


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


def _fill(folder: Path) -> Path:
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


def _stored(url: str, token: str) -> str:
    engine = make_engine(url)
    try:
        stored = DossierStore(engine).load(token)
        assert stored is not None
        return stored.dossier.rubric_text("objectifs")
    finally:
        engine.dispose()


def _type_and_blur(page: Any, text: str) -> None:
    area = page.get_by_label("Votre texte")
    area.fill(text)
    area.blur()
    wait_idle(page)


def _open(page: Any, server: AppServer, token: str) -> None:
    page.goto(f"{server.url}/objectifs?d={token}")
    wait_idle(page)


def test_full_disk_shows_error_and_keeps_text(
    tiny_disk: Path, tmp_path: Path, new_page: Any
) -> None:
    url = f"sqlite:///{tiny_disk / 'ptce.sqlite3'}"
    token, _ = DossierStore(make_engine(url)).create(Dossier())
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        page = new_page()
        _open(page, server, token)
        _type_and_blur(page, BEFORE)
        assert _stored(url, token) == BEFORE
        assert page.get_by_text(ERROR).count() == 0

        filler = _fill(tiny_disk)
        _type_and_blur(page, TYPED)
        page.get_by_text(ERROR).wait_for()
        assert page.get_by_label("Votre texte").input_value() == TYPED
        assert _stored(url, token) == BEFORE  # nothing half-written
        screenshot(page, "fault-disk-full")

        # Space comes back: the next change saves everything that stayed in the page.
        filler.unlink()
        area = page.get_by_label("Votre texte")
        area.click()
        page.keyboard.press("Control+End")
        page.keyboard.type(" Fin.")
        area.blur()
        wait_idle(page)
        assert _stored(url, token) == TYPED + " Fin."
        assert page.get_by_text(ERROR).count() == 0
    finally:
        server.stop()


@pytest.fixture
def read_only_file(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = tmp_path / "ro.sqlite3"
    url = f"sqlite:///{db}"
    engine = make_engine(url)
    token, _ = DossierStore(engine).create(Dossier(rubrics={"objectifs": BEFORE}))
    engine.dispose()
    mounted = _mount("--bind", str(db), str(db)) and _mount(
        "-o", "remount,bind,ro", str(db)
    )
    require_or_skip(mounted, "PTCE_REQUIRE_MOUNT", "montage en lecture seule impossible")
    try:
        yield url, token
    finally:
        subprocess.run(["umount", str(db)], check=False)


def test_read_only_database_shows_error_and_keeps_text(
    read_only_file: tuple[str, str], tmp_path: Path, new_page: Any
) -> None:
    url, token = read_only_file
    with pytest.raises(OSError):  # really read-only, even for root
        os.close(os.open(url.split("///", 1)[1], os.O_RDWR))
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        page = new_page()
        _open(page, server, token)
        assert page.get_by_label("Votre texte").input_value() == BEFORE  # reading works
        typed = BEFORE + "\nDeuxième paragraphe, qui ne peut pas être enregistré."
        _type_and_blur(page, typed)
        page.get_by_text(ERROR).wait_for()
        assert page.get_by_label("Votre texte").input_value() == typed
        assert _stored(url, token) == BEFORE
        screenshot(page, "fault-read-only")
    finally:
        server.stop()
