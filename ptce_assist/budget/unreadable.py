"""The amounts typed that the budget does not understand, and the sentence that says the totals
leave them out: « Total hors 1 montant non compris : Dépenses, ligne 2, N+1 « environ 5000 » ».

Line numbers are the rows of the page's tables (a stored line is a row, blank ones included).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ptce_assist.budget.model import Budget, BudgetLine

Section = Literal["expenses", "resources"]
SECTION_TITLES: dict[Section, str] = {"expenses": "Dépenses", "resources": "Ressources"}


@dataclass(frozen=True)
class LeftOut:
    """One cell whose text is not an amount: counted as 0 everywhere."""

    section: Section
    line: int  # 1-based, as the table shows it
    year: int  # 0-based
    year_label: str
    text: str
    reason: str

    @property
    def place(self) -> str:
        """« Dépenses, ligne 2, N+1 « environ 5000 » »."""
        title = SECTION_TITLES[self.section]
        return f"{title}, ligne {self.line}, {self.year_label} « {self.text.strip()} »"


def section_lines(budget: Budget, section: Section) -> list[BudgetLine]:
    return budget.expenses if section == "expenses" else budget.resources


def left_out(budget: Budget) -> list[LeftOut]:
    """Every cell of the budget's years that holds text the app cannot read as an amount."""
    labels = budget.year_labels()
    found = []
    for section in SECTION_TITLES:
        for number, line in enumerate(section_lines(budget, section), start=1):
            for year in range(budget.years):
                reason = line.problem(year)
                if reason is not None:
                    found.append(
                        LeftOut(section, number, year, labels[year], line.typed(year), reason)
                    )
    return found


def count_words(count: int) -> str:
    return "1 montant non compris" if count == 1 else f"{count} montants non compris"


def left_out_sentence(budget: Budget, start: str = "Total hors") -> str:
    """What the totals leave out, or "" when every amount typed is understood."""
    cells = left_out(budget)
    if not cells:
        return ""
    places = " ; ".join(cell.place for cell in cells)
    return f"{start} {count_words(len(cells))} : {places}"
