"""Amounts typed that are not understood: listed with their place, left out of the totals."""

from __future__ import annotations

from ptce_assist.budget.model import Budget
from ptce_assist.budget.unreadable import left_out, left_out_sentence


def _budget() -> Budget:
    return Budget.model_validate(
        {
            "first_year": 2026,
            "expenses": [
                {"category": "personnel", "amounts_typed": ["45 000", "", ""]},
                {"category": "animation", "amounts_typed": ["", " environ 5000 ", ""]},
            ],
            "resources": [{"category": "region", "amounts_typed": ["à définir", "1", "2"]}],
        }
    )


def test_cells_left_out_with_their_place() -> None:
    cells = left_out(_budget())
    assert [(c.section, c.line, c.year, c.year_label) for c in cells] == [
        ("expenses", 2, 1, "2027"),
        ("resources", 1, 0, "2026"),
    ]
    assert cells[0].place == "Dépenses, ligne 2, 2027 « environ 5000 »"
    assert "n'est pas un montant en euros" in cells[0].reason


def test_the_sentence_says_what_the_totals_leave_out() -> None:
    budget = Budget.model_validate(
        {"expenses": [{}, {"category": "animation", "amounts_typed": ["", "environ 5000", ""]}]}
    )
    assert left_out_sentence(budget) == (
        "Total hors 1 montant non compris : Dépenses, ligne 2, N+1 « environ 5000 »"
    )
    assert left_out_sentence(_budget(), "Paragraphe calculé hors") == (
        "Paragraphe calculé hors 2 montants non compris : Dépenses, ligne 2, 2027 "
        "« environ 5000 » ; Ressources, ligne 1, 2026 « à définir »"
    )
    assert _budget().expense_totals() == [4_500_000, 0, 0]
    assert left_out_sentence(Budget()) == ""


def test_years_outside_the_mode_are_not_listed() -> None:
    budget = Budget.model_validate(
        {"mode": "annuel", "expenses": [{"category": "personnel", "amounts_typed": ["1", "x"]}]}
    )
    assert left_out(budget) == []
