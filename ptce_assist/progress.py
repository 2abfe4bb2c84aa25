"""Where a dossier stands: each rubric's status and the identity fields still empty.

A field or rubric holding only a placeholder (« à compléter », « TODO »…) counts as empty, as
it does for admissibility; a rubric ticked « J'ai terminé » counts as complete only when it
has content and keeps within its limit (`completion_refusal` says why not, in French).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ptce_assist.call import Call, Rubric
from ptce_assist.dossier import Dossier, get_path
from ptce_assist.eligibility.placeholders import read_rubric, read_text
from ptce_assist.validation import identity_problems

RubricState = Literal["vide", "en_cours", "complet", "depasse"]

STATE_LABELS: dict[RubricState, str] = {
    "vide": "vide",
    "en_cours": "en cours",
    "complet": "complet",
    "depasse": "dépasse la limite",
}
STATE_ICONS: dict[RubricState, str] = {
    "vide": ":material/radio_button_unchecked:",
    "en_cours": ":material/pending:",
    "complet": ":material/check_circle:",
    "depasse": ":material/error:",
}

# Returns (lines used, lines allowed) for a rubric's text, or None where no measure exists.
Measure = Callable[[Rubric, str], tuple[int, int] | None]


@dataclass(frozen=True)
class RubricProgress:
    rubric: Rubric
    state: RubricState
    lines: int | None
    budget: int | None
    characters: int

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]


def rubric_progress(dossier: Dossier, rubric: Rubric, measure: Measure | None) -> RubricProgress:
    text = dossier.rubric_text(rubric.id)
    figures = measure(rubric, text) if measure and text.strip() else None
    lines, budget = figures if figures else (None, None)
    state: RubricState
    if not text.strip():
        state = "vide"
    elif lines is not None and budget is not None and lines > budget:
        state = "depasse"
    elif rubric.id in dossier.completed_rubrics and not read_rubric(rubric, text).missing:
        state = "complet"
    else:
        state = "en_cours"
    return RubricProgress(rubric, state, lines, budget, len(text))


def completion_refusal(dossier: Dossier, rubric: Rubric, measure: Measure | None) -> str | None:
    """Why a rubric ticked « J'ai terminé » does not count as complete; None when it does
    (or when it is not ticked)."""
    if rubric.id not in dossier.completed_rubrics:
        return None
    text = dossier.rubric_text(rubric.id)
    progress = rubric_progress(dossier, rubric, measure)
    if progress.state == "vide":
        return "La rubrique est vide : elle ne compte pas encore comme terminée."
    if progress.state == "depasse" and progress.lines is not None:
        return (
            f"La rubrique dépasse sa limite ({progress.lines} lignes pour {progress.budget} "
            f"permises, {rubric.limit_label}) : elle ne compte comme terminée qu'une fois "
            "raccourcie."
        )
    reading = read_rubric(rubric, text)
    if reading.missing:
        return (
            "La rubrique ne contient qu'un texte d'attente ou son intitulé : elle ne compte "
            "pas comme terminée tant que le texte n'est pas écrit."
        )
    return None


def all_rubrics_progress(
    dossier: Dossier, call: Call, measure: Measure | None
) -> list[RubricProgress]:
    return [rubric_progress(dossier, rubric, measure) for rubric in call.rubrics]


def identity_to_correct(
    dossier: Dossier, call: Call, missing: Sequence[str] | None = None
) -> list[str]:
    """Identity fields filled in with a value that is wrong (an e-mail address that is not
    one): « à corriger », not filled. `missing`: `missing_identity_fields`, if known."""
    problems = identity_problems(dossier, call)
    empty = set(missing if missing is not None else missing_identity_fields(dossier, call))
    return [f.path for f in call.identity_fields if f.path in problems and f.path not in empty]


def missing_identity_fields(dossier: Dossier, call: Call) -> list[str]:
    data = dossier.model_dump()
    return [
        f.path for f in call.identity_fields if read_text(str(get_path(data, f.path) or "")).missing
    ]


@dataclass(frozen=True)
class Overall:
    identity_filled: int
    identity_total: int
    rubrics_done: int
    rubrics_total: int
    rubrics: tuple[RubricProgress, ...] = ()  # each rubric's progress, in the call's order

    @property
    def fraction(self) -> float:
        total = self.identity_total + self.rubrics_total
        return (self.identity_filled + self.rubrics_done) / total if total else 0.0


def overall_progress(dossier: Dossier, call: Call, measure: Measure | None = None) -> Overall:
    missing = missing_identity_fields(dossier, call)
    to_correct = identity_to_correct(dossier, call, missing)
    statuses = all_rubrics_progress(dossier, call, measure)
    return Overall(
        identity_filled=len(call.identity_fields) - len(missing) - len(to_correct),
        identity_total=len(call.identity_fields),
        rubrics_done=sum(1 for s in statuses if s.state == "complet"),
        rubrics_total=len(statuses),
        rubrics=tuple(statuses),
    )
