"""The call's checklist for a rubric, ticked from the text (accent- and inflection-tolerant)."""

from __future__ import annotations

from dataclasses import dataclass

from ptce_assist.call import DEFAULT_CALL_ID
from ptce_assist.coach.data import coverage
from ptce_assist.coach.folding import expression_regex, fold


@dataclass(frozen=True, slots=True)
class CoverageResult:
    id: str
    label: str
    quote: str  # the call's own wording
    optional: bool
    met: bool
    evidence: str | None  # the words of the text that ticked the item


def check_coverage(
    rubric_id: str, text: str, call_id: str = DEFAULT_CALL_ID
) -> list[CoverageResult]:
    folded = fold(text)
    results = []
    for item in coverage(call_id).of_rubric(rubric_id):
        match = expression_regex(item.any).search(folded)
        evidence = text[match.start() : match.end()] if match else None
        results.append(
            CoverageResult(item.id, item.label, item.quote, item.optional, bool(match), evidence)
        )
    return results
