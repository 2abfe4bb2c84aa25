"""Table rows <-> budget lines: every cell kept as typed, remarks on the cells to correct."""

from __future__ import annotations

from ptce_assist.budget.editing import (
    cell_problems,
    dropped_by,
    drops_typing,
    lines_from_rows,
    rows_for,
    switched,
    with_mode,
)
from ptce_assist.budget.model import Budget
from tests.budget.helpers import three_year_budget


def test_empty_section_starts_with_one_row_per_heading() -> None:
    rows = rows_for([], 3, "resources")
    first = {"poste": "etat_financement_ptce", "precision": "", "y0": "", "y1": "", "y2": ""}
    assert rows[0] == first
    assert len(rows) == 11
    assert rows_for(None, 1, "expenses")[0] == {"poste": "personnel", "precision": "", "y0": ""}


def test_stored_lines_of_an_older_backup_show_formatted_amounts() -> None:
    stored = [line.model_dump() for line in three_year_budget().expenses]
    rows = rows_for(stored, 3, "expenses")
    assert rows[0] == {
        "poste": "personnel",
        "precision": "Coordinatrice 1 ETP",
        "y0": "60 000",
        "y1": "65 000",
        "y2": "70 000",
    }


def test_rows_round_trip_exactly_as_typed() -> None:
    rows = [
        {"poste": "personnel", "precision": "Chargée", "y0": "1,5 k€", "y1": "", "y2": ""},
        {"poste": "", "precision": "", "y0": "", "y1": "environ 5000", "y2": "à définir"},
        {"poste": "", "precision": "", "y0": "", "y1": "", "y2": ""},  # a blank row is a row
    ]
    lines = lines_from_rows(rows, 3)
    assert lines[0] == {
        "category": "personnel",
        "label": "Chargée",
        "amounts_cents": [150_000, 0, 0],
        "amounts_typed": ["1,5 k€", "", ""],
    }
    assert lines[1]["amounts_cents"] == [0, 0, 0]
    assert lines[1]["amounts_typed"] == ["", "environ 5000", "à définir"]
    assert len(lines) == 3
    assert rows_for(lines, 3, "expenses") == rows


def test_rows_sent_by_a_browser_are_read_defensively() -> None:
    assert lines_from_rows("pas une liste", 3) == []
    lines = lines_from_rows([{"poste": 3, "y0": None, "y9": "1"}, "x", {"y0": "12"}], 1)
    assert lines == [
        {"category": "", "label": "", "amounts_cents": [0], "amounts_typed": [""]},
        {"category": "", "label": "", "amounts_cents": [1_200], "amounts_typed": ["12"]},
    ]


def test_cell_problems_name_the_cell_and_the_text() -> None:
    lines = lines_from_rows(
        [
            {"poste": "personnel", "precision": "", "y0": "45 000", "y1": "1.000"},
            {"poste": "", "precision": "", "y0": "500", "y1": ""},
            {"poste": "", "precision": "", "y0": "", "y1": ""},
        ],
        2,
    )
    problems = cell_problems(lines, 2, "expenses")
    assert [(p.row, p.column, p.text) for p in problems] == [(0, "y1", "1.000"), (1, "poste", "")]
    assert problems[0].message.startswith("« 1.000 » est ambigu")
    assert problems[1].message == "choisissez un poste de dépense."
    assert cell_problems(lines, 2, "resources")[1].message == (
        "choisissez l'origine de la ressource."
    )


def test_switching_to_annual_drops_later_years_and_says_how_much() -> None:
    budget = three_year_budget()
    assert dropped_by(budget, "annuel") == 2 * (105_000 + 110_000) * 100
    annual = with_mode(budget, "annuel")
    assert annual.years == 1
    assert annual.expense_totals() == [10_000_000]
    assert all(len(line.amounts_cents) == 1 for line in annual.lines())
    assert dropped_by(annual, "trois_ans") == 0
    assert with_mode(annual, "trois_ans").expenses[0].amounts_cents == [6_000_000, 0, 0]


def test_switching_keeps_typed_text_in_step() -> None:
    typed = Budget.model_validate(
        {"expenses": [{"category": "personnel", "amounts_typed": ["5 000", "", "à définir"]}]}
    )
    assert dropped_by(typed, "annuel") == 0
    assert drops_typing(typed, "annuel")  # « à définir » would be lost: ask first
    annual = with_mode(typed, "annuel").expenses[0]
    assert (annual.amounts_typed, annual.amounts_cents) == (["5 000"], [500_000])
    back = with_mode(with_mode(typed, "annuel"), "trois_ans").expenses[0]
    assert (back.amounts_typed, back.amounts_cents) == (["5 000", "", ""], [500_000, 0, 0])
    assert not drops_typing(with_mode(typed, "annuel"), "trois_ans")


def test_switched_asks_before_dropping_what_was_typed() -> None:
    stored = three_year_budget().model_dump(mode="json")
    assert switched(stored, "annuel", confirmed=False) == stored
    annual = switched(stored, "annuel", confirmed=True)
    assert Budget.model_validate(annual).expense_totals() == [10_000_000]
    empty = Budget().model_dump(mode="json")
    assert switched(empty, "annuel", confirmed=False)["mode"] == "annuel"
    assert switched(None, "annuel", confirmed=False)["mode"] == "annuel"
