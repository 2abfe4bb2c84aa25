"""The carrying structure: does its legal form allow it to carry the dossier?

« La structure qui porte le projet doit être une personne morale de droit privé, constituée
sous la forme de coopérative, d'association, ou de société commerciale bénéficiaire de
l'agrément ESUS. » The call file gives each legal form its reading (`porteur`); a commercial
company becomes eligible once the ESUS agrément is obtained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ptce_assist.call import Call, PorteurVerdict
from ptce_assist.dossier import Dossier

ESUS_LABELS: dict[str, str] = {
    "": "non renseigné",
    "obtenu": "obtenu",
    "en_cours": "demande en cours",
    "non": "non demandé",
}


@dataclass(frozen=True)
class PorteurResult:
    code: PorteurVerdict
    legal_form: str  # the id as stored ("" when not chosen)
    esus: str  # the ESUS state as stored, meaningful for commercial companies
    esus_relevant: bool
    reason: str
    quote: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "legal_form": self.legal_form,
            "esus": self.esus,
            "esus_relevant": self.esus_relevant,
            "reason": self.reason,
            "quote": self.quote,
        }


def porteur_verdict(legal_form: str, esus: str, call: Call) -> PorteurResult:
    quote = call.beneficiaries_quote
    form = call.legal_form(legal_form)
    if form is None:
        reason = (
            "La forme juridique de la structure porteuse n'est pas renseignée : "
            "choisissez-la pour savoir si elle peut porter le dossier."
            if not legal_form.strip()
            else f"La forme juridique « {legal_form} » n'est pas connue de cet appel : "
            "à vérifier auprès de la cellule régionale d'animation."
        )
        return PorteurResult("a_verifier", legal_form, esus, False, reason, quote)
    name = form.label_fr
    if form.porteur == "eligible":
        reason = f"{name} : forme prévue par l'appel (coopérative ou association), éligible."
        return PorteurResult("eligible", legal_form, esus, False, reason, quote)
    if form.porteur == "esus_requis":
        return _commercial(legal_form, name, esus, quote)
    if form.porteur == "a_verifier":
        reason = (
            f"{name} : forme de l'économie sociale et solidaire que l'appel ne cite pas "
            "(il cite coopérative, association et société commerciale agréée ESUS) : "
            "à vérifier auprès de la cellule régionale d'animation avant le dépôt."
        )
        return PorteurResult("a_verifier", legal_form, esus, False, reason, quote)
    reason = (
        f"{name} : l'appel demande une personne morale de droit privé ; "
        + (
            "une structure pas encore créée n'a pas de personnalité morale. Faites porter "
            "le dossier par un membre existant (association, coopérative…) ou créez la "
            "structure d'abord."
            if form.identifier == "none"
            else "une personne publique ne peut pas porter le dossier, mais elle peut être "
            "membre ou partenaire du pôle."
        )
        + " Non éligible comme porteur."
    )
    return PorteurResult("non_eligible", legal_form, esus, False, reason, quote)


def _commercial(legal_form: str, name: str, esus: str, quote: str) -> PorteurResult:
    if esus == "obtenu":
        reason = f"{name} : société commerciale bénéficiaire de l'agrément ESUS, éligible."
        return PorteurResult("eligible", legal_form, esus, True, reason, quote)
    state = {
        "en_cours": "la demande d'agrément ESUS est en cours : le dossier ne sera éligible "
        "qu'une fois l'agrément obtenu.",
        "non": "elle n'a pas l'agrément ESUS : sans lui, elle ne peut pas porter le dossier "
        "(demande auprès de la DDETS, ou portage par un autre membre).",
    }.get(esus, "indiquez si elle a l'agrément ESUS, obligatoire pour une société commerciale.")
    reason = f"{name} : société commerciale ; {state}"
    return PorteurResult("esus_requis", legal_form, esus, True, reason, quote)


def dossier_porteur(dossier: Dossier, call: Call) -> PorteurResult:
    return porteur_verdict(dossier.structure.legal_form, dossier.structure.esus, call)
