"""What the candidate answers in the diagnostic pages (stored in the dossier).

Every field has a default, so that older backups still load. Values are kept as typed: ids
stay plain strings, and the rules (`ptce_assist.eligibility`) say what they mean. Scores are
the strings "0" to "3" ("" when not scored) so that a select box saves exactly what it shows.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CriterionAnswer = Literal["", "oui", "moyen_terme", "non"]
GovernanceAnswer = Literal["", "oui", "en_projet", "non"]
ScoreValue = Literal["", "0", "1", "2", "3"]

ANSWER_LABELS: dict[str, str] = {
    "oui": "Oui",
    "moyen_terme": "À moyen terme",
    "non": "Non",
}
GOVERNANCE_LABELS: dict[str, str] = {
    "oui": "Oui",
    "en_projet": "En projet",
    "non": "Non",
}
STATUS_LABELS: dict[str, str] = {
    "implique": "Impliqué",
    "pressenti": "Pressenti",
}
SCORE_LABELS: dict[str, str] = {
    "0": "0 — absent",
    "1": "1 — esquissé",
    "2": "2 — présent",
    "3": "3 — solide et étayé",
}


class _Answers(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CriterionResponse(_Answers):
    """One eligibility criterion: oui / à moyen terme / non, and why."""

    answer: CriterionAnswer = ""
    justification: str = ""


class Actor(_Answers):
    """One actor of the pole, as typed in the actors table."""

    name: str = ""
    kind: str = Field(default="", description="Identifiant de la catégorie d'acteur")
    role: str = ""
    status: str = Field(default="implique", description="implique | pressenti")


class FragileTerritory(_Answers):
    """A fragile territory the pole covers (QPV, FRR, bassin désindustrialisé...)."""

    kind: str = Field(default="", description="Identifiant du type de territoire fragile")
    name: str = Field(default="", description="Nom ou code du territoire (ex. QN07511M)")
    communes: str = Field(default="", description="Communes concernées, séparées par des virgules")


class ScoreEntry(_Answers):
    score: ScoreValue = ""
    comment: str = ""


class SelfAssessment(_Answers):
    """Scores 0–3 per selection criterion, by the candidate and, separately, by an adviser."""

    candidate: dict[str, ScoreEntry] = Field(default_factory=dict)
    adviser: dict[str, ScoreEntry] = Field(default_factory=dict)


class DiagnosticAnswers(_Answers):
    """Eligibility answers, governance, actors, fragile territories and self-assessment."""

    criteria: dict[str, CriterionResponse] = Field(default_factory=dict)
    governance: dict[str, GovernanceAnswer] = Field(default_factory=dict)
    actors: list[Actor] = Field(default_factory=list)
    fragile_territories: list[FragileTerritory] = Field(default_factory=list)
    self_assessment: SelfAssessment = Field(default_factory=SelfAssessment)


def score_number(value: str) -> int | None:
    """The score as a number, or None when not scored."""
    return int(value) if value in ("0", "1", "2", "3") else None
