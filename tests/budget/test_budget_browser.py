"""The budget page in a real browser: French amounts typed into the tables, an ambiguous one
kept as typed and flagged, then the switch to an annual budget (confirmed) redraws the tables."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.server import AppServer
from tests.browser.tables import Database, cell, table, wait_saved

pytestmark = pytest.mark.browser
EXPENSES, RESOURCES = "Dépenses", "Ressources"


def test_typing_french_amounts(app_server: AppServer, page: Any) -> None:
    db = Database(app_server.database_url)
    try:
        token = db.create()
        page.goto(f"{app_server.url}/budget?d={token}")

        cell(page, EXPENSES, "N (€)", 1).click()  # Personnel
        page.keyboard.type("1,5 k€")
        db.wait_for(token, lambda d: d.budget.expense_totals() == [150_000, 0, 0], "1,5 k€")
        cell(page, RESOURCES, "N (€)", 2).click()  # Région
        page.keyboard.type("1 500 €")
        budget = db.wait_for(
            token, lambda d: d.budget.resource_totals() == [150_000, 0, 0], "1 500 €"
        ).budget
        assert (budget.resources[1].category, budget.resources[1].amounts_typed) == (
            "region",
            ["1 500 €", "", ""],
        )
        page.get_by_text("Budget équilibré chaque année").wait_for()

        ambiguous = cell(page, EXPENSES, "N+1 (€)", 1)
        ambiguous.click()
        page.keyboard.type("1.000")
        page.keyboard.press("Enter")
        budget = db.wait_for(
            token, lambda d: d.budget.expenses[0].amounts_typed[1] == "1.000", "1.000"
        ).budget
        assert budget.expenses[0].amounts_cents == [150_000, 0, 0]  # kept, not guessed
        expect(ambiguous).to_have_attribute("aria-invalid", "true")
        page.get_by_text("« 1.000 » est ambigu", exact=False).first.wait_for()
        screenshot(page, "budget-page")

        # Annual: « 1.000 » in N+1 would be dropped, so the switch asks first.
        page.get_by_role("radiogroup").get_by_text("Budget annuel type").click()
        page.get_by_role("button", name="Confirmer le budget annuel").click()
        budget = db.wait_for(token, lambda d: d.budget.mode == "annuel", "the annual mode").budget
        assert budget.expenses[0].amounts_typed == ["1,5 k€"]
        expect(table(page, EXPENSES).get_by_role("columnheader")).to_have_text(
            ["Poste de dépense", "Précision (facultatif)", "N (€)", "Actions"]
        )
        cell(page, EXPENSES, "N (€)", 2).click()  # Animation territoriale
        page.keyboard.type("500")
        wait_saved(page, EXPENSES)
        budget = db.wait_for(
            token, lambda d: d.budget.expense_totals() == [200_000], "the annual amount"
        ).budget
        assert budget.expenses[1].amounts_typed == ["500"]
    finally:
        db.close()
