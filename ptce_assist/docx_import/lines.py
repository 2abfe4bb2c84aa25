"""Lines that are not the candidate's answer: the template's own sentences, a limit typed
alone, a placeholder, a table of contents, a closing formula and signature, an annex title."""

from __future__ import annotations

import re

from ptce_assist.call import Call
from ptce_assist.docx_import.matching import MAX_HEADING_CHARS
from ptce_assist.docx_import.vocabulary import load_vocabulary
from ptce_assist.folding import fold_spaced, words
from ptce_assist.plaintext import DOCUMENT_TITLE, MISSING_MARKER

_TEMPLATE: dict[tuple[str, int], frozenset[str]] = {}
_LIMIT_ALONE = re.compile(
    r"^\(?\s*(?:limite\s*:?\s*)?(?:en\s+|sur\s+)?"
    r"(?:\d+(?:[.,/]\d+)?|une?|deux|trois|quinze|demi)(?:[\s-]+demi)?[\s-]*(?:pages?|lignes?)"
    r"\s*(?:maximum|max\.?|maxi)?\s*(?:au\s+(?:maximum|plus))?"
    r"\s*(?:[-,]\s*possibilite d.ajouter.*)?\)?[\s.]*$"
)
_TOC_STYLE = re.compile(r"^(?:toc|tm|table des matieres|table of contents)\s*\d", re.I)
_PAGE_NUMBER = re.compile(r"\S(?:\s*(?:\.\s?){3,}|\s*…{2,}|\t+|\s*(?:…\s?)+\.*)\s*\d{1,3}\s*$")
_CLOSING_PLACE = re.compile(r"^a [a-z' -]{2,40},? le \d")
MAX_SIGNATURE_WORDS = 8
MAX_SIGNATURE_CHARS = 80


def _template_lines(call: Call) -> frozenset[str]:
    key = (call.id, call.version)
    if key not in _TEMPLATE:
        lines = {
            call.concision_quote,
            call.no_annex_quote,
            DOCUMENT_TITLE,
            call.title,
            call.optional_rubrics_policy.quote,
            MISSING_MARKER,
        }
        for rubric in call.rubrics:
            lines.add(rubric.limit_label)
            if rubric.prefix:
                lines.add(rubric.prefix)
            if rubric.limit_note:
                lines.add(rubric.limit_note)
        folded = {words(line) for line in lines}
        folded.update(load_vocabulary(call.id).lines.template)
        _TEMPLATE[key] = frozenset(folded)
    return _TEMPLATE[key]


def is_template(text: str, call: Call) -> bool:
    """One of the template's own lines (the call's sentences, its title, the missing marker)."""
    if len(text) > 2 * MAX_HEADING_CHARS:  # the template's sentences are shorter
        return False
    return words(text) in _template_lines(call)


def is_limit_alone(text: str) -> bool:
    """ "(2 pages maximum)", "15 lignes max.", "(1/2 page)": a limit typed on its own line."""
    return len(text) <= 300 and _LIMIT_ALONE.match(fold_spaced(text)) is not None


def is_dossier_title(text: str, call: Call) -> bool:
    """A short line saying the document is a dossier for this call ("Dossier de candidature
    AMI PTCE 2024")."""
    folded = f" {words(text)} "
    return len(folded.split()) <= 12 and any(
        f" {phrase} " in folded for phrase in load_vocabulary(call.id).lines.dossier_titles
    )


def is_placeholder(text: str, call: Call) -> bool:
    """ "À compléter", "[à rédiger]": the rubric is still to be written."""
    return len(text) <= 60 and words(text) in load_vocabulary(call.id).lines.placeholders


def is_sommaire_title(text: str, call: Call) -> bool:
    return len(text) <= 60 and words(text) in load_vocabulary(call.id).lines.sommaire


def is_toc_entry(text: str, style: str) -> bool:
    """A line of a table of contents: Word's TOC styles, or a title, leaders and a page."""
    if _TOC_STYLE.match(fold_spaced(style)):
        return True
    return len(text) <= MAX_HEADING_CHARS and _PAGE_NUMBER.search(text.rstrip()) is not None


def is_closing(text: str, call: Call) -> bool:
    """ "Fait à La Châtre, le 2 septembre 2024", "À Crest, le 3 mars 2024"."""
    if len(text) > 120:
        return False
    folded = words(text)
    starts = load_vocabulary(call.id).lines.closing
    return any(folded.startswith(f"{s} ") for s in starts) or bool(
        _CLOSING_PLACE.match(fold_spaced(text))
    )


def is_short_line(text: str) -> bool:
    """Short enough to be a line of a signature block ("La présidente,", a name)."""
    stripped = text.strip()
    if len(stripped) > MAX_SIGNATURE_CHARS or len(stripped.split()) > MAX_SIGNATURE_WORDS:
        return False
    return not stripped.endswith((".", ";", "!", "?")) or stripped.endswith("...")


def is_signature_start(text: str, call: Call) -> bool:
    """ "La présidente,", "Signature du représentant légal :" (a short line)."""
    if not is_short_line(text):
        return False
    folded = words(text)
    starts = load_vocabulary(call.id).lines.signature
    return any(folded == s or folded.startswith(f"{s} ") for s in starts)


def is_annex_title(text: str) -> bool:
    """ "Annexe : budget prévisionnel", "ANNEXE 2 - Statuts": an annex closes the rubrics."""
    return len(text) <= 200 and words(text).startswith("annexe")
