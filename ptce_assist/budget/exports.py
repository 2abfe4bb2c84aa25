"""The budget as a CSV file for French Excel and as an XLSX workbook.

CSV: ";" separator, UTF-8 with a byte order mark (so Excel reads the accents), amounts as plain
numbers with a decimal comma ("150000", "2500,50"). XLSX: amounts are numbers with a euro
format. In both, every text cell passes through `neutralise_formula`. A cell typed on the page
that is not an amount (« environ 5000 ») is written as typed; the totals leave it out and a last
row says so. Rows nobody filled (a heading alone) are not written.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.model import Budget, BudgetLine
from ptce_assist.budget.unreadable import left_out_sentence
from ptce_assist.spreadsheet_safety import neutralise_formula
from ptce_assist.text import clean_text

Cell = str | Decimal | None
SECTION_EXPENSES = "Dépenses"
SECTION_RESOURCES = "Ressources"


def _euros(cents: int) -> Decimal:
    return Decimal(cents) / 100


def budget_table(budget: Budget) -> list[list[Cell]]:
    """Header, one row per line, then the totals and the gap; amounts in euros (Decimal)."""
    cat = catalogue()
    natures = cat.natures
    header: list[Cell] = ["Section", "Poste ou origine", "Nature", "Précision"]
    header += [f"{label} (€)" for label in budget.year_labels()]
    rows: list[list[Cell]] = [header]

    def amounts(line: BudgetLine) -> list[Cell]:
        return [
            line.typed(year).strip() if line.problem(year) else _euros(line.amount(year))
            for year in range(budget.years)
        ]

    for line in budget.expenses:
        if line.is_unfilled():
            continue
        rows.append(
            [SECTION_EXPENSES, cat.expense_label(line.category), "", line.label, *amounts(line)]
        )
    for line in budget.resources:
        if line.is_unfilled():
            continue
        nature = natures[cat.nature_of(line.category)]
        label = cat.resource_label(line.category)
        rows.append([SECTION_RESOURCES, label, nature, line.label, *amounts(line)])
    expenses, resources = budget.expense_totals(), budget.resource_totals()
    rows.append(["Total", "Total des dépenses", "", "", *map(_euros, expenses)])
    rows.append(["Total", "Total des ressources", "", "", *map(_euros, resources)])
    gaps = [r - e for e, r in zip(expenses, resources, strict=True)]
    rows.append(["Total", "Écart (ressources moins dépenses)", "", "", *map(_euros, gaps)])
    note = left_out_sentence(budget)
    if note:
        rows.append(["Remarque", note, "", "", *[None] * budget.years])
    # Control characters (a vertical tab pasted from Word...) cannot go into an XLSX.
    return [[clean_text(c).text if isinstance(c, str) else c for c in row] for row in rows]


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        if cell == cell.to_integral_value():
            return str(int(cell))
        return f"{cell:.2f}".replace(".", ",")
    return neutralise_formula(cell)


def budget_csv(budget: Budget) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in budget_table(budget):
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def budget_xlsx(budget: Budget) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Budget prévisionnel"
    table = budget_table(budget)
    for row_index, row in enumerate(table, start=1):
        for column_index, cell in enumerate(row, start=1):
            target = sheet.cell(row=row_index, column=column_index)
            if isinstance(cell, Decimal):
                whole = cell == cell.to_integral_value()
                target.value = int(cell) if whole else float(cell)
                target.number_format = '#,##0 "€"' if whole else '#,##0.00 "€"'
            elif cell:
                target.value = neutralise_formula(cell)
                target.data_type = "s"
            if row_index == 1 or row[0] == "Total":
                target.font = Font(bold=True)
    widths = [12, 34, 22, 40] + [14] * budget.years
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
