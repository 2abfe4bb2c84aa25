"""Turning what an import found into a new dossier (the old one is never modified)."""

from __future__ import annotations

from ptce_assist.call import Call, load_call
from ptce_assist.docx_import.identity import legal_form_id, region_code
from ptce_assist.docx_import.result import ImportResult
from ptce_assist.dossier import Dossier, set_path
from ptce_assist.text import clean_text

_MULTILINE = {"structure.address"}


def resolve_identity(raw: dict[str, str], call: Call) -> tuple[dict[str, str], list[str]]:
    """Values ready for the dossier (region code, legal form id) and French notes on the
    values that could not be converted (they are left unchanged in the dossier)."""
    values: dict[str, str] = {}
    notes: list[str] = []
    for path, value in raw.items():
        if path not in _MULTILINE:
            value = " ".join(value.split())
        if path == "project.region":
            code = region_code(value, call)
            if code is None:
                notes.append(
                    f"Région « {value} » non reconnue : choisissez-la dans la page Identité."
                )
                continue
            value = code
        elif path == "structure.legal_form":
            form = legal_form_id(value, call)
            if form is None:
                notes.append(
                    f"Forme juridique « {value} » non reconnue : choisissez-la dans la page "
                    "Identité."
                )
                continue
            value = form
        values[path] = clean_text(value).text
    return values, notes


def apply_import(dossier: Dossier, result: ImportResult) -> Dossier:
    """A copy of `dossier` with the recognised identity values and rubric texts replaced.

    Rubrics and fields the draft does not contain keep their current content.
    """
    call = load_call(dossier.call_id)
    data = dossier.model_dump()
    values, _ = resolve_identity(result.identity, call)
    for path, value in values.items():
        set_path(data, path, value)
    known = set(call.rubric_ids)
    for rubric_id, text in result.rubrics.items():
        if rubric_id in known:
            data["rubrics"][rubric_id] = clean_text(text).text
    return Dossier.model_validate(data)
