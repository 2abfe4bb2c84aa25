"""A rubric's volume limit in lines of the chosen layout, and where a text stands against it.

The call gives limits in pages ("1 page maximum", "1/2 page") or lines ("15 lignes").
A page is the preset's lines per page of body text; a fraction of a page is rounded down to
whole lines (1/2 page of 57 lines = 28 lines), so that a text within budget never needs the
next line.

"near": the text is within budget but in its last lines: the last 10 % of the budget, and
at least the last 3 lines (so "15 lignes" warns from 12 lines, "1 page" of 57 from 51).
The same rule is in static/ptce/layout.js.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ptce_assist.layout.presets import get_preset

Unit = Literal["page", "ligne"]
State = Literal["ok", "near", "over"]

NEAR_SHARE = Fraction(1, 10)
NEAR_MIN_LINES = 3


def budget_lines(amount: float, unit: Unit, preset_id: str) -> int:
    """Lines allowed for a limit of `amount` pages or lines in the preset."""
    if amount <= 0:
        raise ValueError(f"a volume limit must be positive, not {amount}")
    # Fraction of the decimal text: 0.5 page is exactly one half, not 0.49999...
    share = Fraction(str(amount))
    if unit == "ligne":
        return math.floor(share)
    if unit == "page":
        return math.floor(share * get_preset(preset_id).lines_per_page)
    raise ValueError(f"unknown unit {unit!r} (page or ligne)")


def near_margin(budget: int) -> int:
    """How many last lines of a budget count as "near the limit"."""
    return max(NEAR_MIN_LINES, math.ceil(budget * NEAR_SHARE))


def lines_word(count: int) -> str:
    return f"{count} ligne" if abs(count) == 1 else f"{count} lignes"


@dataclass(frozen=True, slots=True)
class BudgetStatus:
    used: int
    budget: int
    remaining: int  # negative when over
    state: State

    @property
    def message(self) -> str:
        """French, self-contained (not colour alone): "12 / 57 lignes — il reste 45 lignes"."""
        head = f"{self.used} / {lines_word(self.budget)}"
        if self.state == "over":
            return f"{head} — {lines_word(-self.remaining)} de trop"
        if self.remaining == 0:
            return f"{head} — limite atteinte"
        if self.state == "near":
            rest = "il ne reste qu'une ligne" if self.remaining == 1 else (
                f"il ne reste que {self.remaining} lignes")
            return f"{head} — {rest}"
        rest = "il reste 1 ligne" if self.remaining == 1 else f"il reste {self.remaining} lignes"
        return f"{head} — {rest}"


def budget_status(line_count: int, budget: int) -> BudgetStatus:
    remaining = budget - line_count
    state: State
    if remaining < 0:
        state = "over"
    elif remaining <= near_margin(budget):
        state = "near"
    else:
        state = "ok"
    return BudgetStatus(used=line_count, budget=budget, remaining=remaining, state=state)


def format_pages(pages: float) -> str:
    """French decimal with two digits: "0,49 page", "2,10 pages" (plural from 2)."""
    word = "pages" if pages >= 2 else "page"
    return f"{pages:.2f}".replace(".", ",") + f" {word}"
