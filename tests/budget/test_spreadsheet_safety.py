"""Cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import pytest

from ptce_assist.spreadsheet_safety import neutralise_formula


@pytest.mark.parametrize(
    "value",
    [
        "=1+1",
        '=HYPERLINK("http://exemple.invalid","clic")',
        "+33 6 12 34 56 78",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "＝1+1",
    ],
)
def test_dangerous_cells_get_an_apostrophe(value: str) -> None:
    assert neutralise_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["", "Coordinatrice 1 ETP", "1 + 1 = 2", " =1", "'=1"])
def test_ordinary_cells_are_unchanged(value: str) -> None:
    assert neutralise_formula(value) == value
