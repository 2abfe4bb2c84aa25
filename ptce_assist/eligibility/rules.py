"""Evidence rules of the call file, evaluated on a dossier.

A rule says: for this criterion, look for this signal in these rubrics; say `found_fr` when it
is there, `advice_fr` when it is not. Two signals look at the diagnostic answers instead of the
texts: `actors_composition` (the actors table) and `fragile_declared` (fragile territories).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, computed_field

from ptce_assist.call import Call, EvidenceRule
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.actors import dossier_composition
from ptce_assist.eligibility.answers import FragileTerritory
from ptce_assist.eligibility.evidence import DETECTORS, hits_in_dossier
from ptce_assist.eligibility.territories import declared


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    where: str  # the rubric's short name, or the diagnostic table
    excerpt: str  # text as typed, or a French summary


class RuleResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: EvidenceRule
    findings: tuple[Finding, ...]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def found(self) -> bool:
        return bool(self.findings)


def _rubric_name(call: Call, rubric_id: str) -> str:
    return next((r.short_fr for r in call.rubrics if r.id == rubric_id), rubric_id)


def _territory_label(territory: FragileTerritory, call: Call) -> str:
    kind = call.diagnostic.fragile_kind(territory.kind)
    label = kind.label_fr if kind else "Territoire fragile"
    return f"{label} : {territory.name.strip()}" if territory.name.strip() else label


def evaluate(rule: EvidenceRule, dossier: Dossier, call: Call) -> RuleResult:
    if rule.signal == "actors_composition":
        result = dossier_composition(dossier, call)
        findings: tuple[Finding, ...] = (
            (Finding(where="Tableau des acteurs", excerpt=result.criterion_reason),)
            if result.criterion_answer != "non"
            else ()
        )
        return RuleResult(rule=rule, findings=findings)
    if rule.signal == "fragile_declared":
        rows = declared(dossier.diagnostic.fragile_territories)
        findings = tuple(
            Finding(where="Territoires fragiles", excerpt=_territory_label(t, call)) for t in rows
        )
        return RuleResult(rule=rule, findings=findings)
    if rule.signal not in DETECTORS:
        return RuleResult(rule=rule, findings=())
    hits = hits_in_dossier(dossier, rule.signal, rule.rubrics)
    return RuleResult(
        rule=rule,
        findings=tuple(
            Finding(where=_rubric_name(call, h.rubric_id), excerpt=h.excerpt) for h in hits
        ),
    )
