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


def test_backup_without_typed_amounts_loads_and_shows_them_formatted() -> None:
    """Backups made before amounts were kept as typed (no `amounts_typed`) still load."""
    old = {"category": "personnel", "label": "", "amounts_cents": [4_500_000, 150_050]}
    line = Budget.model_validate({"expenses": [old]}).expenses[0]
    assert line.amounts_typed == []
    assert line.amounts_cents == [4_500_000, 150_050]
    assert [line.typed(y) for y in range(3)] == ["45 000", "1 500,50", ""]
    assert line.problem(0) is None


def test_amounts_are_read_from_the_text_typed() -> None:
    line = BudgetLine(category="personnel", amounts_typed=["1,5 k€", "environ 5000", ""])
    assert line.amounts_cents == [150_000, 0, 0]
    assert line.typed(1) == "environ 5000"
    assert line.problem(0) is None and line.problem(2) is None
    assert "« environ 5000 » n'est pas un montant" in (line.problem(1) or "")
    # the typed text wins over amounts that disagree with it (a hand-edited backup)
    odd = BudgetLine.model_validate({"amounts_cents": [99, 99], "amounts_typed": ["5", "x"]})
    assert odd.amounts_cents == [500, 0]


def test_typed_amounts_round_trip_through_json() -> None:
    budget = Budget(
        expenses=[BudgetLine(category="animation", amounts_typed=["", "à définir", "2 000"])]
    )
    again = Dossier.model_validate_json(Dossier(budget=budget).to_json()).budget
    assert again == budget
    assert again.expenses[0].model_dump() == {
        "category": "animation",
        "label": "",
        "amounts_cents": [0, 0, 200_000],
        "amounts_typed": ["", "à définir", "2 000"],
    }
    assert again.expense_totals() == [0, 0, 200_000]


def test_too_many_typed_cells_are_refused() -> None:
    with pytest.raises(ValidationError):
        BudgetLine.model_validate({"amounts_typed": ["1", "2", "3", "4"]})


def test_a_budget_of_cells_not_understood_is_empty() -> None:
    budget = Budget(expenses=[BudgetLine(category="personnel", amounts_typed=["à définir"])])
    assert budget.is_empty()
    assert not budget.expenses[0].is_unfilled()
    assert BudgetLine(category="personnel", amounts_typed=["", " "]).is_unfilled()


def test_a_line_stored_with_the_old_state_id_is_read_with_the_new_one() -> None:
    """« État – AMI » was misleading (this AMI gives support, not money): the kind is now the
    call's « AMI pour financer le développement des PTCE », and stored lines follow."""
    from ptce_assist.budget.categories import catalogue
    from ptce_assist.dossier import Dossier

    stored = {"budget": {"resources": [{"category": "etat_ami", "amounts_typed": ["50 000"]}]}}
    dossier = Dossier.model_validate(stored)
    line = dossier.budget.resources[0]
    assert line.category == "etat_financement_ptce"
    assert catalogue().resource_label(line.category) == (
        "État – AMI pour financer le développement des PTCE"
    )
    assert "AMI –" not in catalogue().resource_label(line.category)
