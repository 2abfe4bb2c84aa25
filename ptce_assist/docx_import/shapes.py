"""What a paragraph looks like, as a reader sees it: a heading or body text, and how strong.

A heading names a rubric when its words do and it is shaped as a heading (styled, bold,
italic, underlined, in capitals, larger, numbered, or a short line on its own). A heading that
names no rubric closes the rubric above it only when it looks at least as strong as that
rubric's heading: a bold sub-title under "Heading 1" titles is part of the rubric. Under the
template's labels typed without formatting, the candidate's bold or italic lines are the
answer's own sub-titles; only a styled heading (Word's "Heading" styles) closes the rubric.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptce_assist.docx_import.heading_text import numbering_family
from ptce_assist.docx_import.matching import NEAR_EXACT, HeadingMatch
from ptce_assist.docx_import.reader import Para

MAX_BOUNDARY_CHARS = 150
MAX_BOUNDARY_WORDS = 15
MAX_PLAIN_TITLE_WORDS = 6
_FORMATTED_MIN = 0.75
_KEYWORD_COVERAGE = 1 / 2  # half of a heading's words name the rubric: it is about it
_FEATURES = ("caps", "bold", "italic", "bigger")


@dataclass(frozen=True)
class Look:
    outline: int | None  # heading level of its style (0 = "Heading 1")
    numbering: str | None  # family of its typed numbering ("decimal", "roman", ...)
    caps: bool
    bold: bool
    italic: bool  # italic or underlined
    bigger: bool


def look_of(p: Para) -> Look:
    return Look(
        outline=p.outline_level,
        numbering=None if p.list_prefix else numbering_family(p.text),
        caps=p.caps,
        bold=p.all_bold or bool(p.bold_prefix.strip()),
        italic=p.all_italic or p.all_underline,
        bigger=p.bigger,
    )


def weaker(line: Look, heading: Look) -> bool:
    """Whether `line` looks like a sub-title of `heading` rather than its sibling."""
    if heading.outline is not None:
        return line.outline is None or line.outline > heading.outline
    if line.outline is not None:
        return False
    if heading.numbering is not None and line.numbering != heading.numbering:
        return True
    return any(getattr(heading, f) and not getattr(line, f) for f in _FEATURES)


def plain(look: Look) -> bool:
    """A heading recognised by its words only (the template's plain labels): its look says
    nothing of how the candidate marks sub-titles."""
    return (
        look.outline is None
        and look.numbering is None
        and not any(getattr(look, f) for f in _FEATURES)
    )


def formatted(p: Para) -> bool:
    return (
        p.outline_level is not None
        or p.all_bold
        or p.all_italic
        or p.all_underline
        or p.caps
        or p.bigger
    )


def numbered(p: Para) -> bool:
    """Numbered by hand ("3.", "II -", "A)"): an item of a Word list is a list item."""
    return not p.list_prefix and numbering_family(p.text) is not None


def heading_like(p: Para) -> bool:
    """Shaped as a heading: styled, or a short formatted or numbered line, not a sentence."""
    text = p.text.strip()
    if not text or len(text) > MAX_BOUNDARY_CHARS or "\n" in text:
        return False
    if p.outline_level is not None:
        return True
    if len(text.split()) > MAX_BOUNDARY_WORDS or text[0] in '«"“(':
        return False
    if text.endswith((".", ";", ",")) and not text.endswith("..."):
        return False
    return formatted(p) or numbered(p)


def plain_title(text: str) -> bool:
    """A short line on its own, as a title is typed: "Actions engagées", "Budget :"."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= MAX_PLAIN_TITLE_WORDS
        and len(stripped) <= 80
        and not stripped.endswith((".", ";", ",", "!", "?"))
        and (stripped[0].isupper() or stripped[0].isdigit())
    )


def names_rubric(match: HeadingMatch | None, text: str, *, shaped: bool) -> bool:
    """Whether a line (`shaped`: formatted or numbered as a heading) names `match`'s rubric."""
    if match is None:
        return False
    if match.score >= NEAR_EXACT:
        return True
    if match.by_keyword:
        return match.coverage >= _KEYWORD_COVERAGE and (shaped or plain_title(text))
    return shaped and match.score >= _FORMATTED_MIN
