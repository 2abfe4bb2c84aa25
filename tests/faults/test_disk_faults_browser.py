"""A full disk or a read-only database file: the page shows the French error of
`ptce_assist.ui.fields.save_value` and the typed text stays in the page.

Both use real file systems (`tests/faults/disks.py`), so they need root (CI runs as root; the
Python of this machine lives where an unprivileged user cannot run it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer
from tests.faults.disks import BEFORE, fill

pytestmark = pytest.mark.browser
ERROR = "L'enregistrement a échoué (base de données indisponible ou pleine)"
# Long enough that SQLite must grow its files: it cannot fit in pages it already holds.
TYPED = BEFORE + "\n" + "Le pôle « Val solidaire » crée 12 emplois ; ancrage local ! " * 6000


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

        filler = fill(tiny_disk)
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
