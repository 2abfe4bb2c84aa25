"""Cleaning of text typed or pasted by users before it is stored."""

from __future__ import annotations

import re
from typing import NamedTuple

# C0/C1 controls except tab and newline, plus lone surrogates: none can go into a DOCX (XML
# 1.0) nor a PostgreSQL text column, and none is visible to the person who typed them.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

MAX_FIELD_CHARS = 2_000_000
"""Largest text one field accepts (a rubric page holds ~5,000 characters)."""


class CleanText(NamedTuple):
    text: str
    removed: int  # how many invisible characters were dropped


def clean_text(raw: str) -> CleanText:
    """Normalise line ends and drop characters that cannot be stored or exported."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _FORBIDDEN.subn("", text)
    return CleanText(text, removed)


def removed_message(removed: int) -> str:
    if removed == 1:
        return "Un caractère invisible (caractère de contrôle) a été retiré du texte."
    return f"{removed} caractères invisibles (caractères de contrôle) ont été retirés du texte."


def too_long_message(length: int) -> str:
    return (
        f"Ce texte compte {length:,} caractères, au-delà des {MAX_FIELD_CHARS:,} acceptés : "
        "il n'a pas été enregistré. Raccourcissez-le (il reste affiché dans la page)."
    ).replace(",", "\u202f")
