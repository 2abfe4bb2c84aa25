"""On a 1366×768 laptop screen: a candidate sees the dossier's progress without scrolling the
menu, and an adviser's dashboard table is not cut on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.browser import crawl
from tests.browser.server import AppServer
from tests.browser.waits import open_page

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    return crawl.server_env()


@pytest.fixture
def laptop(browser: Any) -> Callable[[], Any]:
    from tests.browser import waits

    def make() -> Any:
        context = browser.new_context(locale="fr-FR", viewport=LAPTOP)
        waits.install(context)
        return context.new_page()

    return make


def test_progress_is_above_the_fold(app_server: AppServer, laptop: Callable[[], Any]) -> None:
    setup = crawl.prepare(app_server)
    page = laptop()
    open_page(page, f"{app_server.url}/objectifs?d={setup.token}")
    progress = page.locator("[data-testid='stSidebar']").get_by_text("Progression du dossier")
    progress.wait_for()
    bar = page.locator("[data-testid='stSidebar'] [data-testid='stProgress']").first
    box = bar.bounding_box()
    assert box is not None and box["y"] + box["height"] <= LAPTOP["height"], box
    page.context.close()


def test_dashboard_table_is_not_cut(app_server: AppServer, laptop: Callable[[], Any]) -> None:
    setup = crawl.prepare(app_server)
    page = laptop()
    open_page(page, f"{app_server.url}/tableau-de-bord?a={setup.adviser}")
    table = page.locator(
        "[data-testid='stMain'] [data-testid='stDataFrame'], "
        "[data-testid='stMain'] [data-testid='stTable']"
    ).first
    table.wait_for()
    main = page.locator("[data-testid='stMainBlockContainer']").bounding_box()
    box = table.bounding_box()
    assert main is not None and box is not None
    assert box["x"] + box["width"] <= main["x"] + main["width"] + 1, (box, main)
    # Nothing of the table is hidden behind a horizontal scroll either.
    hidden = page.evaluate(
        "() => [...document.querySelectorAll(\"[data-testid='stMain'] [data-testid='stTable'] "
        "table, [data-testid='stMain'] [data-testid='stDataFrame'] .dvn-scroller\")]"
        ".some((el) => el.scrollWidth > el.clientWidth + 1)"
    )
    assert not hidden
    page.context.close()
