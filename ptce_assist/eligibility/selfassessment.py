"""Self-assessment against the 12 selection criteria: scores, evidence, weakest first."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field

from ptce_assist.call import Call
from ptce_assist.charts import french_chart
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import ScoreEntry, score_number
from ptce_assist.eligibility.rules import RuleResult, evaluate

MAX_SCORE = 3
WEAKEST_SHOWN = 4  # how many weakest criteria the pages and `check` list
CANDIDATE_FR = "Candidat"
ADVISER_FR = "Conseiller"


class CriterionAssessment(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    block: str
    short: str
    text: str
    candidate: int | None
    candidate_comment: str
    adviser: int | None
    adviser_comment: str
    rules: tuple[RuleResult, ...]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def coverage(self) -> float:
        """Share of the evidence rules found in the dossier (1.0 when there is no rule)."""
        if not self.rules:
            return 1.0
        return sum(1 for r in self.rules if r.found) / len(self.rules)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def to_add(self) -> tuple[str, ...]:
        return tuple(r.rule.advice_fr for r in self.rules if not r.found)

    @property
    def lowest_score(self) -> int | None:
        scores = [s for s in (self.candidate, self.adviser) if s is not None]
        return min(scores) if scores else None

    @property
    def weakness(self) -> tuple[float, float]:
        """Sort key, weakest first: the lowest score given, else the evidence found."""
        lowest = self.lowest_score
        level = float(lowest) if lowest is not None else self.coverage * MAX_SCORE
        return level, self.coverage

    @computed_field  # type: ignore[prop-decorator]
    @property
    def advice(self) -> str:
        """What to do about this criterion, in French: what to add, or what the score says."""
        lowest = self.lowest_score
        who = self._who_scored(lowest)
        if self.to_add:
            scored = f" (noté {lowest}/3 par {who})" if lowest is not None else ""
            return f"À ajouter{scored} : " + " ".join(self.to_add)
        if lowest is not None and lowest <= 1:
            return (
                f"Les éléments que l'outil cherche figurent dans le dossier, mais {who} l'a noté "
                f"{lowest}/3 : précisez ce qui manque encore et étayez-le (chiffres, exemples)."
            )
        if lowest == 2:
            return (
                f"Le dossier contient des éléments pour ce critère ; noté 2/3 par {who} : "
                "renforcez-les (chiffres, exemples, partenaires)."
            )
        return "Le dossier contient déjà de quoi étayer ce critère."

    def _who_scored(self, score: int | None) -> str:
        if score is not None and self.adviser == score:
            return "le conseiller" if self.candidate != score else "le candidat et le conseiller"
        return "le candidat"


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
                id=criterion.id,
                block=criterion.block,
                short=short.get(criterion.id, criterion.id),
                text=criterion.text,
                candidate=score_number(mine.score),
                candidate_comment=mine.comment,
                adviser=score_number(theirs.score),
                adviser_comment=theirs.comment,
                rules=rules,
            )
        )
    return tuple(items)


def weakest_first(items: tuple[CriterionAssessment, ...]) -> list[CriterionAssessment]:
    order = {item.id: position for position, item in enumerate(items)}
    return sorted(items, key=lambda item: (*item.weakness, order[item.id]))


def weakest(items: tuple[CriterionAssessment, ...]) -> list[CriterionAssessment]:
    """The criteria every page and `check` list as the weakest, weakest first."""
    return weakest_first(items)[:WEAKEST_SHOWN]


def chart_rows(items: tuple[CriterionAssessment, ...], block_id: str) -> list[dict[str, Any]]:
    """Long-format rows for a grouped bar chart: one row per criterion and assessor."""
    rows: list[dict[str, Any]] = []
    for item in items:
        if item.block != block_id:
            continue
        for who, score in ((CANDIDATE_FR, item.candidate), (ADVISER_FR, item.adviser)):
            rows.append({"Critère": item.short, "Évaluation": who, "Note": score})
    return rows


def chart_spec(items: tuple[CriterionAssessment, ...], block_id: str) -> dict[str, Any]:
    """A Vega-Lite spec of the block: horizontal bars, candidate and adviser side by side.

    Written as a plain spec (not built with altair, whose schema validation took 0.3 s per
    run of the page for three charts); explicit domains keep a criterion not scored yet in
    its (empty) place."""
    names = [item.short for item in items if item.block == block_id]
    who = [CANDIDATE_FR, ADVISER_FR]
    spec = {
        "data": {"values": chart_rows(items, block_id)},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "Critère",
                "type": "nominal",
                "scale": {"domain": names},
                "title": None,
                "axis": {"labelLimit": 120},
            },
            "yOffset": {"field": "Évaluation", "type": "nominal", "scale": {"domain": who}},
            "x": {
                "field": "Note",
                "type": "quantitative",
                "scale": {"domain": [0, 3]},
                "axis": {"values": [0, 1, 2, 3]},
            },
            "color": {
                "field": "Évaluation",
                "type": "nominal",
                "scale": {"domain": who, "range": ["#1f77b4", "#ff7f0e"]},
                "legend": {"orient": "bottom", "title": None},
            },
            "tooltip": [
                {"field": "Critère", "type": "nominal"},
                {"field": "Évaluation", "type": "nominal"},
                {"field": "Note", "type": "quantitative"},
            ],
        },
        "height": {"step": 16},
    }
    scored = "; ".join(
        f"{row['Critère']}, {row['Évaluation'].lower()} : {row['Note']} sur 3"
        for row in chart_rows(items, block_id)
        if row["Note"] is not None
    )
    return french_chart(
        spec, f"Notes de 0 à 3 des critères du bloc : {scored or 'aucune note encore'}."
    )


def block_mean(
    items: tuple[CriterionAssessment, ...], block_id: str, adviser: bool
) -> float | None:
    scores = [
        item.adviser if adviser else item.candidate for item in items if item.block == block_id
    ]
    given = [s for s in scores if s is not None]
    return round(sum(given) / len(given), 2) if given else None
