"""Fragile territories: the ones declared and whether the périmètre rubric names them (the
verdict). An official list the person supplies to confirm communes is `official_list`.

The kinds of fragile territory, their look-up services and quotes are the edition's
(`diagnostic.fragile_kinds` in its call.toml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import FragileTerritory
from ptce_assist.eligibility.fragile_text import FragileMention, fragile_mentions
from ptce_assist.eligibility.links import ELIGIBILITE, on_page
from ptce_assist.eligibility.textmatch import names_place, place_key
from ptce_assist.eligibility.verdict import Verdict, french_list, plural

PERIMETRE = "perimetre"  # the rubric (and its page's url_path)


def split_communes(text: str) -> list[str]:
    """« Die, Crest ; Saillans » -> ["Die", "Crest", "Saillans"]."""
    return [part.strip() for part in re.split(r"[,;\n]+", text) if part.strip()]


class TerritoryCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int  # position in the declared list
    kind: str
    kind_label: str
    name: str
    kind_mentioned: bool
    name_mentioned: bool
    missing_communes: tuple[str, ...]
    verdict: Verdict  # "mentionne" | "a_completer" | "absent" | "a_preciser"


class TerritoriesResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    verdict: Verdict  # "aucun" | "a_declarer" | "coherent" | "a_completer"
    checks: tuple[TerritoryCheck, ...]
    undeclared: tuple[FragileMention, ...]  # kinds the périmètre describes but not declared


def declared(territories: Sequence[FragileTerritory]) -> list[FragileTerritory]:
    """Rows that say something (blank rows of the table editor are ignored)."""
    return [t for t in territories if t.kind.strip() or t.name.strip() or t.communes.strip()]


def check_territory(
    index: int, territory: FragileTerritory, perimetre: str, call: Call
) -> TerritoryCheck:
    quote = _perimetre_quote(call)
    kind = call.diagnostic.fragile_kind(territory.kind)
    key = place_key(perimetre)
    name_mentioned = bool(territory.name.strip()) and names_place(key, territory.name)
    communes = split_communes(territory.communes)
    missing = tuple(c for c in communes if not names_place(key, c))
    if kind is None:
        verdict = Verdict(
            code="a_preciser",
            reason=f"Choisissez le type de ce territoire fragile ({_kinds(call)}).",
            quote=quote,
            page=ELIGIBILITE,
        )
        return TerritoryCheck(
            index=index,
            kind=territory.kind,
            kind_label="",
            name=territory.name,
            kind_mentioned=False,
            name_mentioned=False,
            missing_communes=missing,
            verdict=verdict,
        )
    kind_mentioned = any(m.kind == kind.id for m in fragile_mentions(perimetre, call))
    anything = kind_mentioned or name_mentioned or len(missing) < len(communes)
    label = kind.label_fr
    if not perimetre.strip() or not anything:
        reason = (
            f"La rubrique « Périmètre » ne mentionne pas ce territoire ({label}) : nommez-le, "
            "avec ses communes."
        )
        code = "absent"
    elif kind_mentioned and not missing and (name_mentioned or not territory.name.strip()):
        reason = f"La rubrique « Périmètre » mentionne ce territoire ({label}) et ses communes."
        code = "mentionne"
    else:
        lacking: list[str] = []
        if not kind_mentioned:
            lacking.append(f"le type de territoire ({label})")
        if territory.name.strip() and not name_mentioned:
            lacking.append(f"son nom « {territory.name.strip()} »")
        if missing:
            lacking.append(plural(len(missing), "commune") + " : " + ", ".join(missing))
        reason = "La rubrique « Périmètre » ne cite pas encore " + french_list(lacking) + "."
        code = "a_completer"
    return TerritoryCheck(
        index=index,
        kind=territory.kind,
        kind_label=label,
        name=territory.name,
        kind_mentioned=kind_mentioned,
        name_mentioned=name_mentioned,
        missing_communes=missing,
        verdict=Verdict(code=code, reason=reason, quote=quote, page=PERIMETRE),
    )


def check_territories(
    territories: Sequence[FragileTerritory], perimetre: str, call: Call
) -> TerritoriesResult:
    rows = declared(territories)
    checks = tuple(check_territory(i, t, perimetre, call) for i, t in enumerate(rows))
    declared_kinds = {t.kind for t in rows}
    undeclared = tuple(m for m in fragile_mentions(perimetre, call) if m.kind not in declared_kinds)
    here = on_page(ELIGIBILITE, call)
    if not checks and undeclared:
        described = french_list(
            [f"{_kind_label(m.kind, call)} (« {m.excerpt} »)" for m in undeclared]
        )
        verdict = Verdict(
            code="a_declarer",
            reason=f"Aucun territoire fragile n'est déclaré, mais la rubrique « Périmètre » en "
            f"décrit : {described}. Déclarez-les {here}.",
            quote=_perimetre_quote(call),
            page=ELIGIBILITE,
        )
    elif not checks:
        verdict = Verdict(
            code="aucun",
            reason="Aucun territoire fragile n'est déclaré. Si le pôle agit dans l'un de ceux "
            f"que l'appel cite ({_kinds(call)}), déclarez-le {here} et nommez-le dans la "
            "rubrique « Périmètre ».",
            quote=_perimetre_quote(call),
            page=ELIGIBILITE,
        )
    elif all(c.verdict.code == "mentionne" for c in checks):
        verdict = Verdict(
            code="coherent",
            reason=f"{_declared(len(checks))}, tous cités dans la rubrique « Périmètre ».",
            quote=call.fragile_territories_quote,
            page=ELIGIBILITE,
        )
    else:
        pending = sum(1 for c in checks if c.verdict.code != "mentionne")
        verdict = Verdict(
            code="a_completer",
            reason=f"{_declared(pending)} à citer ou préciser dans la rubrique « Périmètre ».",
            quote=call.fragile_territories_quote,
            page=PERIMETRE,
        )
    return TerritoriesResult(verdict=verdict, checks=checks, undeclared=undeclared)


def _declared(count: int) -> str:
    return plural(count, "territoire fragile déclaré", "territoires fragiles déclarés")


def _kinds(call: Call) -> str:
    """The edition's kinds of fragile territory, as a French list."""
    labels = (kind.label_fr for kind in call.diagnostic.fragile_kinds)
    return french_list([label[:1].lower() + label[1:] for label in labels])


def _kind_label(kind_id: str, call: Call) -> str:
    kind = call.diagnostic.fragile_kind(kind_id)
    return kind.label_fr if kind else "territoire fragile"


def dossier_territories(dossier: Dossier, call: Call) -> TerritoriesResult:
    return check_territories(
        dossier.diagnostic.fragile_territories, dossier.rubric_text(PERIMETRE), call
    )


def _perimetre_quote(call: Call) -> str:
    for rubric in call.rubrics:
        if rubric.id == PERIMETRE and rubric.expects:
            return rubric.expects[0]
    return call.fragile_territories_quote
