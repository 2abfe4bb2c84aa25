"""What the candidate typed -> exactly the text that is exported and measured.

`prepare_text` is the single place where typed text is turned into body text: the layout
engine measures its output and `docx_body.add_body_text` writes its output, so the counter
and the document cannot disagree on the text itself. Its rules (mirrored, character for
character, by `prepare_text` in ptce_assist/ui/rubric_editor/layout.js):

- Each "\\n" starts a new paragraph; an empty line is an empty paragraph (one line).
- Tabs and exotic spaces become a space; runs of spaces collapse to one; spaces at both ends
  of a paragraph are removed (they would only hang past the margin or shift the first word).
- Invisible characters (soft hyphen, zero-width space/joiners, BOM, control characters)
  are removed; "\r\n" and "\r" are line ends; "‐", "‑",
  "−" become "-" (the fonts lack some of them, and a missing glyph is drawn with a fallback
  font whose width depends on the machine).
- A paragraph starting with "- ", "* ", "– " or "• " is a bullet: it is written as the
  literal text "•" + NBSP + item, with no indent, so the export takes exactly the lines the
  counter predicts (a Word list style would add an indent the counter cannot see).
- French spacing: a non-breaking space (U+00A0) before ":" and inside « »; a narrow
  non-breaking space (U+202F) before ";", "!" and "?", inserted when missing. Not inside
  URLs or times ("https://", "10:30": only when the sign is followed by a space, the end of
  the paragraph or a closing sign).
- Amounts: digit groups ("100 000") are joined by U+202F and a number is tied to a following
  "€", "k€", "M€", "%", "‰" or "euros" by U+00A0, so an amount never splits across lines.
- A straight apostrophe between two letters becomes the typographic one (’).
"""

from __future__ import annotations

import re
import unicodedata

from ptce_assist.layout.metrics import load_metrics
from ptce_assist.layout.presets import Preset, get_preset

NBSP = "\u00a0"
NNBSP = "\u202f"
BULLET = "\u2022"
BULLET_PREFIX = BULLET + NBSP

# Invisible characters, and controls that XML (hence DOCX) cannot hold.
_DELETE: dict[int, str | None] = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
     0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFFFE, 0xFFFF],
    None,
)
_REPLACE: dict[int, str] = {
    ord("\t"): " ",
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
    ord("\u2010"): "-",
    ord("\u2011"): "-",
    ord("\u2212"): "-",
    ord("\u2007"): NNBSP,  # figure space: non-breaking, the fonts lack it
    **{c: " " for c in (*range(0x2000, 0x2007), 0x2008, 0x200A, 0x205F, 0x3000)},
}
_TRANSLATE: dict[int, str | None] = {**_DELETE, **_REPLACE}

_SPACES = re.compile(r" {2,}")
# An ordinary space next to a non-breaking one would be a break opportunity and a double gap.
_SPACE_BY_NBSP = re.compile(r" *([\u00a0\u202f]+) *")
_BULLET = re.compile(r"^(?:[-*\u2013\u2022])[ \u00a0\u202f]+(?=\S)")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
_OPEN_GUILLEMET = re.compile(r"\u00ab[ \u00a0\u202f]*(?=\S)")
_CLOSE_GUILLEMET = re.compile(r"(?<=\S)[ \u00a0\u202f]*\u00bb")
# A run of high punctuation after a word (letter, digit or closing sign), followed by a space,
# the end or a closing sign: "mot ?", "mot?", "mot !?", "« mot » :". Not "https://", "10:30".
_HIGH_PUNCT = re.compile(
    r"(?<=[^\W_]|[\u00bb)\]\u2019\u201d%\u20ac\u2026])[ \u00a0\u202f]*([;:!?]+)"
    r"(?=$|[ \u00a0\u202f\u00bb)\]\u201d])"
)
_DIGIT_GROUPS = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)")
_UNIT = re.compile(r"(?<=\d)[ \u00a0\u202f]+(?=(?:k€|M€|Md€|€|%|‰|euros?\b))")


def _high_punct(match: re.Match[str]) -> str:
    signs = match.group(1)
    return (NBSP if signs[0] == ":" else NNBSP) + signs


def _group_digits(match: re.Match[str]) -> str:
    return re.sub(r"[ \u00a0\u202f]", NNBSP, match.group(0))


def prepare_paragraph(paragraph: str) -> str:
    """One paragraph (no "\\n" inside) after `_clean_characters`."""
    text = _SPACES.sub(" ", paragraph).strip(" ")
    text = _BULLET.sub(BULLET_PREFIX, text)
    text = _APOSTROPHE.sub("\u2019", text)
    text = _OPEN_GUILLEMET.sub("\u00ab" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(NBSP + "\u00bb", text)
    text = _HIGH_PUNCT.sub(_high_punct, text)
    text = _DIGIT_GROUPS.sub(_group_digits, text)
    text = _UNIT.sub(NBSP, text)
    text = _SPACE_BY_NBSP.sub(r"\1", text)
    return text


def _clean_characters(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text.translate(_TRANSLATE))


def prepare_text(text: str) -> str:
    """The exported and measured body text for what the candidate typed (see module doc)."""
    paragraphs = _clean_characters(text).split("\n")
    return "\n".join(prepare_paragraph(p) for p in paragraphs)


def supported_characters(preset: Preset | str) -> frozenset[str]:
    """Characters the preset's font draws itself (plus the paragraph separator)."""
    p = get_preset(preset) if isinstance(preset, str) else preset
    # U+00A0 is drawn by Writer as a blank of the width of a space, even where the font's
    # Unicode table lacks it (Carlito).
    return frozenset(load_metrics(p.metrics_file).advances) | {NBSP, "\n"}


def unsupported_characters(text: str, preset: Preset | str) -> set[str]:
    """Characters of `prepare_text(text)` the preset's font lacks (emoji, rare scripts...).

    LibreOffice would draw them with a fallback font whose widths depend on the machine, so
    the line count cannot be exact while they remain: the editor lists them to the candidate.
    """
    known = supported_characters(preset)
    return {c for c in prepare_text(text) if c not in known}
