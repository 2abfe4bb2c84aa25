"""The carrying structure: does its legal form allow it to carry the dossier?

« La structure qui porte le projet doit être une personne morale de droit privé, constituée
sous la forme de coopérative, d'association, ou de société commerciale bénéficiaire de
l'agrément ESUS. » The call file gives each legal form its reading (`porteur`); a commercial
company becomes eligible once the ESUS agrément is obtained. The dossier's own words count
too: a carrier that its name or its rubric describes as not yet a legal person is to check,
whatever form was chosen (`carrier_text`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call, LegalForm, PorteurVerdict
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.carrier_text import (
    not_yet_legal_person,
    read_stored_form,
    suggest_form,
)
from ptce_assist.eligibility.links import PORTEUR
from ptce_assist.eligibility.verdict import Verdict

ESUS_LABELS: dict[str, str] = {
    "": "non renseigné",
    "obtenu": "obtenu",
    "en_cours": "demande en cours",
    "non": "non demandé",
}
ANY_CARRIER = "association, coopérative ou société commerciale agréée ESUS"


class PorteurResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: PorteurVerdict
    legal_form: str  # as stored ("" when not chosen)
    form_id: str  # the form of the list the stored value stands for ("" when none)
    esus: str  # the ESUS state as stored, meaningful for commercial companies
    esus_relevant: bool
    reason: str
    quote: str
    page: str = PORTEUR
    suggested_form: str = ""  # a form of the list to choose, read from the dossier's words
    statement: str = ""  # the dossier's words saying the carrier is not yet a legal person

    @property
    def verdict(self) -> Verdict:
        return Verdict(code=self.code, reason=self.reason, quote=self.quote, page=self.page)

    @property
    def blocks(self) -> bool:
        """Whether the carrier cannot carry the dossier as things stand."""
        return self.code == "non_eligible" or (self.code == "esus_requis" and self.esus == "non")


def porteur_verdict(
    legal_form: str, esus: str, call: Call, *, name: str = "", structure_text: str = ""
) -> PorteurResult:
    """The verdict on the carrier from its legal form, its ESUS state, its name and the
    « Structure porteuse » rubric."""
    form = read_stored_form(legal_form, call)
    if form is None:
        return _no_form(legal_form, esus, call, name, structure_text)
    code, reason = _by_form(form, esus)
    suggested = ""
    if form.id != legal_form:  # a value typed by hand or from another tool
        suggested = form.id
        reason = (
            "La forme juridique enregistrée ne fait pas partie de la liste ; elle correspond à "
            f"« {form.label_fr} » : choisissez-la dans la liste. " + reason
        )
    statement = not_yet_legal_person(name, structure_text, form)
    if statement is not None and code != "non_eligible":
        where = "son nom" if statement.in_name else "la rubrique « Structure porteuse »"
        code = "a_verifier"
        reason = (
            f"{form.label_fr} d'après la forme juridique choisie, mais {where} dit que la "
            f"structure n'est pas encore une personne morale (« {statement.excerpt} ») : "
            "l'appel demande une personne morale de droit privé. Vérifiez sa situation "
            "(déclaration, immatriculation) ; si elle n'est pas encore créée, faites porter le "
            f"dossier par un membre déjà constitué ({ANY_CARRIER})."
        )
    return PorteurResult(
        code=code,
        legal_form=legal_form,
        form_id=form.id,
        esus=esus,
        esus_relevant=form.porteur == "esus_requis",
        reason=reason,
        quote=call.beneficiaries_quote,
        suggested_form=suggested,
        statement=statement.excerpt if statement else "",
    )


def _no_form(
    legal_form: str, esus: str, call: Call, name: str, structure_text: str
) -> PorteurResult:
    suggested = ""
    if legal_form.strip():
        reason = (
            "La forme juridique enregistrée dans ce dossier ne fait pas partie de la liste : "
            "choisissez-la dans la liste pour savoir si la structure peut porter le dossier."
        )
    else:
        reason = (
            "La forme juridique de la structure porteuse n'est pas renseignée : choisissez-la "
            "pour savoir si elle peut porter le dossier."
        )
        mention = suggest_form(name, structure_text, call)
        if mention is not None:
            suggested = mention.form.id
            reason += f" Le dossier évoque « {mention.excerpt} » : « {mention.form.label_fr} » ?"
    return PorteurResult(
        code="a_verifier",
        legal_form=legal_form,
        form_id="",
        esus=esus,
        esus_relevant=False,
        reason=reason,
        quote=call.beneficiaries_quote,
        suggested_form=suggested,
    )


def _by_form(form: LegalForm, esus: str) -> tuple[PorteurVerdict, str]:
    name = form.label_fr
    if form.porteur == "eligible":
        return (
            "eligible",
            f"{name} : forme prévue par l'appel (coopérative ou association), éligible.",
        )
    if form.porteur == "esus_requis":
        return _commercial(name, esus)
    if form.porteur == "a_verifier":
        return "a_verifier", (
            f"{name} : forme de l'économie sociale et solidaire que l'appel ne cite pas (il "
            "cite coopérative, association et société commerciale agréée ESUS) : à vérifier "
            "auprès de la cellule régionale d'animation avant le dépôt."
        )
    return "non_eligible", (
        f"{name} : {form.why_fr}. Non éligible comme porteur : faites porter le dossier par "
        f"un membre constitué en {ANY_CARRIER}."
    )


def _commercial(name: str, esus: str) -> tuple[PorteurVerdict, str]:
    if esus == "obtenu":
        return (
            "eligible",
            f"{name} : société commerciale bénéficiaire de l'agrément ESUS, éligible.",
        )
    state = {
        "en_cours": "la demande d'agrément ESUS est en cours : le dossier ne sera éligible "
        "qu'une fois l'agrément obtenu.",
        "non": "elle n'a pas l'agrément ESUS : sans lui, elle ne peut pas porter le dossier "
        "(demande auprès de la DDETS, ou portage par un autre membre).",
    }.get(esus, "indiquez si elle a l'agrément ESUS, obligatoire pour une société commerciale.")
    return "esus_requis", f"{name} : société commerciale ; {state}"


def dossier_porteur(dossier: Dossier, call: Call) -> PorteurResult:
    return porteur_verdict(
        dossier.structure.legal_form,
        dossier.structure.esus,
        call,
        name=dossier.structure.name,
        structure_text=dossier.rubric_text("structure"),
    )
