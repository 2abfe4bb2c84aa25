"""The whole diagnosis of a dossier as plain data (the CLI's JSON) and as French text.

The pages and `python -m ptce_assist check` both call `check_report`, so they agree.
"""

from __future__ import annotations

from typing import Any, Literal

from ptce_assist.call import Call, load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.actors import dossier_composition
from ptce_assist.eligibility.criteria import dossier_eligibility
from ptce_assist.eligibility.governance import dossier_governance
from ptce_assist.eligibility.porteur import ESUS_LABELS, dossier_porteur
from ptce_assist.eligibility.recevabilite import admissibility
from ptce_assist.eligibility.selfassessment import assessment, block_mean, weakest_first
from ptce_assist.eligibility.territories import dossier_territories
from ptce_assist.eligibility.verdict import Verdict
from ptce_assist.progress import Measure

TOPICS: dict[str, str] = {
    "recevabilite": "Recevabilité",
    "porteur": "Structure porteuse",
    "gouvernance": "Gouvernance",
    "acteurs": "Composition du regroupement",
    "eligibilite": "Éligibilité",
    "territoires": "Territoires fragiles",
}

Tone = Literal["ok", "warn", "bad"]
# How each verdict should look; codes not listed are warnings.
_GOOD = {"recevable", "eligible", "democratique", "conforme", "coherent", "mentionne"}
_BAD: dict[str, set[str]] = {
    "recevabilite": {"incomplet"},
    "porteur": {"non_eligible"},
    "gouvernance": {"insuffisante"},
    "acteurs": {"vide", "incomplet"},
    "eligibilite": {"non_eligible"},
    "territoires": {"absent"},
}


def tone(topic: str, code: str) -> Tone:
    if code in _GOOD:
        return "ok"
    if code in _BAD.get(topic, set()):
        return "bad"
    return "warn"


def _topic(topic: str, verdict: Verdict) -> dict[str, Any]:
    return {"topic": topic, "label": TOPICS[topic], **verdict.as_dict()}


def check_report(
    dossier: Dossier, measure: Measure | None, call: Call | None = None
) -> dict[str, Any]:
    call = call or load_call(dossier.call_id)
    admit = admissibility(dossier, call, measure)
    porteur = dossier_porteur(dossier, call)
    governance = dossier_governance(dossier, call)
    actors = dossier_composition(dossier, call)
    eligibility = dossier_eligibility(dossier, call)
    territories = dossier_territories(dossier, call)
    assessed = assessment(dossier, call)
    porteur_verdict = Verdict(porteur.code, porteur.reason, porteur.quote)
    return {
        "call_id": call.id,
        "project": dossier.project.name,
        "recevable": admit.recevable,
        "missing": [item.id for item in admit.missing],
        "over_limit": [item.id for item in admit.over_limit],
        "porteur": porteur.code,
        "esus": porteur.esus,
        "criteria_met": eligibility.met,
        "criteria_total": len(eligibility.criteria),
        "criteria_required": eligibility.required,
        "eligible": eligibility.eligible,
        "measured": admit.measured,
        "verdicts": [
            _topic("recevabilite", admit.verdict),
            _topic("porteur", porteur_verdict),
            _topic("gouvernance", governance.verdict),
            _topic("acteurs", actors.verdict),
            _topic("eligibilite", eligibility.verdict),
            _topic("territoires", territories.verdict),
        ],
        "missing_items": [item.as_dict() for item in admit.missing],
        "warnings": [item.as_dict() for item in admit.warnings],
        "over_limit_items": [item.as_dict() for item in admit.over_limit],
        "porteur_detail": porteur.as_dict(),
        "governance": governance.as_dict(),
        "actors": actors.as_dict(),
        "criteria": [c.as_dict() for c in eligibility.criteria],
        "fragile_territories": territories.as_dict(),
        "self_assessment": {
            "weakest_first": [item.as_dict() for item in weakest_first(assessed)],
            "blocks": [
                {
                    "id": block.id,
                    "label": block.label,
                    "candidate_mean": block_mean(assessed, block.id, adviser=False),
                    "adviser_mean": block_mean(assessed, block.id, adviser=True),
                }
                for block in call.selection_blocks
            ],
        },
    }


_MARKS: dict[Tone, str] = {"ok": "✓", "warn": "!", "bad": "✗"}
_ANSWERS_FR = {"oui": "oui", "moyen_terme": "à moyen terme", "non": "non", "": "sans réponse"}


def render_fr(report: dict[str, Any]) -> str:
    """The report as French text for a terminal or an e-mail."""
    name = report.get("project") or "Projet sans nom"
    out = [f"Diagnostic du dossier « {name} »", ""]
    for verdict in report["verdicts"]:
        mark = _MARKS[tone(verdict["topic"], verdict["code"])]
        out.append(f"{mark} {verdict['label']} [{verdict['code']}]")
        out.append(f"  {verdict['reason']}")
        out.append(f"  Appel : « {verdict['quote']} »")
    if report["missing_items"]:
        out += ["", "Éléments manquants :"]
        out += [f"  - {item['label']} : {item['reason']}" for item in report["missing_items"]]
    if report["warnings"]:
        out += ["", "À vérifier :"]
        out += [f"  - {item['label']} : {item['reason']}" for item in report["warnings"]]
    if report["over_limit_items"]:
        out += ["", "Volumes dépassés (exercice de concision) :"]
        out += [f"  - {item['reason']}" for item in report["over_limit_items"]]
    elif not report["measured"]:
        out += ["", "Volumes : non mesurés (moteur de mise en page indisponible)."]
    if report["porteur_detail"]["esus_relevant"]:
        out.append(f"Agrément ESUS : {ESUS_LABELS.get(report['esus'], report['esus'])}.")
    out += ["", f"Critères d'éligibilité ({report['criteria_met']}/{report['criteria_total']}) :"]
    for criterion in report["criteria"]:
        mark = "x" if criterion["met"] else " "
        out.append(f"  [{mark}] {criterion['short']} : {_ANSWERS_FR[criterion['answer']]}")
        if criterion["suggestion"]["mismatch"]:
            out.append(f"      ! {criterion['suggestion']['mismatch']}")
    weakest = [c for c in report["self_assessment"]["weakest_first"] if c["to_add"]][:3]
    if weakest:
        out += ["", "Critères de sélection les plus faibles, et quoi ajouter :"]
        for item in weakest:
            out.append(f"  - {item['short']} : {' '.join(item['to_add'])}")
    return "\n".join(out) + "\n"
