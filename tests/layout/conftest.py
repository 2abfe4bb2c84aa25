"""Fixtures of the layout tests: LibreOffice and Chromium, skipped where missing unless
PTCE_REQUIRE_ORACLES=1 / PTCE_REQUIRE_BROWSER=1 make them mandatory (CI)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_or_skip
from tests.layout import oracle

CHROMIUM = os.environ.get("PTCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def soffice() -> str:
    binary = oracle.soffice()
    require_or_skip(binary is not None, "PTCE_REQUIRE_ORACLES",
                    "LibreOffice (soffice) introuvable : oracle de mise en page ignoré")
    assert binary is not None
    return binary


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    available = Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None
    require_or_skip(available, "PTCE_REQUIRE_BROWSER", f"Chromium introuvable ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip(False, "PTCE_REQUIRE_BROWSER", "playwright n'est pas installé")
        raise
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
