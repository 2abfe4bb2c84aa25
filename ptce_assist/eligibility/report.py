"""The whole diagnosis of a dossier, typed: read by the pages, the dashboard and `check`.

`check_report` builds a `CheckReport`; `check --json` prints it as JSON (codes included),
`render_fr` as French words only. Every topic verdict carries its code, its French reason, the
call's sentence it rests on and the page where the person can act on it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call, load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.actors import Composition, dossier_composition
from ptce_assist.eligibility.answers import ANSWER_LABELS
from ptce_assist.eligibility.criteria import EligibilityResult, dossier_eligibility
from ptce_assist.eligibility.governance import GovernanceResult, dossier_governance
from ptce_assist.eligibility.links import page_title
from ptce_assist.eligibility.overall import failures, overall_verdict
from ptce_assist.eligibility.porteur import ESUS_LABELS, PorteurResult, dossier_porteur
from ptce_assist.eligibility.recevabilite import Admissibility, Item, admissibility
from ptce_assist.eligibility.selfassessment import assessment, block_mean, weakest
from ptce_assist.eligibility.territories import TerritoriesResult, dossier_territories
from ptce_assist.eligibility.verdict import Verdict
from ptce_assist.progress import Measure

TOPICS: dict[str, str] = {
    "ensemble": "Verdict d'ensemble",
    "recevabilite": "Recevabilité",
    "porteur": "Structure porteuse",
    "gouvernance": "Gouvernance",
    "acteurs": "Composition du regroupement",
    "eligibilite": "Majorité des critères d'éligibilité",
    "territoires": "Territoires fragiles",
}

Tone = Literal["ok", "warn", "bad"]
# How each verdict looks; codes not listed are warnings.
_GOOD = {"recevable", "eligible", "democratique", "conforme", "coherent", "mentionne"}
_BAD: dict[str, set[str]] = {
    "ensemble": {"non_eligible", "incomplet"},
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


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class TopicVerdict(_Frozen):
    topic: str
    label: str  # the topic in French
    code: str
    tone: Tone
    reason: str  # French
    quote: str  # the call's sentence, verbatim
    page: str  # url_path of the page where it is fixed ("" when nothing is to fix)
    page_title: str  # that page's title, in French


class WeakCriterion(_Frozen):
    id: str
    short: str
    candidate: int | None
    adviser: int | None
    advice: str  # French


class BlockMeans(_Frozen):
    id: str
    label: str
    candidate_mean: float | None
    adviser_mean: float | None


class CheckReport(_Frozen):
    call_id: str
    project: str
    verdicts: tuple[TopicVerdict, ...]  # the overall verdict first
    recevable: bool
    eligible: bool  # the overall verdict: recevable, carrier, governance and majority
    failing: tuple[str, ...]  # the topics that keep the overall verdict from « eligible »
    measured: bool  # whether the lines were measured
    admissibility: Admissibility
    porteur: PorteurResult
    governance: GovernanceResult
    actors: Composition
    eligibility: EligibilityResult
    territories: TerritoriesResult
    weakest: tuple[WeakCriterion, ...]
    blocks: tuple[BlockMeans, ...]

    @property
    def overall(self) -> TopicVerdict:
        return self.verdicts[0]

    def verdict(self, topic: str) -> TopicVerdict:
        return next(v for v in self.verdicts if v.topic == topic)


def _topic(topic: str, verdict: Verdict, call: Call, shown: Tone | None = None) -> TopicVerdict:
    return TopicVerdict(
        topic=topic,
        label=TOPICS[topic],
        code=verdict.code,
        tone=shown or tone(topic, verdict.code),
        reason=verdict.reason,
        quote=verdict.quote,
        page=verdict.page,
        page_title=page_title(verdict.page, call) if verdict.page else "",
    )


def check_report(
    dossier: Dossier, measure: Measure | None, call: Call | None = None
) -> CheckReport:
    call = call or load_call(dossier.call_id)
    admit = admissibility(dossier, call, measure)
    porteur = dossier_porteur(dossier, call)
    governance = dossier_governance(dossier, call)
    actors = dossier_composition(dossier, call)
    eligibility = dossier_eligibility(dossier, call)
    territories = dossier_territories(dossier, call)
    failed = failures(admit, porteur, governance, eligibility, call)
    overall = overall_verdict(failed, admit, governance, eligibility, call)
    assessed = assessment(dossier, call)
    admit_tone: Tone | None = (
        "warn" if admit.recevable and (admit.unfinished or admit.over_limit) else None
    )
    verdicts = (
        _topic("ensemble", overall, call),
        _topic("recevabilite", admit.verdict, call, admit_tone),
        _topic("porteur", porteur.verdict, call, "bad" if porteur.blocks else None),
        _topic("gouvernance", governance.verdict, call),
        _topic("acteurs", actors.verdict, call),
        _topic("eligibilite", eligibility.verdict, call),
        _topic("territoires", territories.verdict, call),
    )
    return CheckReport(
        call_id=call.id,
        project=dossier.project.name,
        verdicts=verdicts,
        recevable=admit.recevable,
        eligible=overall.code == "eligible",
        failing=tuple(dict.fromkeys(f.topic for f in failed)),
        measured=admit.measured,
        admissibility=admit,
        porteur=porteur,
        governance=governance,
        actors=actors,
        eligibility=eligibility,
        territories=territories,
        weakest=tuple(
            WeakCriterion(
                id=item.id,
                short=item.short,
                candidate=item.candidate,
                adviser=item.adviser,
                advice=item.advice,
            )
            for item in weakest(assessed)
        ),
        blocks=tuple(
            BlockMeans(
                id=block.id,
                label=block.label,
                candidate_mean=block_mean(assessed, block.id, adviser=False),
                adviser_mean=block_mean(assessed, block.id, adviser=True),
            )
            for block in call.selection_blocks
        ),
    )


# --- French text (terminal, e-mail) ----------------------------------------------------------
_MARKS: dict[Tone, str] = {"ok": "✓", "warn": "!", "bad": "✗"}
_ANSWERS_FR = {**ANSWER_LABELS, "": "sans réponse"}


def _items(title: str, items: tuple[Item, ...], call: Call) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items:
        where = page_title(item.page, call)
        lines.append(f"  - {item.label} : {item.reason} (page « {where} »)")
    return lines


def render_fr(report: CheckReport, call: Call | None = None) -> str:
    """The report in French words only (no internal code), for a terminal or an e-mail."""
    call = call or load_call(report.call_id)
    name = report.project.strip() or "Projet sans nom"
    out = [f"Diagnostic du dossier « {name} »", ""]
    for verdict in report.verdicts:
        out.append(f"{_MARKS[verdict.tone]} {verdict.label} — {verdict.reason}")
        out.append(f"  Appel : « {verdict.quote} »")
        if verdict.tone != "ok" and verdict.page_title:
            out.append(f"  À corriger : page « {verdict.page_title} »")
    admit = report.admissibility
    out += _items("Éléments obligatoires manquants :", admit.missing, call)
    out += _items("Textes d'attente à remplacer :", admit.unfinished, call)
    out += _items("À vérifier :", admit.warnings, call)
    out += _items("Volumes dépassés (exercice de concision) :", admit.over_limit, call)
    if not report.measured:
        out += ["", "Volumes : non mesurés (moteur de mise en page indisponible)."]
    if report.porteur.esus_relevant:
        out.append(f"Agrément ESUS : {ESUS_LABELS.get(report.porteur.esus, 'non renseigné')}.")
    eligibility = report.eligibility
    out += [
        "",
        f"Critères d'éligibilité ({eligibility.met} sur {len(eligibility.criteria)} remplis ou "
        f"en perspective, il en faut {eligibility.required}) :",
    ]
    for criterion in eligibility.criteria:
        mark = "✓" if criterion.met else "·"
        out.append(f"  {mark} {criterion.short} : {_ANSWERS_FR.get(criterion.answer, '')}")
        if criterion.suggestion.mismatch:
            out.append(f"      ! {criterion.suggestion.mismatch}")
    if report.weakest:
        out += ["", "Critères de sélection les plus faibles, et quoi faire :"]
        out += [f"  - {item.short} : {item.advice}" for item in report.weakest]
    return "\n".join(out) + "\n"
