"""The budget as an annex table at the end of a python-docx Document.

The financement rubric of the call allows it: "Possibilité d'ajouter un budget en annexe
(budget annuel type ou budget sur 3 ans au choix du déposant". The table shows the budget "en
grandes masses": one row per expense heading and per resource kind, with totals, and beneath
it the amounts typed that the totals leave out, if any. The caller decides where the annex
goes (add a page break before calling, if wanted).
"""

from __future__ import annotations

import contextlib
from typing import Any

from ptce_assist.budget.amounts import format_amount
from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.model import MODE_LABELS, Budget
from ptce_assist.budget.unreadable import left_out_sentence

ANNEX_TITLE = "Annexe : budget prévisionnel"
TABLE_STYLE = "Table Grid"
NO_HEADING = "Poste non précisé"
NO_KIND = "Origine non précisée"


def annex_rows(budget: Budget) -> list[tuple[str, list[str], bool]]:
    """(label, amounts as French text, is a bold row) for each row of the table."""
    cat = catalogue()
    rows: list[tuple[str, list[str], bool]] = [("", budget.year_labels(), True)]
    rows.append(("Dépenses", [""] * budget.years, True))
    for heading, amounts in budget.expenses_by_heading().items():
        if any(amounts):
            label = cat.expense_label(heading) or NO_HEADING
            rows.append((label, [format_amount(a) for a in amounts], False))
    rows.append(("Total des dépenses", [format_amount(a) for a in budget.expense_totals()], True))
    rows.append(("Ressources", [""] * budget.years, True))
    for kind, amounts in budget.resources_by_kind().items():
        if any(amounts):
            label = cat.resource_label(kind) or NO_KIND
            rows.append((label, [format_amount(a) for a in amounts], False))
    rows.append(
        ("Total des ressources", [format_amount(a) for a in budget.resource_totals()], True)
    )
    return rows


LABEL_SHARE = 0.46  # the labels (« État – AMI pour financer le développement des PTCE »)
AMOUNT_MIN_TWIPS = 1500  # « 1 250 000 € » in bold on one line
AMOUNT_MAX_TWIPS = 2500


def column_widths(line_twips: int, years: int) -> list[Any]:
    """The label column wide enough for the origins' labels (it was left to an equal share
    and cut them into narrow lines), the amounts sharing the rest."""
    from docx.shared import Twips

    share = round(line_twips * (1 - LABEL_SHARE) / max(years, 1))
    amount = max(AMOUNT_MIN_TWIPS, min(share, AMOUNT_MAX_TWIPS))
    label = max(line_twips - amount * years, line_twips // 3)
    return [Twips(label), *[Twips(amount)] * years]


def _line_width(document: Any) -> int:
    section = document.sections[-1]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU


def add_budget_annex(document: Any, budget: Budget) -> None:
    """Append the title and the table to `document`; nothing for an empty budget."""
    if budget.is_empty():
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    title = document.add_paragraph()
    title.add_run(f"{ANNEX_TITLE} ({MODE_LABELS[budget.mode].lower()})").bold = True
    rows = annex_rows(budget)
    table = document.add_table(rows=len(rows), cols=1 + budget.years)
    with contextlib.suppress(KeyError, ValueError):  # a template without it: plain table
        table.style = TABLE_STYLE
    widths = column_widths(_line_width(document), budget.years)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, (label, amounts, bold) in zip(table.rows, rows, strict=True):
        cells = row.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width  # Word reads the cells' widths, LibreOffice the grid's
        cells[0].paragraphs[0].add_run(label).bold = bold
        for cell, amount in zip(cells[1:], amounts, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(amount).bold = bold
    note = left_out_sentence(budget)
    if note:
        document.add_paragraph(f"{note}.")
