"""The actors of the pole: composition rules and a network picture.

Criterion 1 of the call: « être un regroupement, sur un même territoire, de réseaux,
entreprises et structures de l'économie sociale et solidaire qui s'associent à des entreprises
industrielles ou commerciales, et le cas échéant à des collectivités locales, des centres de
recherche et organismes de formation ». Décret n° 2015-431 (PTCE answering a State call): at
least three legal persons, among them one ESS enterprise, one enterprise outside the ESS and
one other actor named by article 9 of the 2014 ESS law. Citizens and inhabitants are not legal
persons. Actors « pressentis » count for the perspective, not for the present.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import Actor
from ptce_assist.eligibility.links import ACTEURS
from ptce_assist.eligibility.textmatch import words_key
from ptce_assist.eligibility.verdict import Verdict, french_list, plural

MIN_LEGAL_PERSONS = 3
SuggestedAnswer = Literal["oui", "moyen_terme", "non"]


class Composition(BaseModel):
    model_config = ConfigDict(frozen=True)

    verdict: Verdict  # "conforme" | "en_perspective" | "incomplet" | "vide"
    counts: dict[str, int]  # actors per kind id (impliqués and pressentis)
    legal_persons_involved: int
    legal_persons_total: int
    missing_now: tuple[str, ...]
    missing_with_expected: tuple[str, ...]
    unclassified: int
    criterion_answer: SuggestedAnswer  # suggestion for criterion 1 (regroupement)
    criterion_reason: str


def named(actors: Sequence[Actor]) -> list[Actor]:
    """The rows that name an actor (blank rows of the table editor are ignored)."""
    return [a for a in actors if a.name.strip()]


def is_expected(actor: Actor) -> bool:
    return actor.status.strip() == "pressenti"


def _missing(actors: list[Actor], call: Call) -> tuple[list[str], int]:
    kinds = call.diagnostic
    roles: set[str] = set()
    legal: set[str] = set()
    for actor in actors:
        kind = kinds.actor_kind(actor.kind)
        if kind is None:
            continue
        roles.add(kind.role_fr)
        if kind.legal_person:
            legal.add(words_key(actor.name))
    missing: list[str] = []
    if len(legal) < MIN_LEGAL_PERSONS:
        missing.append(
            f"au moins {MIN_LEGAL_PERSONS} personnes morales ({plural(len(legal), 'déclarée')})"
        )
    if "ess" not in roles:
        missing.append("une entreprise de l'ESS")
    if "hors_ess" not in roles:
        missing.append("une entreprise hors ESS")
    if "autre_article_9" not in roles:
        missing.append("un autre acteur (collectivité, recherche, formation…)")
    return missing, len(legal)


def composition(actors: Sequence[Actor], call: Call) -> Composition:
    quote = _criterion_text(call, "regroupement")
    everyone = named(actors)
    involved = [a for a in everyone if not is_expected(a)]
    missing_now, legal_now = _missing(involved, call)
    missing_all, legal_all = _missing(everyone, call)
    counts = {k.id: sum(1 for a in everyone if a.kind == k.id) for k in call.diagnostic.actor_kinds}
    unclassified = sum(1 for a in everyone if call.diagnostic.actor_kind(a.kind) is None)

    if not everyone:
        verdict = Verdict(
            code="vide",
            reason="Aucun acteur n'est encore déclaré : remplissez le tableau des acteurs.",
            quote=quote,
            page=ACTEURS,
        )
    elif not missing_now:
        verdict = Verdict(
            code="conforme",
            reason="Le regroupement réunit "
            f"{plural(legal_now, 'personne morale', 'personnes morales')} impliquées, dont une "
            "entreprise de l'ESS, une entreprise hors ESS et un autre acteur : composition "
            "conforme au décret n° 2015-431.",
            quote=quote,
            page=ACTEURS,
        )
    elif not missing_all:
        verdict = Verdict(
            code="en_perspective",
            reason="Composition conforme en perspective seulement : il manque aujourd'hui "
            + french_list(missing_now)
            + ", que des acteurs pressentis apporteraient.",
            quote=quote,
            page=ACTEURS,
        )
    else:
        verdict = Verdict(
            code="incomplet",
            reason="Composition incomplète : il manque " + french_list(missing_all) + ".",
            quote=quote,
            page=ACTEURS,
        )
    answer, reason = _criterion_one(everyone, call)
    return Composition(
        verdict=verdict,
        counts=counts,
        legal_persons_involved=legal_now,
        legal_persons_total=legal_all,
        missing_now=tuple(missing_now),
        missing_with_expected=tuple(missing_all),
        unclassified=unclassified,
        criterion_answer=answer,
        criterion_reason=reason,
    )


def _criterion_one(actors: list[Actor], call: Call) -> tuple[SuggestedAnswer, str]:
    """ESS structures associated with industrial or commercial enterprises."""

    def roles(group: list[Actor]) -> set[str]:
        found = {call.diagnostic.actor_kind(a.kind) for a in group}
        return {k.role_fr for k in found if k is not None}

    now = roles([a for a in actors if not is_expected(a)])
    later = roles(actors)
    if {"ess", "hors_ess"} <= now:
        return "oui", "Des entreprises de l'ESS et hors ESS sont déjà impliquées."
    if {"ess", "hors_ess"} <= later:
        return "moyen_terme", "L'association ESS / hors ESS repose sur des acteurs pressentis."
    lacking = [
        label
        for role, label in (("ess", "entreprise de l'ESS"), ("hors_ess", "entreprise hors ESS"))
        if role not in later
    ]
    return "non", "Le tableau des acteurs ne compte aucune " + " ni ".join(lacking) + "."


def _criterion_text(call: Call, criterion_id: str) -> str:
    for criterion in call.eligibility_criteria:
        if criterion.id == criterion_id:
            return criterion.text
    return call.eligibility_quote


def dossier_composition(dossier: Dossier, call: Call) -> Composition:
    return composition(dossier.diagnostic.actors, call)


# --- network picture (Graphviz DOT) ----------------------------------------------------------
_PALETTE = ("#2e7d32", "#1565c0", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#5d4037")


def dot_string(text: str, limit: int = 60) -> str:
    """A DOT double-quoted string showing `text` literally (backslash escapes neutralised)."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(*lines: str) -> str:
    """Several user texts on separate lines, each escaped, joined by DOT's \\n."""
    parts = [dot_string(line)[1:-1] for line in lines if line.strip()]
    return '"' + "\\n".join(parts) + '"'


def network_dot(project_name: str, carrier_name: str, actors: Sequence[Actor], call: Call) -> str:
    """The pole at the centre, its actors grouped by kind; dashed when pressentis."""
    lines = [
        "digraph PTCE {",
        '  graph [rankdir=LR, bgcolor="transparent", fontname="Helvetica", nodesep=0.25];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11,'
        ' fillcolor="white"];',
        '  edge [arrowhead=none, color="#888888"];',
        f"  pole [label={_label(project_name or 'Le pôle')}, shape=ellipse, "
        'fillcolor="#1f3a5f", fontcolor="white", fontsize=14];',
    ]
    everyone = named(actors)
    carrier = words_key(carrier_name)
    known = [k.id for k in call.diagnostic.actor_kinds]
    groups = [*known, ""]
    for position, kind_id in enumerate(groups):
        members = [
            (i, a)
            for i, a in enumerate(everyone)
            if (a.kind == kind_id if kind_id else a.kind not in known)
        ]
        if not members:
            continue
        kind = call.diagnostic.actor_kind(kind_id)
        title = kind.label_fr if kind else "Sans catégorie"
        colour = _PALETTE[position % len(_PALETTE)] if kind else "#9e9e9e"
        lines.append(f"  subgraph cluster_{position} {{")
        lines.append(f'    label={dot_string(title)}; color="{colour}"; fontcolor="{colour}";')
        for index, actor in members:
            style = "rounded,filled,dashed" if is_expected(actor) else "rounded,filled"
            width = 3 if carrier and words_key(actor.name) == carrier else 1
            lines.append(
                f"    a{index} [label={_label(actor.name, actor.role)}, "
                f'color="{colour}", style="{style}", penwidth={width}];'
            )
        lines.append("  }")
        for index, actor in members:
            edge_style = "dashed" if is_expected(actor) else "solid"
            lines.append(f"  pole -> a{index} [style={edge_style}];")
    lines.append("}")
    return "\n".join(lines)
