"""Admissibility: what is missing, what is expected, what is unfinished or over its limit.

« Tout dossier incomplet ne sera pas recevable. » A dossier is *incomplet* when an identity
field of Annexe 1 or a mandatory rubric is empty, or holds only a placeholder (« à
compléter », « TODO », the rubric's own title…: `placeholders`). Empty « le cas échéant »
rubrics, optional rubrics expected at the dossier's maturity stage, placeholders left inside
real content and rubrics over their volume are warnings: they do not make the dossier
inadmissible, but the person should look at them (the call judges concision).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call, Rubric
from ptce_assist.dossier import Dossier, get_path
from ptce_assist.eligibility.links import IDENTITE
from ptce_assist.eligibility.placeholders import TextReading, read_rubric, read_text
from ptce_assist.eligibility.verdict import Verdict, french_list, plural
from ptce_assist.progress import Measure

ItemKind = Literal[
    "identite",
    "rubrique_obligatoire",
    "rubrique_le_cas_echeant",
    "rubrique_optionnelle_attendue",
    "maturite",
    "a_finir",
    "depassement",
]

KIND_LABELS: dict[ItemKind, str] = {
    "identite": "Champ d'identité manquant",
    "rubrique_obligatoire": "Rubrique obligatoire vide",
    "rubrique_le_cas_echeant": "Rubrique « le cas échéant » vide",
    "rubrique_optionnelle_attendue": "Rubrique optionnelle attendue à ce stade",
    "maturite": "Stade de maturité non renseigné",
    "a_finir": "Texte d'attente à remplacer",
    "depassement": "Volume dépassé",
}


class Item(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str  # identity field path ("project.name") or rubric id ("objectifs")
    kind: ItemKind
    label: str  # the call's label of the field, or the app's short name of the rubric
    reason: str
    quote: str
    page: str  # url_path of the page where it is fixed
    lines: int | None = None
    budget: int | None = None


class Admissibility(BaseModel):
    model_config = ConfigDict(frozen=True)

    verdict: Verdict  # code: "recevable" | "incomplet"
    missing: tuple[Item, ...]
    warnings: tuple[Item, ...]  # le cas échéant, optional expected, maturity
    unfinished: tuple[Item, ...]  # placeholders left inside real content
    over_limit: tuple[Item, ...]
    measured: bool  # whether a measure of lines was available

    @property
    def recevable(self) -> bool:
        return self.verdict.code == "recevable"


def _rubric_item(rubric: Rubric, kind: ItemKind, reason: str, quote: str, **figures: int) -> Item:
    """An item about a rubric, fixed on the rubric's own page."""
    return Item(
        id=rubric.id,
        kind=kind,
        label=rubric.short_fr,
        reason=reason,
        quote=quote,
        page=rubric.id,
        **figures,
    )


def _as_empty(reading: TextReading) -> str:
    """What a reading that counts as empty holds, said after « … est obligatoire et »."""
    if reading.kind == "vide":
        return "elle est vide"
    if reading.kind == "intitule":
        return "elle ne fait que reprendre son intitulé : elle compte comme vide"
    if reading.kind == "renvoi":
        return (
            f"elle ne fait que renvoyer à une annexe (« {reading.excerpt} ») : le texte attendu "
            "doit figurer dans la rubrique ; elle compte comme vide"
        )
    return (
        f"elle ne contient qu'un texte d'attente (« {reading.excerpt} ») : elle compte comme vide"
    )


def missing_items(dossier: Dossier, call: Call) -> list[Item]:
    data = dossier.model_dump()
    items: list[Item] = []
    for field in call.identity_fields:
        reading = read_text(str(get_path(data, field.path) or ""))
        if not reading.missing:
            continue
        state = (
            "n'est pas rempli"
            if reading.kind == "vide"
            else f"ne contient qu'un texte d'attente (« {reading.excerpt} ») : il compte comme vide"
        )
        items.append(
            Item(
                id=field.path,
                kind="identite",
                label=field.label,
                reason=f"Le champ « {field.label} » de {call.template_fr} {state}.",
                quote=call.admissibility_quote,
                page=IDENTITE,
            )
        )
    for rubric in call.rubrics:
        reading = read_rubric(rubric, dossier.rubric_text(rubric.id))
        if rubric.requirement == "obligatoire" and reading.missing:
            items.append(
                _rubric_item(
                    rubric,
                    "rubrique_obligatoire",
                    f"La rubrique « {rubric.short_fr} » est obligatoire et {_as_empty(reading)}.",
                    rubric.expects[0] if rubric.expects else call.admissibility_quote,
                )
            )
    return items


def _empty(rubric: Rubric, dossier: Dossier) -> bool:
    return read_rubric(rubric, dossier.rubric_text(rubric.id)).missing


def warning_items(dossier: Dossier, call: Call) -> list[Item]:
    items = [
        _rubric_item(
            rubric,
            "rubrique_le_cas_echeant",
            f"La rubrique « {rubric.short_fr} » est à remplir « le cas échéant » : si le "
            "pôle a déjà entamé ou envisage des actions, décrivez-les.",
            rubric.expects[0] if rubric.expects else rubric.label,
        )
        for rubric in call.rubrics
        if rubric.requirement == "le_cas_echeant" and _empty(rubric, dossier)
    ]
    policy = call.optional_rubrics_policy
    optional = [r for r in call.rubrics if r.requirement == "optionnel_maturite"]
    stage = call.maturity_label(dossier.maturity)
    if stage is None:
        if optional:
            items.append(
                Item(
                    id="maturity",
                    kind="maturite",
                    label="Stade de maturité",
                    reason="Le stade de maturité n'est pas renseigné : il dit si les rubriques "
                    "optionnelles (plan d'action, implication des membres, mise en réseau) "
                    "sont attendues.",
                    quote=policy.quote,
                    page=IDENTITE,
                )
            )
    elif dossier.maturity in policy.expected_from_stages:
        items += [
            _rubric_item(
                rubric,
                "rubrique_optionnelle_attendue",
                f"Au stade « {stage} », la rubrique « {rubric.short_fr} » est attendue : "
                "elle est optionnelle seulement selon la maturité du projet.",
                policy.quote,
            )
            for rubric in optional
            if _empty(rubric, dossier)
        ]
    return items


def unfinished_items(dossier: Dossier, call: Call) -> list[Item]:
    items: list[Item] = []
    for rubric in call.rubrics:
        reading = read_rubric(rubric, dossier.rubric_text(rubric.id))
        if reading.kind == "contenu" and reading.unfinished:
            shown = " ; ".join(f"« {passage} »" for passage in reading.unfinished[:2])
            items.append(
                _rubric_item(
                    rubric,
                    "a_finir",
                    f"La rubrique « {rubric.short_fr} » contient encore un texte "
                    f"d'attente ({shown}) : remplacez-le avant le dépôt.",
                    call.admissibility_quote,
                )
            )
    return items


def over_limit_items(dossier: Dossier, call: Call, measure: Measure | None) -> list[Item]:
    if measure is None:
        return []
    items: list[Item] = []
    for rubric in call.rubrics:
        text = dossier.rubric_text(rubric.id)
        figures = measure(rubric, text) if text.strip() else None
        if figures is None:
            continue
        lines, budget = figures
        if lines > budget:
            items.append(
                _rubric_item(
                    rubric,
                    "depassement",
                    f"La rubrique « {rubric.short_fr} » occupe {plural(lines, 'ligne')} "
                    f"pour {budget} permises ({rubric.limit_label}) : raccourcissez-la de "
                    f"{plural(lines - budget, 'ligne')}.",
                    call.concision_quote,
                    lines=lines,
                    budget=budget,
                )
            )
    return items


def _names(items: list[Item]) -> str:
    return french_list([f"« {item.label} »" for item in items])


def admissibility(dossier: Dossier, call: Call, measure: Measure | None) -> Admissibility:
    missing = missing_items(dossier, call)
    unfinished = unfinished_items(dossier, call)
    over = over_limit_items(dossier, call, measure)
    if missing:
        verdict = Verdict(
            code="incomplet",
            reason="Dossier incomplet : "
            + plural(len(missing), "élément obligatoire manque", "éléments obligatoires manquent")
            + " (voir la liste). Il ne serait pas recevable en l'état.",
            quote=call.admissibility_quote,
            page=missing[0].page,
        )
    else:
        reason = (
            "Tous les champs d'identité et toutes les rubriques obligatoires sont remplis : "
            "le dossier est complet."
        )
        if unfinished:
            reason += (
                f" Mais {_names(unfinished)} "
                + ("contiennent" if len(unfinished) > 1 else "contient")
                + " encore un texte d'attente."
            )
        if over:
            reason += (
                f" {'Et' if unfinished else 'Mais'} "
                + plural(
                    len(over), "rubrique dépasse son volume", "rubriques dépassent leur volume"
                )
                + f" ({_names(over)}) : le dossier est aussi jugé sur sa concision."
            )
        verdict = Verdict(
            code="recevable",
            reason=reason,
            quote=call.admissibility_quote,
            page=(unfinished or over)[0].page if (unfinished or over) else "",
        )
    return Admissibility(
        verdict=verdict,
        missing=tuple(missing),
        warnings=tuple(warning_items(dossier, call)),
        unfinished=tuple(unfinished),
        over_limit=tuple(over),
        measured=measure is not None,
    )
