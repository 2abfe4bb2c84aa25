"""Identity fields as candidates write them: labels, block titles, values, regions, forms.

The call's own labels ("Nom / Prénom", "Mail") always count; the variants people use
("Porteur du projet", "Référente", "Tél.") come from the call's import vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ptce_assist.call import Call
from ptce_assist.docx_import.heading_text import heading_core
from ptce_assist.docx_import.vocabulary import load_vocabulary
from ptce_assist.folding import words
from ptce_assist.regions import REGIONS

MAX_LABEL_CHARS = 60
MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class Label:
    path: str
    card: bool = False  # the value may hold name, role, mail and phone
    part: str | None = None  # "nom" or "prenom": one half of the referent's name


def identity_label(label: str, call: Call, section: str | None) -> Label | None:
    """What an identity label names (`section`: the identity block we are in), or None."""
    folded = words(label)
    if not folded or len(folded) > MAX_LABEL_CHARS:
        return None
    for field in call.identity_fields:
        if folded == words(field.label):
            return Label(field.path)
    for entry in load_vocabulary(call.id).identity.labels:
        if folded in entry.words and (entry.section is None or entry.section == section):
            return Label(entry.path, entry.card, entry.part)
    return None


def identity_title(text: str, call: Call) -> str | None:
    """ "structure", "referent" or "block" for the title of an identity block, else None."""
    folded = words(heading_core(text))
    if not folded:
        return None
    for section in call.identity_sections:
        if section.id in ("structure", "referent") and folded == words(section.label):
            return section.id
    titles = load_vocabulary(call.id).identity.titles
    for kind in ("structure", "referent", "block"):
        if folded in getattr(titles, kind):
            return kind
    return None


_LABEL_VALUE = re.compile(r"^\s*([^:\n]{1,60}?)\s*[:：]\s*(.*)$", re.S)


def split_label_value(text: str) -> tuple[str, str] | None:
    """ "Mail : x@y.fr" -> ("Mail", "x@y.fr"); None when the line has no colon."""
    match = _LABEL_VALUE.match(text)
    if match is None:
        return None
    return match.group(1), match.group(2).strip()


def plausible_value(text: str) -> bool:
    """A name, an address, a mail, a phone: short, not a sentence of description."""
    stripped = text.strip()
    count = len(stripped.split())
    if not stripped or len(stripped) > MAX_VALUE_CHARS or count > 25:
        return False
    return not (stripped.endswith(".") and not stripped.endswith("..") and count >= 6)


# --- a whole contact on one line --------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(r"(?:\+\d{2,3}[\s.]?\(?0?\)?[\s.]?|0)\d(?:[\s.-]?\d{2}){4}")
_PARENS = re.compile(r"\(([^()]{1,80})\)")
_SEPARATORS = re.compile(r"\s*(?:[,;|/]|\s[-–—]\s)\s*")


def split_card(value: str) -> dict[str, str]:
    """ "Fatou Diallo, chargée de projet – f@x.org – 06 …" -> name, role, email, phone."""
    out: dict[str, str] = {}
    rest = value
    email = _EMAIL.search(rest)
    if email:
        out["referent.email"] = email.group(0)
        rest = rest[: email.start()] + " , " + rest[email.end() :]
    phone = _PHONE.search(rest)
    if phone:
        out["referent.phone"] = phone.group(0).strip()
        rest = rest[: phone.start()] + " , " + rest[phone.end() :]
    roles = [m.group(1).strip() for m in _PARENS.finditer(rest)]
    rest = _PARENS.sub(" , ", rest)
    parts = [p.strip(" -–—") for p in _SEPARATORS.split(rest)]
    parts = [p for p in parts if p]
    if parts:
        out["referent.name"] = parts[0]
    roles += parts[1:]
    if roles:
        out["referent.role"] = ", ".join(roles)
    return out


# --- regions and legal forms -------------------------------------------------------------------
_REGION_PARTS = re.compile(r"\s+[-–—]\s+|[/(),;]")


def region_code(value: str, call: Call) -> str | None:
    """The INSEE code of the region a value names ("Région Sud – Provence-Alpes-Côte d'Azur")."""
    names: dict[str, str] = {words(r.name): r.code for r in REGIONS}
    names.update({r.code: r.code for r in REGIONS})
    for code, spellings in load_vocabulary(call.id).identity.regions.items():
        names.update(dict.fromkeys(spellings, code))

    def code_of(text: str) -> str | None:
        folded = re.sub(r"^region\s+", "", words(text))
        return names.get(folded) or names.get(words(text))

    whole = code_of(value)
    if whole is not None:
        return whole
    found = (code_of(part) for part in _REGION_PARTS.split(value))
    codes = {code for code in found if code is not None}
    return codes.pop() if len(codes) == 1 else None


def legal_form_id(value: str, call: Call) -> str | None:
    folded = words(value)
    if not folded:
        return None
    for form in call.legal_forms:
        if folded in (words(form.label_fr), words(form.id)):
            return form.id
    padded = f" {folded} "
    for entry in load_vocabulary(call.id).identity.legal_forms:
        if any(f" {phrase} " in padded for phrase in entry.words):
            return entry.id
    return None
