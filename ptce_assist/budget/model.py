"""The provisional budget as stored in the dossier.

Amounts are whole cents of euro (integers: no rounding surprise in totals and ratios). A line
names its heading (expenses) or its kind (resources) by the id of `categories.toml`, and holds
one amount per year of the budget. Every field has a default: an empty budget is valid and old
backups without a budget still load.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

BudgetMode = Literal["annuel", "trois_ans"]

MAX_CENTS = 100_000_000_000  # one billion euros: far beyond any PTCE budget
YEARS_BY_MODE: dict[str, int] = {"annuel": 1, "trois_ans": 3}
MODE_LABELS: dict[str, str] = {"annuel": "Budget annuel type", "trois_ans": "Budget sur 3 ans"}

Cents = Annotated[int, Field(ge=0, le=MAX_CENTS)]


class BudgetLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: str = Field(default="", description="Poste de dépense ou origine (identifiant)")
    label: str = Field(default="", description="Précision libre (ex. « coordinatrice 1 ETP »)")
    amounts_cents: list[Cents] = Field(
        default_factory=list, max_length=3, description="Montant par année, en centimes d'euro"
    )

    def amount(self, year: int) -> int:
        return self.amounts_cents[year] if year < len(self.amounts_cents) else 0

    def is_blank(self) -> bool:
        return not self.category and not self.label.strip() and not any(self.amounts_cents)


class Budget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: BudgetMode = Field(default="trois_ans", description="annuel ou trois_ans (N, N+1, N+2)")
    first_year: int | None = Field(
        default=None, ge=2000, le=2100, description="Année civile de N (facultatif)"
    )
    expenses: list[BudgetLine] = Field(default_factory=list, description="Dépenses")
    resources: list[BudgetLine] = Field(default_factory=list, description="Ressources")

    @property
    def years(self) -> int:
        return YEARS_BY_MODE[self.mode]

    def year_labels(self) -> list[str]:
        if self.first_year is not None:
            return [str(self.first_year + i) for i in range(self.years)]
        return ["N", "N+1", "N+2"][: self.years]

    def is_empty(self) -> bool:
        return not any(any(line.amounts_cents) for line in self.lines())

    def lines(self) -> list[BudgetLine]:
        return [*self.expenses, *self.resources]

    def expense_totals(self) -> list[int]:
        return [sum(line.amount(y) for line in self.expenses) for y in range(self.years)]

    def resource_totals(self) -> list[int]:
        return [sum(line.amount(y) for line in self.resources) for y in range(self.years)]

    def expenses_by_heading(self) -> dict[str, list[int]]:
        return _by_category(self.expenses, self.years)

    def resources_by_kind(self) -> dict[str, list[int]]:
        return _by_category(self.resources, self.years)


def _by_category(lines: list[BudgetLine], years: int) -> dict[str, list[int]]:
    """Totals per category and year, in the order categories first appear."""
    totals: dict[str, list[int]] = {}
    for line in lines:
        row = totals.setdefault(line.category, [0] * years)
        for year in range(years):
            row[year] += line.amount(year)
    return totals
