"""Eligibility: the 7 criteria, answered oui / à moyen terme / non, and the majority rule.

« Pour être éligibles, les projets déposés doivent répondre (ou avoir comme perspective de
répondre à moyen terme) à une majorité des critères suivants : » — a criterion counts when the
answer is « oui » or « à moyen terme »; a majority of 7 is 4.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, computed_field

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.actors import dossier_composition
from ptce_assist.eligibility.answers import ANSWER_LABELS
from ptce_assist.eligibility.links import ELIGIBILITE
from ptce_assist.eligibility.rules import RuleResult, evaluate
from ptce_assist.eligibility.verdict import Verdict, french_list, plural

MET_ANSWERS = ("oui", "moyen_terme")


def majority(total: int) -> int:
    """The smallest count that is a majority of `total`."""
    return total // 2 + 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Suggestion(_Frozen):
    answer: str  # "oui" | "moyen_terme" | "non" | "" (no clue in the dossier)
    rules: tuple[RuleResult, ...]
    mismatch: str | None  # when the candidate's answer and the dossier disagree


class CriterionStatus(_Frozen):
    id: str
    short: str
    text: str
    answer: str
    justification: str
    suggestion: Suggestion

    @computed_field  # type: ignore[prop-decorator]
    @property
    def met(self) -> bool:
        return self.answer in MET_ANSWERS


class EligibilityResult(_Frozen):
    verdict: Verdict  # "eligible" | "incomplet" | "non_eligible"
    criteria: tuple[CriterionStatus, ...]
    required: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def met(self) -> int:
        return sum(1 for c in self.criteria if c.met)

    @property
    def eligible(self) -> bool:
        return self.verdict.code == "eligible"


def eligibility_verdict(answers: dict[str, str], call: Call) -> Verdict:
    """The majority rule alone, from the answers {criterion id: answer}."""
    criteria = call.eligibility_criteria
    short = call.diagnostic.eligibility_short_fr
    names = {c.id: short.get(c.id, c.id) for c in criteria}
    met = [c.id for c in criteria if answers.get(c.id, "") in MET_ANSWERS]
    later = [c for c in met if answers.get(c) == "moyen_terme"]
    unanswered = [c.id for c in criteria if answers.get(c.id, "") not in (*MET_ANSWERS, "non")]
    required = majority(len(criteria))
    count = f"{len(met)} critère{'s' if len(met) > 1 else ''} sur {len(criteria)}"
    which = f" : {french_list([names[c] for c in met])}" if met else ""
    of_which = f" (dont {len(later)} à moyen terme)" if later else ""
    needed = f"majorité requise : {required}"
    if len(met) >= required:
        return Verdict(
            code="eligible",
            reason=f"Majorité atteinte : {count} remplis ou en perspective ({needed})"
            f"{which}{of_which}.",
            quote=call.eligibility_quote,
            page=ELIGIBILITE,
        )
    if len(met) + len(unanswered) >= required:
        return Verdict(
            code="incomplet",
            reason=f"Pas encore de majorité : {count} rempli{'s' if len(met) > 1 else ''} ou en "
            f"perspective ({needed}){which}{of_which} ; "
            f"{plural(len(unanswered), 'critère')} sans réponse.",
            quote=call.eligibility_quote,
            page=ELIGIBILITE,
        )
    return Verdict(
        code="non_eligible",
        reason=f"Majorité hors d'atteinte : {count} rempli{'s' if len(met) > 1 else ''} ou en "
        f"perspective ({needed}){which}{of_which} ; "
        + (
            "même avec « Oui » aux critères sans réponse, elle ne serait pas atteinte."
            if unanswered
            else "les autres critères ont la réponse « Non »."
        ),
        quote=call.eligibility_quote,
        page=ELIGIBILITE,
    )


def _suggest(answer: str, rules: tuple[RuleResult, ...], actors_hint: str) -> Suggestion:
    found = any(r.found for r in rules)
    suggested = actors_hint or ("oui" if found else "")
    mismatch = None
    if answer in MET_ANSWERS and not found:
        mismatch = (
            f"Vous répondez « {ANSWER_LABELS[answer]} », mais le dossier ne l'étaye pas encore : "
            + " ".join(r.rule.advice_fr for r in rules)
        )
    elif answer == "non" and found:
        mismatch = "Vous répondez « Non », mais le dossier semble y répondre : vérifiez."
    return Suggestion(answer=suggested, rules=rules, mismatch=mismatch)


def criteria_status(dossier: Dossier, call: Call) -> tuple[CriterionStatus, ...]:
    responses = dossier.diagnostic.criteria
    short = call.diagnostic.eligibility_short_fr
    uses_actors = any(
        r.signal == "actors_composition" for r in call.diagnostic.eligibility_evidence
    )
    composition = dossier_composition(dossier, call) if uses_actors else None
    statuses: list[CriterionStatus] = []
    for criterion in call.eligibility_criteria:
        response = responses.get(criterion.id)
        answer = response.answer if response else ""
        rules = tuple(
            evaluate(rule, dossier, call)
            for rule in call.diagnostic.eligibility_evidence
            if rule.criterion == criterion.id
        )
        hint = ""
        if composition is not None and any(r.rule.signal == "actors_composition" for r in rules):
            hint = composition.criterion_answer if composition.verdict.code != "vide" else ""
        statuses.append(
            CriterionStatus(
                id=criterion.id,
                short=short.get(criterion.id, criterion.id),
                text=criterion.text,
                answer=answer,
                justification=response.justification if response else "",
                suggestion=_suggest(answer, rules, hint),
            )
        )
    return tuple(statuses)


def dossier_eligibility(dossier: Dossier, call: Call) -> EligibilityResult:
    statuses = criteria_status(dossier, call)
    verdict = eligibility_verdict({s.id: s.answer for s in statuses}, call)
    return EligibilityResult(verdict=verdict, criteria=statuses, required=majority(len(statuses)))
