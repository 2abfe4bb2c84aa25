"""Fixtures of the layout tests: LibreOffice and Chromium, skipped where missing unless
PTCE_REQUIRE_ORACLES=1 / PTCE_REQUIRE_BROWSER=1 make them mandatory (CI)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import shared_browser
from tests.conftest import require_or_skip
from tests.layout import oracle


@pytest.fixture(scope="session")
def soffice() -> str:
    binary = oracle.soffice()
    require_or_skip(
        binary is not None,
        "PTCE_REQUIRE_ORACLES",
        "LibreOffice (soffice) introuvable : oracle de mise en page ignoré",
    )
    assert binary is not None
    return binary


@pytest.fixture(scope="session")
def chromium() -> Any:
    """The process-wide Chromium: two sync Playwright instances cannot share a process
    (pytest-xdist puts browser and layout tests in the same worker)."""
    return shared_browser()
