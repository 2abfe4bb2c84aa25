"""Field checks with French messages. Values stay stored as typed; these only advise."""

from __future__ import annotations

import re
from collections.abc import Callable

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren, siret

from ptce_assist.call import Call, LegalForm
from ptce_assist.dossier import Dossier, get_path
from ptce_assist.regions import region_by_code

_RNA = re.compile(r"^W\d[\dAB]\d{7}$")  # W + department (2A/2B in Corsica) + 7 digits
_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def check_email(value: str) -> str | None:
    try:
        validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError:
        return "Adresse e-mail invalide : vérifiez la forme nom@domaine.fr."
    return None


def check_mobile(value: str, region_code: str) -> str | None:
    region = region_by_code(region_code)
    phone_region = region.phone_region if region else "FR"
    try:
        number = phonenumbers.parse(value, phone_region)
    except phonenumbers.NumberParseException:
        return "Numéro de téléphone illisible : écrivez par exemple 06 12 34 56 78."
    if not phonenumbers.is_valid_number(number):
        where = f" pour la région {region.name}" if region and phone_region != "FR" else ""
        return f"Ce numéro de téléphone n'est pas valide{where}."
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        return "Ce numéro n'est pas un numéro de portable (le dossier demande un portable)."
    return None


def check_siret_or_siren(value: str) -> str | None:
    digits = re.sub(r"[\s.]", "", value)
    if not digits.isdigit() or len(digits) not in (9, 14):
        return "Un SIRET compte 14 chiffres (ou un SIREN 9 chiffres)."
    validator = siret if len(digits) == 14 else siren
    try:
        validator.validate(digits)
    except StdnumError:
        kind = "SIRET" if len(digits) == 14 else "SIREN"
        return f"Ce numéro {kind} est incorrect (sa clé de contrôle ne correspond pas)."
    return None


def check_rna(value: str) -> str | None:
    if _RNA.match(value.strip().upper()):
        return None
    return "Un numéro RNA s'écrit W suivi de 9 caractères, par exemple W751234567."


def register_fields(form: LegalForm | None) -> tuple[str, ...]:
    """The register numbers the identity page asks for a legal form: a SIRET for every
    structure that exists (an association that employs or invoices has one too), and the RNA
    number of an association."""
    fields = ["structure.siret"] if form is None or form.identifier != "none" else []
    if form is not None and form.identifier in ("rna", "rna_optionnel"):
        fields.append("structure.rna")
    return tuple(fields)


def identity_problems(dossier: Dossier, call: Call) -> dict[str, str]:
    """French messages for the identity values that are filled in but look wrong."""
    checkers: dict[str, Callable[[str], str | None]] = {
        "referent.email": check_email,
        "referent.phone": lambda value: check_mobile(value, dossier.project.region),
        "structure.siret": check_siret_or_siren,
        "structure.rna": check_rna,
    }
    data = dossier.model_dump()
    problems: dict[str, str] = {}
    for path, check in checkers.items():
        value = str(get_path(data, path) or "")
        message = check(value) if value.strip() else None
        if message:
            problems[path] = message
    form = call.legal_form(dossier.structure.legal_form)
    if dossier.structure.rna.strip() and form and form.identifier not in ("rna", "rna_optionnel"):
        problems.setdefault("structure.rna", "Le numéro RNA ne concerne que les associations.")
    return problems
