"""Cleaning of text typed or pasted by users before it is stored."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

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


def thousands(number: int) -> str:
    """12345 -> "12 345" (French: a narrow no-break space between thousands)."""
    return f"{number:,}".replace(",", "\u202f")


def too_long_message(length: int) -> str:
    return (
        f"Ce texte compte {thousands(length)} caractères, au-delà des "
        f"{thousands(MAX_FIELD_CHARS)} acceptés : il n'a pas été enregistré. Raccourcissez-le "
        "(il reste affiché dans la page)."
    )


class FieldTooLong(ValueError):
    """A text over MAX_FIELD_CHARS reached the store by a way that did not check it first."""

    def __init__(self, path: str, length: int) -> None:
        super().__init__(f"{path}: {length} characters (at most {MAX_FIELD_CHARS})")
        self.path = path
        self.length = length


def oversized_field(value: Any, path: str = "") -> tuple[str, int] | None:
    """The first text in `value` (nested dicts and lists) longer than MAX_FIELD_CHARS, as
    (dotted path, length); None when every text fits."""
    if isinstance(value, str):
        return (path, len(value)) if len(value) > MAX_FIELD_CHARS else None
    items: Any = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = oversized_field(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None
