"""The budget page in a real browser: French amounts typed into the table editors."""

from __future__ import annotations

import time
from typing import Any

import pytest

from ptce_assist.budget.model import Budget
from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser
HEADER_HEIGHT = 35
ROW_HEIGHT = 35


def _type_in_cell(page: Any, grid: Any, row: int, column: int, text: str) -> None:
    """Select the empty cell (row, column) of a table editor, open it, type, confirm."""
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = grid.bounding_box()
    # The grid selects a cell on a click only after the pointer has entered it.
    page.mouse.move(box["x"] + 60, box["y"] + HEADER_HEIGHT + ROW_HEIGHT // 2)
    page.wait_for_timeout(300)
    page.mouse.down()
    page.mouse.up()
    page.wait_for_timeout(300)
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # opens the cell editor (the cell is empty)
    page.wait_for_timeout(300)
    page.keyboard.type(text)
    page.wait_for_timeout(300)  # the cell editor takes the text before Enter confirms it
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    wait_idle(page)


def _wait_budget(server: AppServer, token: str, check: Any, timeout: float = 15) -> Budget:
    store = DossierStore(make_engine(server.database_url))
    deadline = time.monotonic() + timeout
    budget = Budget()
    while time.monotonic() < deadline:
        stored = store.load(token)
        assert stored is not None
        budget = stored.dossier.budget
        if check(budget):
            return budget
        time.sleep(0.1)
    raise AssertionError(f"budget never as expected: {budget}")


def test_typing_french_amounts(app_server: AppServer, page: Any) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(Dossier())
    page.goto(f"{app_server.url}/budget?d={token}")
    wait_idle(page)
    grids = page.locator("[data-testid='stDataFrame']")
    grids.first.wait_for()

    _type_in_cell(page, grids.nth(0), row=0, column=2, text="1,5 k€")  # Personnel, N
    _wait_budget(app_server, token, lambda b: b.expense_totals() == [150_000, 0, 0])
    _type_in_cell(page, grids.nth(1), row=1, column=2, text="1 500 €")  # Région, N
    budget = _wait_budget(app_server, token, lambda b: b.resource_totals() == [150_000, 0, 0])
    assert budget.resources[0].category == "region"
    page.get_by_text("Budget équilibré chaque année").wait_for()

    _type_in_cell(page, grids.nth(0), row=0, column=3, text="1.000")  # Personnel, N+1
    page.get_by_text("Certains montants ne sont pas compris").wait_for()
    assert page.get_by_text("est ambigu").count() >= 1
    screenshot(page, "budget-page")
    stored = store.load(token)
    assert stored is not None and stored.dossier.budget.expense_totals() == [150_000, 0, 0]
