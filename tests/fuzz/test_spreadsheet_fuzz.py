"""CSV and XLSX exports of the budget and of the adviser's dashboard with hostile text: no text
cell a spreadsheet would run as a formula, and the XLSX re-opens with openpyxl."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from ptce_assist.budget.exports import budget_csv, budget_xlsx
from ptce_assist.budget.model import Budget, BudgetLine
from ptce_assist.workshops.exports import to_csv_bytes, to_xlsx_bytes
from tests.fuzz.strategies import FUZZ, hostile_text

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
NUMBER = re.compile(r"-?\d+(,\d+)?")
EXPENSES = ["personnel", "animation", "investissement"]
RESOURCES = ["etat_financement_ptce", "region", "ressources_propres"]
formula_text = st.sampled_from(
    ["=1+1", "+33 6 12", "-2", "@SUM(A1)", '=HYPERLINK("http://x")', "\t=1", "\r=1", "＝1"]
)
cell_text = st.one_of(
    hostile_text, formula_text, st.tuples(formula_text, hostile_text).map("".join)
)
cents = st.lists(st.integers(0, 10**9), max_size=3)


def _line(categories: list[str]) -> st.SearchStrategy[BudgetLine]:
    return st.builds(
        BudgetLine,
        category=st.one_of(st.sampled_from(categories), cell_text),
        label=cell_text,
        amounts_cents=cents,
    )


budgets = st.builds(
    Budget,
    mode=st.sampled_from(["annuel", "trois_ans"]),
    expenses=st.lists(_line(EXPENSES), max_size=4),
    resources=st.lists(_line(RESOURCES), max_size=4),
)


def _csv_cells(data: bytes) -> list[str]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    return [cell for row in rows for cell in row]


def _assert_csv_safe(data: bytes) -> None:
    for cell in _csv_cells(data):
        if cell.startswith(TRIGGERS):
            assert NUMBER.fullmatch(cell), f"formula-like CSV cell: {cell!r}"


def _assert_xlsx_safe(data: bytes) -> int:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    cells = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                cells += 1
                assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(TRIGGERS), cell.value
    return cells


@FUZZ
@given(budget=budgets)
def test_budget_exports(budget: Budget) -> None:
    _assert_csv_safe(budget_csv(budget))
    assert _assert_xlsx_safe(budget_xlsx(budget)) > 0


@FUZZ
@given(
    rows=st.lists(st.tuples(cell_text, cell_text, st.integers(-5, 100)), min_size=1, max_size=5),
    header=cell_text,
)
def test_dashboard_exports(rows: list[tuple[str, str, int]], header: str) -> None:
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["Projet", header + " ", "Rubriques"])
    _assert_csv_safe(to_csv_bytes(frame))
    assert _assert_xlsx_safe(to_xlsx_bytes(frame)) > 0


def test_known_formulas_are_quoted() -> None:
    budget = Budget(
        mode="annuel",
        expenses=[BudgetLine(category="personnel", label='=HYPERLINK("x")', amounts_cents=[1])],
        resources=[BudgetLine(category="@evil", label="+1", amounts_cents=[5])],
    )
    cells = _csv_cells(budget_csv(budget))
    assert '\'=HYPERLINK("x")' in cells
    assert "'+1" in cells
    assert "'@evil" in cells
