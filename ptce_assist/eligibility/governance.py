"""Democratic governance: a few questions, a verdict, and what to write in the rubric.

« Les perspectives de gouvernance du PTCE doivent être démocratiques au sens de l'économie
sociale et solidaire, c'est-à-dire prévoir la participation active des parties prenantes aux
objectifs et aux programmes d'actions du pôle. » Questions marked `essential` in the call file
carry that condition; « en projet » answers count, since the call speaks of perspectives.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.evidence import find
from ptce_assist.eligibility.links import PORTEUR
from ptce_assist.eligibility.verdict import Verdict, french_list

GOVERNANCE_CODES = ("democratique", "en_perspective", "a_renforcer", "insuffisante", "a_renseigner")


class GovernanceResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    verdict: Verdict
    unanswered: tuple[str, ...]  # question ids
    to_write: tuple[str, ...]  # French advice for the gouvernance rubric
    found_in_rubric: tuple[str, ...]  # excerpts naming governance bodies or rules


GOVERNANCE_RUBRIC = "gouvernance"


def governance_verdict(answers: dict[str, str], call: Call, rubric_text: str) -> GovernanceResult:
    questions = call.diagnostic.governance_questions
    quote = call.governance_quote
    value = {q.id: answers.get(q.id, "") for q in questions}
    unanswered = tuple(q.id for q in questions if value[q.id] not in ("oui", "en_projet", "non"))
    essential_no = [q for q in questions if q.essential and value[q.id] == "non"]
    other_no = [q for q in questions if not q.essential and value[q.id] == "non"]
    planned = [q for q in questions if value[q.id] == "en_projet"]

    if essential_no:
        verdict = Verdict(
            code="insuffisante",
            reason="Gouvernance non démocratique au sens de l'appel : réponse « non » à "
            + french_list([f"« {q.question_fr} »" for q in essential_no])
            + " Prévoyez au moins cette participation (elle peut être en projet).",
            quote=quote,
            page=PORTEUR,
        )
    elif unanswered:
        verdict = Verdict(
            code="a_renseigner",
            reason=f"Répondez aux {len(unanswered)} questions restantes pour obtenir un avis sur "
            "la gouvernance.",
            quote=quote,
            page=PORTEUR,
        )
    elif other_no:
        verdict = Verdict(
            code="a_renforcer",
            reason="La participation aux objectifs et au programme d'actions est prévue, mais la "
            "gouvernance reste à renforcer : "
            + french_list([f"« {q.question_fr} » (non)" for q in other_no])
            + ".",
            quote=quote,
            page=PORTEUR,
        )
    elif planned:
        verdict = Verdict(
            code="en_perspective",
            reason="Gouvernance démocratique en perspective : l'appel accepte des perspectives, "
            "donnez dans la rubrique le calendrier de ce qui est encore en projet.",
            quote=quote,
            page=PORTEUR,
        )
    else:
        verdict = Verdict(
            code="democratique",
            reason="Gouvernance démocratique : les parties prenantes participent aux objectifs et "
            "au programme d'actions, dans une instance où elles sont représentées.",
            quote=quote,
            page=PORTEUR,
        )
    to_write = tuple(
        q.to_write_fr + (" Donnez l'échéance prévue." if value[q.id] == "en_projet" else "")
        for q in questions
    )
    if not rubric_text.strip():
        rubric = call.rubric(GOVERNANCE_RUBRIC)
        empty = f"La rubrique « {rubric.short_fr} » est vide ({rubric.limit_label})."
        to_write = (empty, *to_write)
    found = tuple(find("governance_terms", rubric_text, limit=4))
    return GovernanceResult(
        verdict=verdict, unanswered=unanswered, to_write=to_write, found_in_rubric=found
    )


def dossier_governance(dossier: Dossier, call: Call) -> GovernanceResult:
    return governance_verdict(
        dict(dossier.diagnostic.governance), call, dossier.rubric_text(GOVERNANCE_RUBRIC)
    )
