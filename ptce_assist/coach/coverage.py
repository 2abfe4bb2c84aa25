"""The call's checklist for a rubric, ticked from the text (accent- and inflection-tolerant)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ptce_assist.call import current_call_id
from ptce_assist.coach.data import coverage
from ptce_assist.coach.index import Term, expression_terms, index_of

GAP_WORDS = 2  # other words allowed between two words of an expression


@dataclass(frozen=True, slots=True)
class CoverageResult:
    id: str
    label: str
    quote: str  # the call's own wording
    optional: bool
    met: bool
    evidence: str | None  # the words of the text that ticked the item


@cache
def _expressions(expressions: tuple[str, ...]) -> tuple[tuple[Term, ...], ...]:
    return tuple(expression_terms(e) for e in expressions)


def check_coverage(rubric_id: str, text: str, call_id: str | None = None) -> list[CoverageResult]:
    """The checklist of `rubric_id` in the edition `call_id` (the dossier's; the current
    edition when none is given), each item ticked or not by `text`."""
    index = index_of(text)
    results = []
    for item in coverage(call_id or current_call_id()).of_rubric(rubric_id):
        best: tuple[int, int] | None = None
        for terms in _expressions(item.any):
            first, last = index.find(terms, GAP_WORDS)
            if first >= 0 and (best is None or first < best[0]):
                best = (first, last)
        evidence = None
        if best is not None:
            start, end = index.span(*best)
            evidence = text[start:end]
        met = best is not None
        results.append(
            CoverageResult(item.id, item.label, item.quote, item.optional, met, evidence)
        )
    return results
