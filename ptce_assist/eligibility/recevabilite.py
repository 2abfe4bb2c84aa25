"""Admissibility: what is missing, what is expected, what is over its limit.

« Tout dossier incomplet ne sera pas recevable. » A dossier is *incomplet* when an identity
field of Annexe 1 or a mandatory rubric is empty. Empty « le cas échéant » rubrics, optional
rubrics expected at the dossier's maturity stage and rubrics over their volume are warnings:
they do not make the dossier inadmissible, but the person should look at them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ptce_assist.call import Call, Rubric
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.verdict import Verdict, plural
from ptce_assist.progress import Measure, missing_identity_fields

ItemKind = Literal[
    "identite",
    "rubrique_obligatoire",
    "rubrique_le_cas_echeant",
    "rubrique_optionnelle_attendue",
    "maturite",
    "depassement",
]

KIND_LABELS: dict[ItemKind, str] = {
    "identite": "Champ d'identité manquant",
    "rubrique_obligatoire": "Rubrique obligatoire vide",
    "rubrique_le_cas_echeant": "Rubrique « le cas échéant » vide",
    "rubrique_optionnelle_attendue": "Rubrique optionnelle attendue à ce stade",
    "maturite": "Stade de maturité non renseigné",
    "depassement": "Volume dépassé",
}


@dataclass(frozen=True)
class Item:
    id: str  # identity field path ("project.name") or rubric id ("objectifs")
    kind: ItemKind
    label: str  # the call's label of the field, or the app's short name of the rubric
    reason: str
    quote: str
    lines: int | None = None
    budget: int | None = None

    @property
    def is_rubric(self) -> bool:
        return self.kind not in ("identite", "maturite")

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "reason": self.reason,
            "quote": self.quote,
        }
        if self.lines is not None:
            data["lines"] = self.lines
            data["budget"] = self.budget
        return data


@dataclass(frozen=True)
class Admissibility:
    verdict: Verdict  # code: "recevable" | "incomplet"
    missing: tuple[Item, ...]
    warnings: tuple[Item, ...]  # le cas échéant, optional expected, maturity
    over_limit: tuple[Item, ...]
    measured: bool  # whether a measure of lines was available

    @property
    def recevable(self) -> bool:
        return self.verdict.code == "recevable"


def _empty(text: str) -> bool:
    return not text.strip()


def missing_items(dossier: Dossier, call: Call) -> list[Item]:
    labels = {f.path: f.label for f in call.identity_fields}
    items = [
        Item(
            path,
            "identite",
            labels[path],
            f"Le champ « {labels[path]} » de l'annexe 1 n'est pas rempli.",
            call.admissibility_quote,
        )
        for path in missing_identity_fields(dossier, call)
    ]
    items += [
        Item(
            rubric.id,
            "rubrique_obligatoire",
            rubric.short_fr,
            f"La rubrique « {rubric.short_fr} » est obligatoire et elle est vide.",
            rubric.expects[0] if rubric.expects else call.admissibility_quote,
        )
        for rubric in call.rubrics
        if rubric.requirement == "obligatoire" and _empty(dossier.rubric_text(rubric.id))
    ]
    return items


def warning_items(dossier: Dossier, call: Call) -> list[Item]:
    items = [
        Item(
            rubric.id,
            "rubrique_le_cas_echeant",
            rubric.short_fr,
            f"La rubrique « {rubric.short_fr} » est à remplir « le cas échéant » : si le pôle "
            "a déjà entamé ou envisage des actions, décrivez-les.",
            rubric.expects[0] if rubric.expects else rubric.label,
        )
        for rubric in call.rubrics
        if rubric.requirement == "le_cas_echeant" and _empty(dossier.rubric_text(rubric.id))
    ]
    policy = call.optional_rubrics_policy
    optional = [r for r in call.rubrics if r.requirement == "optionnel_maturite"]
    stage = call.maturity_label(dossier.maturity)
    if stage is None:
        if optional:
            items.append(
                Item(
                    "maturity",
                    "maturite",
                    "Stade de maturité",
                    "Le stade de maturité n'est pas renseigné : il dit si les rubriques "
                    "optionnelles (plan d'action, implication des membres, mise en réseau) "
                    "sont attendues.",
                    policy.quote,
                )
            )
    elif dossier.maturity in policy.expected_from_stages:
        items += [
            Item(
                rubric.id,
                "rubrique_optionnelle_attendue",
                rubric.short_fr,
                f"Au stade « {stage} », la rubrique « {rubric.short_fr} » est attendue : "
                "elle est optionnelle seulement selon la maturité du projet.",
                policy.quote,
            )
            for rubric in optional
            if _empty(dossier.rubric_text(rubric.id))
        ]
    return items


def over_limit_items(dossier: Dossier, call: Call, measure: Measure | None) -> list[Item]:
    if measure is None:
        return []
    items: list[Item] = []
    for rubric in call.rubrics:
        figures = _measured(rubric, dossier.rubric_text(rubric.id), measure)
        if figures is None:
            continue
        lines, budget = figures
        if lines > budget:
            items.append(
                Item(
                    rubric.id,
                    "depassement",
                    rubric.short_fr,
                    f"La rubrique « {rubric.short_fr} » occupe {plural(lines, 'ligne')} pour "
                    f"{budget} permises ({rubric.limit_label}) : raccourcissez-la de "
                    f"{plural(lines - budget, 'ligne')}.",
                    call.concision_quote,
                    lines,
                    budget,
                )
            )
    return items


def _measured(rubric: Rubric, text: str, measure: Measure) -> tuple[int, int] | None:
    return measure(rubric, text) if text.strip() else None


def admissibility(dossier: Dossier, call: Call, measure: Measure | None) -> Admissibility:
    missing = missing_items(dossier, call)
    if missing:
        verdict = Verdict(
            "incomplet",
            "Dossier incomplet : "
            + plural(len(missing), "élément obligatoire manque", "éléments obligatoires manquent")
            + " (voir la liste). Il ne serait pas recevable en l'état.",
            call.admissibility_quote,
        )
    else:
        verdict = Verdict(
            "recevable",
            "Tous les champs d'identité et toutes les rubriques obligatoires sont remplis : "
            "le dossier est complet.",
            call.admissibility_quote,
        )
    return Admissibility(
        verdict=verdict,
        missing=tuple(missing),
        warnings=tuple(warning_items(dossier, call)),
        over_limit=tuple(over_limit_items(dossier, call, measure)),
        measured=measure is not None,
    )
