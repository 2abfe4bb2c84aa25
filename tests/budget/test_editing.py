"""Editor rows <-> budget lines: French amounts read, bad cells reported with their place."""

from __future__ import annotations

from ptce_assist.budget.editing import dropped_by, editor_rows, parse_rows, with_mode
from tests.budget.helpers import three_year_budget

LABELS = ["N", "N+1", "N+2"]


def test_empty_section_starts_with_one_row_per_heading() -> None:
    rows = editor_rows([], 3, "resources")
    assert rows[0] == {"poste": "État – AMI", "precision": "", "y0": None, "y1": None, "y2": None}
    assert len(rows) == 11
    assert parse_rows(rows, 3, "resources", LABELS).lines == []


def test_rows_round_trip() -> None:
    budget = three_year_budget()
    rows = editor_rows(budget.expenses, 3, "expenses")
    assert rows[0]["y0"] == "60 000"
    parsed = parse_rows(rows, 3, "expenses", LABELS)
    assert parsed.errors == []
    assert parsed.lines == budget.expenses


def test_french_cells_and_errors() -> None:
    rows = [
        {"poste": "Personnel", "precision": "Chargée de mission", "y0": "1,5 k€", "y1": None},
        {"poste": "Fonctionnement", "precision": None, "y0": "10k", "y1": "1.000"},
        {"poste": None, "precision": None, "y0": "500", "y1": None},
        {"poste": None, "precision": None, "y0": float("nan"), "y1": None},
    ]
    parsed = parse_rows(rows, 2, "expenses", LABELS)
    assert parsed.lines[0].category == "personnel"
    assert parsed.lines[0].amounts_cents == [150_000, 0]
    assert parsed.errors[0].startswith("Dépenses, ligne 2 (Fonctionnement), N+1 : « 1.000 »")
    assert parsed.errors[1] == "Dépenses, ligne 3 : choisissez un poste de dépense."
    assert len(parsed.errors) == 2


def test_switching_to_annual_drops_later_years_and_says_how_much() -> None:
    budget = three_year_budget()
    assert dropped_by(budget, "annuel") == 2 * (105_000 + 110_000) * 100
    annual = with_mode(budget, "annuel")
    assert annual.years == 1
    assert annual.expense_totals() == [10_000_000]
    assert all(len(line.amounts_cents) == 1 for line in annual.lines())
    assert dropped_by(annual, "trois_ans") == 0
    assert with_mode(annual, "trois_ans").expenses[0].amounts_cents == [6_000_000, 0, 0]
