"""The stored budget: valid when empty, old dossiers still load, impossible amounts refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ptce_assist.budget.model import Budget, BudgetLine
from ptce_assist.dossier import Dossier


def test_empty_budget_is_valid_and_empty() -> None:
    budget = Budget()
    assert budget.is_empty()
    assert budget.years == 3
    assert budget.year_labels() == ["N", "N+1", "N+2"]
    assert budget.expense_totals() == [0, 0, 0]


def test_dossier_without_budget_loads() -> None:
    dossier = Dossier.model_validate({"project": {"name": "Ancien"}})
    assert dossier.budget == Budget()


def test_budget_round_trips_through_json() -> None:
    budget = Budget(
        mode="annuel",
        first_year=2025,
        expenses=[BudgetLine(category="personnel", amounts_cents=[4_500_000])],
    )
    dossier = Dossier(budget=budget)
    assert Dossier.model_validate_json(dossier.to_json()).budget == budget
    assert budget.year_labels() == ["2025"]


@pytest.mark.parametrize(
    "line",
    [
        {"category": "personnel", "amounts_cents": [-1]},
        {"category": "personnel", "amounts_cents": [1, 2, 3, 4]},
        {"category": "personnel", "amounts_cents": [10**12]},
        {"category": "personnel", "unknown": 1},
    ],
)
def test_impossible_lines_are_refused(line: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Budget.model_validate({"expenses": [line]})


def test_annual_budget_ignores_later_years() -> None:
    budget = Budget.model_validate(
        {"mode": "annuel", "resources": [{"category": "region", "amounts_cents": [100, 200]}]}
    )
    assert budget.resource_totals() == [100]


def test_totals_by_category_add_lines_of_the_same_category() -> None:
    budget = Budget.model_validate(
        {
            "expenses": [
                {"category": "personnel", "amounts_cents": [100, 200, 300]},
                {"category": "animation", "amounts_cents": [1, 1, 1]},
                {"category": "personnel", "amounts_cents": [10, 20]},
            ]
        }
    )
    assert budget.expenses_by_heading() == {"personnel": [110, 220, 300], "animation": [1, 1, 1]}
    assert budget.expense_totals() == [111, 221, 301]
