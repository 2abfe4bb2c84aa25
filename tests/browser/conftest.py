"""Fixtures for tests in a real browser: Debian's Chromium driven by Playwright.

`app_server` runs `streamlit run app.py` on 127.0.0.1 with its own SQLite file. Override the
`app_server_env` fixture in a test module to add environment variables to the server.
"""

from __future__ import annotations

import atexit
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import waits
from tests.browser.server import REPO, AppServer
from tests.conftest import require_or_skip

CHROMIUM = os.environ.get("PTCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = REPO / "tests" / "artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


_SHARED: dict[str, Any] = {}


def shared_browser() -> Any:
    """One Playwright and one Chromium per test process.

    Other test folders import the `browser` fixture into their conftest, which defines it
    again; two sync Playwright instances cannot live in one process, so all share this one.
    """
    if "browser" not in _SHARED:
        available = Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None
        require_or_skip(available, "PTCE_REQUIRE_BROWSER", f"Chromium introuvable ({CHROMIUM})")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            require_or_skip(False, "PTCE_REQUIRE_BROWSER", "playwright n'est pas installé")
            raise
        playwright = sync_playwright().start()
        _SHARED["playwright"] = playwright
        _SHARED["browser"] = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        atexit.register(_close_shared)
    return _SHARED["browser"]


def _close_shared() -> None:
    browser = _SHARED.pop("browser", None)
    playwright = _SHARED.pop("playwright", None)
    if browser is not None:
        browser.close()
    if playwright is not None:
        playwright.stop()


@pytest.fixture(scope="session")
def browser() -> Any:
    return shared_browser()


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    return {}


@pytest.fixture(scope="module")
def app_server(
    tmp_path_factory: pytest.TempPathFactory, app_server_env: dict[str, str]
) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("app")
    server = AppServer(f"sqlite:///{folder / 'ptce.sqlite3'}", app_server_env, log_dir=folder)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[[], Any]]:
    """Factory of pages, each in its own browser context (a separate person)."""
    contexts: list[Any] = []

    def make() -> Any:
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(30_000)
        waits.install(context)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[[], Any]) -> Any:
    return new_page()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
