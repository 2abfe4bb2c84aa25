"""Budget lines <-> rows of the page's table editors (every cell a string, kept as typed).

A row is a dict of strings in column order: the heading or kind id, the detail, then one
amount per year exactly as typed. A stored line is a row, blank ones included, so that
« ligne 3 » means the third row of the table; an empty section starts with one row per
heading or kind. Nothing typed blocks a save: a cell that is not an amount is stored as typed,
counts as 0 and is reported on its cell (`cell_problems`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.model import YEARS_BY_MODE, Budget, BudgetLine, BudgetMode
from ptce_assist.budget.unreadable import Section

CATEGORY = "poste"
DETAIL = "precision"
YEAR_KEYS = ("y0", "y1", "y2")
SECTION_WORDING: dict[Section, tuple[str, str]] = {
    "expenses": ("Dépenses", "un poste de dépense"),
    "resources": ("Ressources", "l'origine de la ressource"),
}

Row = dict[str, str]


@dataclass(frozen=True)
class CellProblem:
    """What is wrong with one cell of a table; `text` is the cell's content it is about."""

    row: int  # 0-based
    column: str
    text: str
    message: str


def category_labels(section: Section) -> dict[str, str]:
    """id -> label, in the catalogue's order."""
    cat = catalogue()
    entries = cat.expense_headings if section == "expenses" else cat.resource_kinds
    return {entry.id: entry.label for entry in entries}


def columns(years: int) -> list[str]:
    return [CATEGORY, DETAIL, *YEAR_KEYS[:years]]


def stored_lines(value: Any) -> list[BudgetLine]:
    """The lines of a section as read from the dossier (a JSON list)."""
    if not isinstance(value, list):
        return []
    lines = []
    for item in value:
        try:
            lines.append(BudgetLine.model_validate(item))
        except ValidationError:
            continue  # the dossier was validated on load: never expected
    return lines


def rows_for(value: Any, years: int, section: Section) -> list[Row]:
    """The rows shown for a stored section; an empty one starts with one row per heading."""
    lines = stored_lines(value)
    if not lines:
        return [_row(category, "", [""] * years) for category in category_labels(section)]
    return [
        _row(line.category, line.label, [line.typed(y) for y in range(years)]) for line in lines
    ]


def _row(category: str, detail: str, amounts: Sequence[str]) -> Row:
    row: Row = {CATEGORY: category, DETAIL: detail}
    row.update(zip(YEAR_KEYS, amounts, strict=False))
    return row


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def lines_from_rows(rows: Any, years: int) -> list[dict[str, Any]]:
    """What is stored for the rows a table sent: one line per row, every cell as typed."""
    if not isinstance(rows, list):
        return []
    lines = []
    for row in rows:
        if not isinstance(row, Mapping):
            continue
        line = BudgetLine(
            category=_text(row.get(CATEGORY)).strip(),
            label=_text(row.get(DETAIL)),
            amounts_typed=[_text(row.get(key)) for key in YEAR_KEYS[:years]],
        )
        lines.append(line.model_dump(mode="json"))
    return lines


def cell_problems(value: Any, years: int, section: Section) -> list[CellProblem]:
    """Cells of a stored section to correct: amounts not understood, a heading not chosen."""
    _, what = SECTION_WORDING[section]
    problems = []
    for index, line in enumerate(stored_lines(value)):
        if not line.category and not line.is_unfilled():
            problems.append(CellProblem(index, CATEGORY, "", f"choisissez {what}."))
        for year in range(years):
            reason = line.problem(year)
            if reason is not None:
                problems.append(CellProblem(index, YEAR_KEYS[year], line.typed(year), reason))
    return problems


def with_mode(budget: Budget, mode: BudgetMode) -> Budget:
    """The same budget over 1 or 3 years (amounts beyond the new length are dropped)."""
    years = YEARS_BY_MODE[mode]

    def resized(line: BudgetLine) -> BudgetLine:
        update: dict[str, Any] = {"amounts_cents": [line.amount(y) for y in range(years)]}
        if line.amounts_typed:
            update["amounts_typed"] = [line.typed(y) for y in range(years)]
        return line.model_copy(update=update)

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


def drops_typing(budget: Budget, mode: BudgetMode) -> bool:
    """Whether switching to `mode` drops any cell typed (an amount or not)."""
    years = YEARS_BY_MODE[mode]
    return dropped_by(budget, mode) > 0 or any(
        text.strip() for line in budget.lines() for text in line.amounts_typed[years:]
    )


def switched(current: Any, mode: BudgetMode, *, confirmed: bool) -> Any:
    """The stored budget (JSON) over the years of `mode`; unchanged when that would drop
    something typed and the person has not confirmed it."""
    budget = Budget.model_validate(current) if isinstance(current, dict) else Budget()
    if budget.mode == mode or (drops_typing(budget, mode) and not confirmed):
        return current
    return with_mode(budget, mode).model_dump(mode="json")
