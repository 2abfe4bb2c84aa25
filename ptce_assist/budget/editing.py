"""Budget lines <-> rows of the page's table editor (amounts typed as French text).

The editor holds text cells: "1,5 k€" is read by `parse_amount`, and a cell it cannot read
is reported (in French, with its line and year) instead of being guessed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ptce_assist.budget.amounts import AmountError, format_amount, parse_amount
from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.model import YEARS_BY_MODE, Budget, BudgetLine, BudgetMode

Section = Literal["expenses", "resources"]
CATEGORY = "poste"
DETAIL = "precision"
YEAR_KEYS = ("y0", "y1", "y2")
SECTION_WORDING: dict[Section, tuple[str, str]] = {
    "expenses": ("Dépenses", "un poste de dépense"),
    "resources": ("Ressources", "l'origine de la ressource"),
}

Row = dict[str, str | None]


@dataclass(frozen=True)
class ParsedRows:
    lines: list[BudgetLine]
    errors: list[str]


def category_labels(section: Section) -> dict[str, str]:
    """id -> label, in the catalogue's order."""
    cat = catalogue()
    entries = cat.expense_headings if section == "expenses" else cat.resource_kinds
    return {entry.id: entry.label for entry in entries}


def columns(years: int) -> list[str]:
    return [CATEGORY, DETAIL, *YEAR_KEYS[:years]]


def editor_rows(lines: Sequence[BudgetLine], years: int, section: Section) -> list[Row]:
    """Rows for the editor; an empty section starts with one row per heading or kind."""
    labels = category_labels(section)
    if not lines:
        return [_row(label, "", [None] * years) for label in labels.values()]
    rows = []
    for line in lines:
        amounts = [_cell(line.amount(y)) for y in range(years)]
        rows.append(_row(labels.get(line.category, line.category) or None, line.label, amounts))
    return rows


def _cell(cents: int) -> str | None:
    return format_amount(cents, currency=False, sep=" ") if cents else None


def _row(category: str | None, detail: str, amounts: list[str | None]) -> Row:
    row: Row = {CATEGORY: category, DETAIL: detail}
    row.update(zip(YEAR_KEYS, amounts, strict=False))
    return row


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def parse_rows(
    rows: Sequence[Mapping[str, Any]], years: int, section: Section, year_labels: Sequence[str]
) -> ParsedRows:
    """Budget lines from the editor's rows, and a French message per cell it cannot read.
    Rows without amounts nor detail are dropped (the starting rows nobody filled)."""
    by_label = {label: cat_id for cat_id, label in category_labels(section).items()}
    title, what = SECTION_WORDING[section]
    lines: list[BudgetLine] = []
    errors: list[str] = []
    for number, row in enumerate(rows, start=1):
        category_text = _text(row.get(CATEGORY))
        detail = _text(row.get(DETAIL))
        amounts: list[int] = []
        where = f"{title}, ligne {number}" + (f" ({category_text})" if category_text else "")
        for year in range(years):
            try:
                amounts.append(parse_amount(_text(row.get(YEAR_KEYS[year]))))
            except AmountError as error:
                errors.append(f"{where}, {year_labels[year]} : {error}")
                amounts.append(0)
        if not any(amounts) and not detail:
            continue
        if not category_text:
            errors.append(f"{where} : choisissez {what}.")
            continue
        category = by_label.get(category_text, category_text)
        lines.append(BudgetLine(category=category, label=detail, amounts_cents=amounts))
    return ParsedRows(lines, errors)


def with_mode(budget: Budget, mode: BudgetMode) -> Budget:
    """The same budget over 1 or 3 years (amounts beyond the new length are dropped)."""
    years = YEARS_BY_MODE[mode]

    def resized(line: BudgetLine) -> BudgetLine:
        amounts = [line.amount(y) for y in range(years)]
        return line.model_copy(update={"amounts_cents": amounts})

    return budget.model_copy(
        update={
            "mode": mode,
            "expenses": [resized(line) for line in budget.expenses],
            "resources": [resized(line) for line in budget.resources],
        }
    )


def dropped_by(budget: Budget, mode: BudgetMode) -> int:
    """Cents that switching to `mode` would drop (years beyond the new length)."""
    years = YEARS_BY_MODE[mode]
    return sum(sum(line.amounts_cents[years:]) for line in budget.lines())
