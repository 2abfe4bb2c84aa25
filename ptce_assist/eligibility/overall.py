"""One verdict on the whole dossier: admissible, a carrier that can carry it, a democratic
governance and the majority of the criteria, and which of them fails.

The call's conditions: « Tout dossier incomplet ne sera pas recevable » (§5.c.i), the carrier
(§4, first sentence), « Les perspectives de gouvernance du PTCE doivent être démocratiques »
(§4) and the majority of the 7 criteria (§5.c.ii). A condition that cannot be met as things
stand makes the dossier « non éligible »; then an incomplete dossier is « incomplet »; then a
condition still to confirm (a carrier to check, an ESUS agrément pending, criteria without an
answer) makes it « à vérifier ». The composition rule and the fragile territories are not
conditions of the call: they stay advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ptce_assist.call import Call
from ptce_assist.eligibility.criteria import EligibilityResult
from ptce_assist.eligibility.governance import GovernanceResult
from ptce_assist.eligibility.porteur import PorteurResult
from ptce_assist.eligibility.recevabilite import Admissibility
from ptce_assist.eligibility.verdict import Verdict, plural

Level = Literal["non_eligible", "incomplet", "a_verifier"]
_ORDER: tuple[Level, ...] = ("non_eligible", "incomplet", "a_verifier")
_HEADS: dict[Level, str] = {
    "non_eligible": "Non éligible en l'état",
    "incomplet": "Pas recevable en l'état",
    "a_verifier": "À vérifier avant le dépôt",
}


@dataclass(frozen=True)
class Failure:
    topic: str
    level: Level
    says: str  # French, after « Non éligible en l'état : »
    verdict: Verdict


def _porteur(porteur: PorteurResult, call: Call) -> Failure | None:
    form = call.legal_form(porteur.form_id)
    label = f"« {form.label_fr} »" if form else ""
    if porteur.code == "non_eligible":
        says = f"la structure porteuse ({label}) ne peut pas porter le dossier"
        return Failure("porteur", "non_eligible", says, porteur.verdict)
    if porteur.code == "esus_requis":
        if porteur.esus == "non":
            says = (
                "la société porteuse n'a pas l'agrément ESUS, sans lequel elle ne peut pas "
                "porter le dossier"
            )
            return Failure("porteur", "non_eligible", says, porteur.verdict)
        state = "est en cours" if porteur.esus == "en_cours" else "n'est pas indiqué"
        says = f"l'agrément ESUS de la société porteuse {state}"
        return Failure("porteur", "a_verifier", says, porteur.verdict)
    if porteur.code != "a_verifier":
        return None
    if porteur.statement:
        says = "le dossier dit que la structure porteuse n'est pas encore une personne morale"
    elif form is not None:
        says = (
            f"la forme {label} de la structure porteuse est à vérifier auprès de la cellule "
            "régionale"
        )
    else:
        says = "la forme juridique de la structure porteuse n'est pas choisie dans la liste"
    return Failure("porteur", "a_verifier", says, porteur.verdict)


def _majority(eligibility: EligibilityResult) -> Failure | None:
    total = len(eligibility.criteria)
    count = f"{eligibility.met} sur {total}, il en faut {eligibility.required}"
    if eligibility.verdict.code == "non_eligible":
        says = f"la majorité des critères d'éligibilité ne peut pas être atteinte ({count})"
        return Failure("eligibilite", "non_eligible", says, eligibility.verdict)
    if eligibility.verdict.code == "incomplet":
        unanswered = sum(1 for c in eligibility.criteria if not c.answer)
        says = (
            f"la majorité des critères d'éligibilité n'est pas encore atteinte ({count} ; "
            f"{plural(unanswered, 'critère')} sans réponse)"
        )
        return Failure("eligibilite", "a_verifier", says, eligibility.verdict)
    return None


def failures(
    admit: Admissibility,
    porteur: PorteurResult,
    governance: GovernanceResult,
    eligibility: EligibilityResult,
    call: Call,
) -> list[Failure]:
    found: list[Failure] = []
    if not admit.recevable:
        missing = plural(
            len(admit.missing), "élément obligatoire manque", "éléments obligatoires manquent"
        )
        found.append(
            Failure(
                "recevabilite", "incomplet", f"le dossier est incomplet ({missing})", admit.verdict
            )
        )
    carrier = _porteur(porteur, call)
    if carrier:
        found.append(carrier)
    if governance.verdict.code == "insuffisante":
        says = "la gouvernance n'est pas démocratique au sens de l'appel"
        found.append(Failure("gouvernance", "non_eligible", says, governance.verdict))
    majority = _majority(eligibility)
    if majority:
        found.append(majority)
    return sorted(found, key=lambda f: _ORDER.index(f.level))


def overall_verdict(
    failed: list[Failure],
    admit: Admissibility,
    governance: GovernanceResult,
    eligibility: EligibilityResult,
    call: Call,
) -> Verdict:
    """The verdict on the whole dossier, from `failures` and the parts it rests on."""
    if failed:
        first = failed[0]
        reason = f"{_HEADS[first.level]} : " + " ; ".join(f.says for f in failed) + "."
        return Verdict(
            code=first.level, reason=reason, quote=first.verdict.quote, page=first.verdict.page
        )
    reason = (
        "Éligible en l'état : dossier complet, structure porteuse éligible et "
        f"{eligibility.met} critères d'éligibilité sur {len(eligibility.criteria)} remplis ou en "
        f"perspective (il en faut {eligibility.required})."
    )
    reason += {
        "democratique": " Gouvernance démocratique.",
        "en_perspective": " Gouvernance démocratique en perspective.",
        "a_renforcer": " La gouvernance reste à renforcer.",
        "a_renseigner": " Répondez encore aux questions sur la gouvernance.",
    }.get(governance.verdict.code, "")
    if admit.over_limit:
        over = plural(len(admit.over_limit), "rubrique dépasse", "rubriques dépassent")
        reason += f" Attention : {over} la limite de volume."
    return Verdict(code="eligible", reason=reason, quote=call.eligibility_quote, page="")
