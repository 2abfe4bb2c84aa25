"""Self-assessment against the 12 selection criteria: scores, evidence, weakest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import ScoreEntry, score_number
from ptce_assist.eligibility.rules import RuleResult, evaluate

MAX_SCORE = 3
CANDIDATE_FR = "Candidat"
ADVISER_FR = "Conseiller"


@dataclass(frozen=True)
class CriterionAssessment:
    id: str
    block: str
    short: str
    text: str
    candidate: int | None
    candidate_comment: str
    adviser: int | None
    adviser_comment: str
    rules: tuple[RuleResult, ...]

    @property
    def coverage(self) -> float:
        """Share of the evidence rules found in the dossier (1.0 when there is no rule)."""
        if not self.rules:
            return 1.0
        return sum(1 for r in self.rules if r.found) / len(self.rules)

    @property
    def to_add(self) -> tuple[str, ...]:
        return tuple(r.rule.advice_fr for r in self.rules if not r.found)

    @property
    def weakness(self) -> tuple[float, float]:
        """Sort key, weakest first: the lowest score given, else the evidence found."""
        scores = [s for s in (self.candidate, self.adviser) if s is not None]
        level = float(min(scores)) if scores else self.coverage * MAX_SCORE
        return level, self.coverage

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "block": self.block,
            "short": self.short,
            "candidate": self.candidate,
            "adviser": self.adviser,
            "coverage": round(self.coverage, 2),
            "to_add": list(self.to_add),
            "evidence": [r.as_dict() for r in self.rules],
        }


def _entry(entries: dict[str, ScoreEntry], criterion_id: str) -> ScoreEntry:
    return entries.get(criterion_id) or ScoreEntry()


def assessment(dossier: Dossier, call: Call) -> tuple[CriterionAssessment, ...]:
    answers = dossier.diagnostic.self_assessment
    short = call.diagnostic.selection_short_fr
    items: list[CriterionAssessment] = []
    for criterion in call.selection_criteria:
        mine = _entry(answers.candidate, criterion.id)
        theirs = _entry(answers.adviser, criterion.id)
        rules = tuple(
            evaluate(rule, dossier, call)
            for rule in call.diagnostic.selection_evidence
            if rule.criterion == criterion.id
        )
        items.append(
            CriterionAssessment(
                criterion.id,
                criterion.block,
                short.get(criterion.id, criterion.id),
                criterion.text,
                score_number(mine.score),
                mine.comment,
                score_number(theirs.score),
                theirs.comment,
                rules,
            )
        )
    return tuple(items)


def weakest_first(items: tuple[CriterionAssessment, ...]) -> list[CriterionAssessment]:
    order = {item.id: position for position, item in enumerate(items)}
    return sorted(items, key=lambda item: (*item.weakness, order[item.id]))


def chart_rows(items: tuple[CriterionAssessment, ...], block_id: str) -> list[dict[str, Any]]:
    """Long-format rows for a grouped bar chart: one row per criterion and assessor."""
    rows: list[dict[str, Any]] = []
    for item in items:
        if item.block != block_id:
            continue
        for who, score in ((CANDIDATE_FR, item.candidate), (ADVISER_FR, item.adviser)):
            rows.append({"Critère": item.short, "Évaluation": who, "Note": score})
    return rows


def block_mean(
    items: tuple[CriterionAssessment, ...], block_id: str, adviser: bool
) -> float | None:
    scores = [
        item.adviser if adviser else item.candidate for item in items if item.block == block_id
    ]
    given = [s for s in scores if s is not None]
    return round(sum(given) / len(given), 2) if given else None
