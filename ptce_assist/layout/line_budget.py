"""A rubric's volume limit in lines of the chosen layout, and where a text stands against it.

The call gives limits in pages ("1 page maximum", "1/2 page") or lines ("15 lignes").
A page is the preset's lines per page of body text; a fraction of a page is rounded down to
whole lines (1/2 page of 57 lines = 28 lines), so that a text within budget never needs the
next line.

"near": the text is within budget but in its last lines: the last 10 % of the budget, and
at least the last 3 lines (so "15 lignes" warns from 12 lines, "1 page" of 57 from 51).
The rule and the messages reach static/ptce/layout.js as data (`layout.browser_rules`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from ptce_assist.layout.presets import get_preset

Unit = Literal["page", "ligne"]
State = Literal["ok", "near", "over"]

NEAR_SHARE = Fraction(1, 10)
NEAR_MIN_LINES = 3

# The counter's words, as templates (the browser fills them in the same way).
LINE_WORDS = {"one": "{count} ligne", "many": "{count} lignes"}
MESSAGES = {
    "head": "{used} / {budget}",
    "over": "{head} — {over} de trop",
    "reached": "{head} — limite atteinte",
    "near_one": "{head} — il ne reste qu'une ligne",
    "near": "{head} — il ne reste que {remaining} lignes",
    "ok_one": "{head} — il reste 1 ligne",
    "ok": "{head} — il reste {remaining} lignes",
}
PAGE_WORDS = {"one": "page", "many": "pages"}
PAGES_PLURAL_FROM = 2  # « 1,98 page », « 2,00 pages »


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
    return LINE_WORDS["one" if abs(count) == 1 else "many"].format(count=count)


@dataclass(frozen=True, slots=True)
class BudgetStatus:
    used: int
    budget: int
    remaining: int  # negative when over
    state: State

    @property
    def message(self) -> str:
        """French, self-contained (not colour alone): "12 / 57 lignes — il reste 45 lignes"."""
        head = MESSAGES["head"].format(used=self.used, budget=lines_word(self.budget))
        if self.state == "over":
            key = "over"
        elif self.remaining == 0:
            key = "reached"
        else:
            key = self.state + ("_one" if self.remaining == 1 else "")
        return MESSAGES[key].format(
            head=head, over=lines_word(-self.remaining), remaining=self.remaining
        )


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
    word = PAGE_WORDS["many" if pages >= PAGES_PLURAL_FROM else "one"]
    return f"{pages:.2f}".replace(".", ",") + f" {word}"


def browser_rules() -> dict[str, Any]:
    """The near-limit rule and the counter's words, as layout.js receives them."""
    return {
        "near_share": [NEAR_SHARE.numerator, NEAR_SHARE.denominator],
        "near_min_lines": NEAR_MIN_LINES,
        "line_words": LINE_WORDS,
        "messages": MESSAGES,
        "page_words": PAGE_WORDS,
        "pages_plural_from": PAGES_PLURAL_FROM,
    }
