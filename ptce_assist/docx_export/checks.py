"""What the candidate should know before downloading the DOCX (French)."""

from __future__ import annotations

from ptce_assist import volumes
from ptce_assist.budget.unreadable import count_words, left_out
from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import DEFAULT_PRESET, PRESETS, get_preset
from ptce_assist.layout.typography import unsupported_characters
from ptce_assist.plaintext import MISSING_MARKER, export_sections
from ptce_assist.progress import missing_identity_fields


def export_warnings(dossier: Dossier, *, layout: str | None = None) -> list[str]:
    call = load_call(dossier.call_id)
    warnings: list[str] = []
    if layout is None and dossier.layout not in PRESETS:
        warnings.append(
            f"La mise en page « {dossier.layout} » est inconnue : le document utilise "
            f"« {get_preset(DEFAULT_PRESET).label} »."
        )
    preset = get_preset(layout if layout in PRESETS else volumes.effective_preset(dossier))
    labels = {f.path: f.label for f in call.identity_fields}
    missing = missing_identity_fields(dossier, call)
    if missing:
        warnings.append(
            "Identité incomplète : "
            + ", ".join(f"« {labels[p]} »" for p in missing)
            + " (ces cases resteront vides dans le document)."
        )
    warnings.extend(budget_warnings(dossier))
    for section in export_sections(dossier, call):
        name = section.rubric.short_fr
        if section.text is None:
            warnings.append(
                f"La rubrique « {name} » est obligatoire mais vide : le document l'indique "
                f"par « {MISSING_MARKER} ». Tout dossier incomplet ne sera pas recevable."
            )
            continue
        used = volumes.line_count(section.text, preset.id)
        allowed = volumes.allowed_lines(section.rubric, preset.id)
        if used > allowed:
            warnings.append(
                f"La rubrique « {name} » dépasse sa limite ({section.rubric.limit_label}) : "
                f"{used} lignes pour {allowed} en {preset.label}."
            )
        odd = unsupported_characters(section.text, preset)
        if odd:
            shown = " ".join(sorted(odd)[:8])
            warnings.append(
                f"La rubrique « {name} » contient des caractères que la police ne dessine pas "
                f"({shown}) : le nombre de lignes du document peut différer du compteur."
            )
    return warnings


def over_limit_rubrics(dossier: Dossier, *, layout: str | None = None) -> list[str]:
    """The short names of the rubrics whose text exceeds their limit in the export's layout."""
    call = load_call(dossier.call_id)
    preset = get_preset(layout if layout in PRESETS else volumes.effective_preset(dossier))
    return [
        section.rubric.short_fr
        for section in export_sections(dossier, call)
        if section.text is not None
        and volumes.line_count(section.text, preset.id)
        > volumes.allowed_lines(section.rubric, preset.id)
    ]


def budget_warnings(dossier: Dossier) -> list[str]:
    """Amounts typed on the budget page that the annex cannot count."""
    cells = left_out(dossier.budget)
    if not cells:
        return []
    places = " ; ".join(cell.place for cell in cells)
    them = "le" if len(cells) == 1 else "les"
    effect = (
        "l'annexe budgétaire n'est pas jointe (aucun montant compris)"
        if dossier.budget.is_empty()
        else f"les totaux de l'annexe budgétaire ne {them} comptent pas"
    )
    return [
        f"Budget : {count_words(len(cells))} ({places}) : {effect}. Corrigez-{them} dans la "
        "page « Budget prévisionnel »."
    ]
