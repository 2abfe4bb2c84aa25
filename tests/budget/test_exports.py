"""CSV for French Excel and XLSX, read back; user text never becomes a formula."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from ptce_assist.budget.exports import budget_csv, budget_xlsx
from tests.budget.helpers import three_year_budget

EVIL = '=HYPERLINK("http://exemple.invalid";"clic")'


def _budget_with_evil_label():  # type: ignore[no-untyped-def]
    budget = three_year_budget()
    budget.expenses[1].label = EVIL
    budget.expenses[2].label = "@SUM(A1)"
    budget.expenses[2].amounts_cents = [2_000_050, 1_800_000, 1_600_000]
    budget.resources[4].amounts_cents = [1_000_050, 1_500_000, 4_500_000]
    return budget


def test_csv_is_utf8_with_bom_and_semicolons() -> None:
    data = budget_csv(three_year_budget())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Section",
        "Poste ou origine",
        "Nature",
        "Précision",
        "N (€)",
        "N+1 (€)",
        "N+2 (€)",
    ]
    assert rows[1] == [
        "Dépenses",
        "Personnel",
        "",
        "Coordinatrice 1 ETP",
        "60000",
        "65000",
        "70000",
    ]
    assert rows[4] == [
        "Ressources",
        "État – AMI pour financer le développement des PTCE",
        "financements publics",
        "",
        "50000",
        "50000",
        "0",
    ]
    assert rows[-3][1:] == ["Total des dépenses", "", "", "100000", "105000", "110000"]
    assert rows[-1][4:] == ["0", "0", "0"]


def test_csv_cents_use_a_decimal_comma_and_labels_are_neutralised() -> None:
    rows = list(
        csv.reader(
            io.StringIO(budget_csv(_budget_with_evil_label()).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[2][3] == "'" + EVIL
    assert rows[3][3] == "'@SUM(A1)"
    assert rows[3][4] == "20000,50"
    for row in rows:
        for cell in row[:4]:
            assert not cell.startswith(("=", "+", "-", "@"))


def test_xlsx_reopens_with_the_right_values() -> None:
    workbook = load_workbook(io.BytesIO(budget_xlsx(_budget_with_evil_label())))
    sheet = workbook.active
    assert sheet.title == "Budget prévisionnel"
    assert [c.value for c in sheet[1]] == [
        "Section",
        "Poste ou origine",
        "Nature",
        "Précision",
        "N (€)",
        "N+1 (€)",
        "N+2 (€)",
    ]
    assert [c.value for c in sheet[2]] == [
        "Dépenses",
        "Personnel",
        None,
        "Coordinatrice 1 ETP",
        60000,
        65000,
        70000,
    ]
    assert sheet["D3"].value == "'" + EVIL
    assert sheet["D3"].data_type == "s"  # text, not a formula
    assert sheet["E4"].value == 20000.5
    assert sheet["E4"].number_format == '#,##0.00 "€"'
    assert sheet["F2"].number_format == '#,##0 "€"'
    totals = {row[1].value: [c.value for c in row[4:]] for row in sheet.iter_rows(min_row=2)}
    assert totals["Total des dépenses"] == [100000.5, 105000, 110000]
    assert totals["Total des ressources"] == [100000.5, 105000, 110000]
    assert totals["Écart (ressources moins dépenses)"] == [0, 0, 0]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"


def _budget_with_an_odd_cell():  # type: ignore[no-untyped-def]
    from ptce_assist.budget.model import BudgetLine

    budget = three_year_budget()
    budget.expenses[1] = BudgetLine(
        category="animation", amounts_typed=["=1+1 environ", "22 000", "24 000"]
    )
    budget.expenses.append(BudgetLine(category="investissement", amounts_typed=["", "", ""]))
    return budget


def test_cell_not_understood_is_written_as_typed_and_left_out_of_the_totals() -> None:
    rows = list(
        csv.reader(
            io.StringIO(budget_csv(_budget_with_an_odd_cell()).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[2][1:] == ["Animation territoriale", "", "", "'=1+1 environ", "22000", "24000"]
    assert not any(row[1] == "Investissement" for row in rows)  # a heading alone: not written
    totals = {row[1]: row[4:] for row in rows if row[0] == "Total"}
    assert totals["Total des dépenses"] == ["80000", "105000", "110000"]
    assert rows[-1][:2] == [
        "Remarque",
        "Total hors 1 montant non compris : Dépenses, ligne 2, N « =1+1 environ »",
    ]
    sheet = load_workbook(io.BytesIO(budget_xlsx(_budget_with_an_odd_cell()))).active
    assert sheet["E3"].value == "'=1+1 environ" and sheet["E3"].data_type == "s"
    assert sheet.cell(row=sheet.max_row, column=2).value.startswith("Total hors 1 montant")
