"""« Créer un nouveau dossier » when the database cannot take it (a full disk, a database
read-only from the start): a French message on the page, no traceback, the details in the
server log. Before issue 14 the page showed Python's traceback with « Ask Google »."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.services.dossier_service import CREATE_FAILED
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.server import AppServer
from tests.browser.waits import open_page
from tests.faults.disks import fill

pytestmark = pytest.mark.browser
PRODUCTION = {"PTCE_DEBUG": "0"}  # errors handled as users get them


def _count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM dossiers").scalar_one())
    finally:
        engine.dispose()


def _create_and_expect_refusal(server: AppServer, page: Any, shot: str) -> None:
    open_page(page, server.url)
    page.get_by_role("button", name="Créer un nouveau dossier").click()
    page.get_by_text(CREATE_FAILED).wait_for()
    screenshot(page, shot)
    assert page.locator("[data-testid='stException']").count() == 0
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Ask Google" not in body and "Error" not in body
    assert "d=" not in page.url  # no dossier was opened
    log = server.log_path.read_text("utf-8", errors="replace")
    assert "Creating a dossier failed" in log and "Traceback" in log


def test_create_on_a_full_disk_says_so_in_french(
    tiny_disk: Path, tmp_path: Path, new_page: Any
) -> None:
    url = f"sqlite:///{tiny_disk / 'ptce.sqlite3'}"
    DossierStore(make_engine(url)).create(Dossier())
    server = AppServer(url, PRODUCTION, log_dir=tmp_path)
    server.start()
    try:
        filler = fill(tiny_disk)
        _create_and_expect_refusal(server, new_page(), "fault-create-disk-full")
        filler.unlink()
        assert _count(url) == 1
    finally:
        server.stop()


def test_create_on_a_database_read_only_from_the_start_says_so_in_french(
    read_only_file: tuple[str, str], tmp_path: Path, new_page: Any
) -> None:
    url, _ = read_only_file
    server = AppServer(url, PRODUCTION, log_dir=tmp_path)
    server.start()
    try:
        _create_and_expect_refusal(server, new_page(), "fault-create-read-only")
        assert _count(url) == 1
    finally:
        server.stop()
