"""The provisional budget as stored in the dossier.

Amounts are whole cents of euro (integers: no rounding surprise in totals and ratios). A line
names its heading (expenses) or its kind (resources) by the id of `categories.toml`, and holds
one amount per year of the budget. Every field has a default: an empty budget is valid and old
backups without a budget still load.

Each amount is also kept exactly as typed (`amounts_typed`): « environ 5000 » or « à définir »
is stored like any other cell, its amount counts as 0, and the totals say which cells they
leave out (`unreadable.py`). When the typed text is there, the amounts are read from it; a
line of an older backup has none, and its amounts are shown formatted.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ptce_assist.budget.amounts import MAX_CENTS, amount_problem, format_amount, readable_cents
from ptce_assist.budget.categories import catalogue

BudgetMode = Literal["annuel", "trois_ans"]

YEARS_BY_MODE: dict[str, int] = {"annuel": 1, "trois_ans": 3}
MODE_LABELS: dict[str, str] = {"annuel": "Budget annuel type", "trois_ans": "Budget sur 3 ans"}

Cents = Annotated[int, Field(ge=0, le=MAX_CENTS)]


class BudgetLine(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: str = Field(default="", description="Poste de dépense ou origine (identifiant)")
    label: str = Field(default="", description="Précision libre (ex. « coordinatrice 1 ETP »)")
    amounts_cents: list[Cents] = Field(
        default_factory=list,
        max_length=3,
        description="Montant compris par année, en centimes d'euro (0 : vide ou non compris)",
    )
    amounts_typed: list[str] = Field(
        default_factory=list,
        max_length=3,
        description="Montant par année tel que saisi (absent des sauvegardes plus anciennes)",
    )

    @field_validator("category")
    @classmethod
    def _current_id(cls, category: str) -> str:
        # A line saved with a heading or kind id renamed since (categories.toml `renamed`).
        return catalogue().renamed.get(category, category)

    @model_validator(mode="after")
    def _read_typed(self) -> BudgetLine:
        # The typed text is what the person wrote: the amounts are read from it.
        if self.amounts_typed:
            self.amounts_cents = [readable_cents(text) or 0 for text in self.amounts_typed]
        return self

    def amount(self, year: int) -> int:
        return self.amounts_cents[year] if year < len(self.amounts_cents) else 0

    def typed(self, year: int) -> str:
        """The cell as typed ("" when empty); formatted for a line of an older backup."""
        if self.amounts_typed:
            return self.amounts_typed[year] if year < len(self.amounts_typed) else ""
        cents = self.amount(year)
        return format_amount(cents, currency=False, sep=" ") if cents else ""

    def problem(self, year: int) -> str | None:
        """Why the cell of `year` is not understood as an amount (None if it is, or empty)."""
        return amount_problem(self.typed(year)) if self.amounts_typed else None

    def is_unfilled(self) -> bool:
        """Nothing typed but (perhaps) the heading: a starting row nobody filled."""
        typed = any(text.strip() for text in self.amounts_typed)
        return not self.label.strip() and not typed and not any(self.amounts_cents)


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
        """No amount understood (cells not understood do not count)."""
        return not any(line.amount(y) for line in self.lines() for y in range(self.years))

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
