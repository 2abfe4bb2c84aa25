"""Eligibility: the 7 criteria, answered oui / à moyen terme / non, and the majority rule.

« Pour être éligibles, les projets déposés doivent répondre (ou avoir comme perspective de
répondre à moyen terme) à une majorité des critères suivants : » — a criterion counts when the
answer is « oui » or « à moyen terme »; a majority of 7 is 4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.actors import dossier_composition
from ptce_assist.eligibility.answers import ANSWER_LABELS
from ptce_assist.eligibility.rules import RuleResult, evaluate
from ptce_assist.eligibility.verdict import Verdict, french_list, plural

MET_ANSWERS = ("oui", "moyen_terme")


def majority(total: int) -> int:
    """The smallest count that is a majority of `total`."""
    return total // 2 + 1


@dataclass(frozen=True)
class Suggestion:
    answer: str  # "oui" | "moyen_terme" | "non" | "" (no clue in the dossier)
    rules: tuple[RuleResult, ...]
    mismatch: str | None  # when the candidate's answer and the dossier disagree

    def as_dict(self) -> dict[str, Any]:
        return {
            "answer": self.answer,
            "mismatch": self.mismatch,
            "evidence": [r.as_dict() for r in self.rules],
        }


@dataclass(frozen=True)
class CriterionStatus:
    id: str
    short: str
    text: str
    answer: str
    justification: str
    suggestion: Suggestion

    @property
    def met(self) -> bool:
        return self.answer in MET_ANSWERS

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "short": self.short,
            "text": self.text,
            "answer": self.answer,
            "met": self.met,
            "justification": self.justification,
            "suggestion": self.suggestion.as_dict(),
        }


@dataclass(frozen=True)
class EligibilityResult:
    verdict: Verdict  # "eligible" | "incomplet" | "non_eligible"
    criteria: tuple[CriterionStatus, ...]
    required: int

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
            "eligible",
            f"Éligible : {count} remplis ou en perspective ({needed}){which}{of_which}.",
            call.eligibility_quote,
        )
    if len(met) + len(unanswered) >= required:
        return Verdict(
            "incomplet",
            f"Pas encore de majorité : {count} rempli{'s' if len(met) > 1 else ''} ou en "
            f"perspective ({needed}){which}{of_which} ; "
            f"{plural(len(unanswered), 'critère')} sans réponse.",
            call.eligibility_quote,
        )
    return Verdict(
        "non_eligible",
        f"Non éligible en l'état : {count} rempli{'s' if len(met) > 1 else ''} ou en "
        f"perspective ({needed}){which}{of_which}.",
        call.eligibility_quote,
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
    return Suggestion(suggested, rules, mismatch)


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
                criterion.id,
                short.get(criterion.id, criterion.id),
                criterion.text,
                answer,
                response.justification if response else "",
                _suggest(answer, rules, hint),
            )
        )
    return tuple(statuses)


def dossier_eligibility(dossier: Dossier, call: Call) -> EligibilityResult:
    statuses = criteria_status(dossier, call)
    verdict = eligibility_verdict({s.id: s.answer for s in statuses}, call)
    return EligibilityResult(verdict, statuses, majority(len(statuses)))
