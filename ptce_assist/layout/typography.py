"""What the candidate typed -> exactly the text that is exported and measured.

`prepare_text` is the single place where typed text is turned into body text: the layout
engine measures its output and `docx_body.add_body_text` writes its output, so the counter
and the document cannot disagree on the text itself. Its rules (mirrored, character for
character, by `prepareText` in static/ptce/layout.js, which receives the tables and patterns
below as data: `browser_rules`):

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
from typing import Any

from ptce_assist.layout.metrics import load_metrics
from ptce_assist.layout.presets import Preset, get_preset

NBSP = "\u00a0"
NNBSP = "\u202f"
BULLET = "\u2022"
BULLET_PREFIX = BULLET + NBSP

# Invisible characters, and controls that XML (hence DOCX) cannot hold.
_DELETE: dict[int, str | None] = dict.fromkeys(
    [
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        *range(0x7F, 0xA0),
        0xAD,
        0x200B,
        0x200C,
        0x200D,
        0x2060,
        0xFEFF,
        0xFFFE,
        0xFFFF,
    ],
    None,
)
_REPLACE: dict[int, str] = {
    ord("\t"): " ",
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
    ord("\u2010"): "-",
    ord("\u2011"): "-",
    ord("\u2212"): "-",
    ord("\r"): "\n",
    ord("\u2007"): NNBSP,  # figure space: non-breaking, the fonts lack it
    **{c: " " for c in (*range(0x2000, 0x2007), 0x2008, 0x200A, 0x205F, 0x3000)},
}
_TRANSLATE: dict[int, str | None] = {**_DELETE, **_REPLACE}

# Explicit character sets rather than \w, \d, \s, \b (JavaScript reads those as ASCII) and
# scans anchored on the rare sign (fast) rather than look-behinds: layout.js runs the very
# same steps and must give the very same text.
_LETTER = "A-Za-z\u00b5\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
SPACE_LIKE = " \u00a0\u202f"
_IS_LETTER = re.compile(f"[{_LETTER}]")
_IS_WORD_END = re.compile(f"[{_LETTER}0-9\u00bb)\\]\u2019\u201d%\u20ac\u2026]")
_PUNCT_FOLLOWER = SPACE_LIKE + "\n\u00bb)]\u201d"

_NEEDS_TRANSLATE = re.compile("[" + "".join(f"\\u{c:04x}" for c in sorted(_TRANSLATE)) + "]")
_SPACES = re.compile(r" {2,}")
_BULLET = re.compile(f"[-*\u2013\u2022][{SPACE_LIKE}]+(?=[^{SPACE_LIKE}])")
_APOSTROPHE = re.compile(f"'(?=[{_LETTER}])")
_OPEN_GUILLEMET = re.compile(f"\u00ab[{SPACE_LIKE}]*(?=[^{SPACE_LIKE}\n])")
_CLOSE_GUILLEMET = re.compile("\u00bb")
_HIGH_PUNCT = re.compile("[;:!?]+")
_DIGIT_GROUPS = re.compile(f"[0-9]{{1,3}}(?:[{SPACE_LIKE}][0-9]{{3}})+(?![0-9])")
_DIGIT_SEPARATOR = re.compile(f"[{SPACE_LIKE}]")
_UNIT = re.compile(f"k€|M€|Md€|€|%|‰|euros?(?![{_LETTER}0-9_])")
_NO_BREAK_RUN = re.compile("[\u00a0\u202f]+")

Span = tuple[int, int, str]


def _splice(text: str, spans: list[Span]) -> str:
    """Replace non-overlapping (start, end, replacement) spans, in order."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end, replacement in spans:
        pieces += (text[pos:start], replacement)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def _spaces_before(text: str, index: int, floor: int = 0) -> int:
    """Start of the run of spaces (of any kind) that ends at `index`."""
    while index > floor and text[index - 1] in SPACE_LIKE:
        index -= 1
    return index


def _apostrophes(text: str) -> str:
    # ' between two letters (the look-behind is checked by hand).
    spans = [
        (m.start(), m.end(), "\u2019")
        for m in _APOSTROPHE.finditer(text)
        if m.start() > 0 and _IS_LETTER.match(text, m.start() - 1)
    ]
    return _splice(text, spans)


def _close_guillemets(text: str) -> str:
    spans: list[Span] = []
    for m in _CLOSE_GUILLEMET.finditer(text):
        start = _spaces_before(text, m.start())
        if start > 0 and text[start - 1] != "\n":
            spans.append((start, m.end(), NBSP + "\u00bb"))
    return _splice(text, spans)


def _high_punctuation(text: str) -> str:
    spans: list[Span] = []
    for m in _HIGH_PUNCT.finditer(text):
        if m.end() < len(text) and text[m.end()] not in _PUNCT_FOLLOWER:
            continue  # "https://", "10:30", "a:b" stay as typed
        start = _spaces_before(text, m.start())
        if start > 0 and _IS_WORD_END.match(text, start - 1):
            space = NBSP if m.group()[0] == ":" else NNBSP
            spans.append((start, m.end(), space + m.group()))
    return _splice(text, spans)


def _digit_groups(text: str) -> str:
    spans: list[Span] = []
    pos = 0
    while (m := _DIGIT_GROUPS.search(text, pos)) is not None:
        if m.start() > 0 and text[m.start() - 1] in "0123456789,.":
            pos = m.start() + 1  # inside a longer number: not a group of thousands
            continue
        spans.append((m.start(), m.end(), _DIGIT_SEPARATOR.sub(NNBSP, m.group())))
        pos = m.end()
    return _splice(text, spans)


def _units(text: str) -> str:
    spans: list[Span] = []
    floor = 0
    for m in _UNIT.finditer(text):
        start = _spaces_before(text, m.start(), floor)
        if start < m.start() and start > 0 and text[start - 1] in "0123456789":
            spans.append((start, m.start(), NBSP))
        floor = m.end()
    return _splice(text, spans)


def _spaces_by_no_break(text: str) -> str:
    spans: list[Span] = []
    floor = 0
    for m in _NO_BREAK_RUN.finditer(text):
        start = m.start()
        while start > floor and text[start - 1] == " ":
            start -= 1
        end = m.end()
        while end < len(text) and text[end] == " ":
            end += 1
        if (start, end) != m.span():
            spans.append((start, end, m.group()))
        floor = end
    return _splice(text, spans)


def _line(line: str) -> str:
    line = line.strip(" ")
    bullet = _BULLET.match(line)
    return BULLET_PREFIX + line[bullet.end() :] if bullet else line


def _clean_characters(text: str) -> str:
    text = text.replace("\r\n", "\n")
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def prepare_text(text: str) -> str:
    """The exported and measured body text for what the candidate typed (see module doc).

    Each step works on the whole text and never across a "\n"; `prepareText` in layout.js
    runs the same steps in the same order.
    """
    text = _clean_characters(text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = "\n".join(_line(line) for line in text.split("\n"))
    if "'" in text:
        text = _apostrophes(text)
    if "\u00ab" in text:
        text = _OPEN_GUILLEMET.sub("\u00ab" + NBSP, text)
    if "\u00bb" in text:
        text = _close_guillemets(text)
    text = _high_punctuation(text)
    text = _digit_groups(text)
    text = _units(text)
    if NBSP in text or NNBSP in text:
        text = _spaces_by_no_break(text)
    return text


def browser_rules() -> dict[str, Any]:
    """The tables and patterns `prepareText` in layout.js runs, as data (one source)."""
    return {
        "translate": {str(code): value or "" for code, value in sorted(_TRANSLATE.items())},
        "letter": _LETTER,
        "space_like": SPACE_LIKE,
        "punct_follower": _PUNCT_FOLLOWER,
        "bullet_prefix": BULLET_PREFIX,
        "patterns": {
            name: pattern.pattern
            for name, pattern in (
                ("is_letter", _IS_LETTER),
                ("is_word_end", _IS_WORD_END),
                ("spaces", _SPACES),
                ("bullet", _BULLET),
                ("apostrophe", _APOSTROPHE),
                ("open_guillemet", _OPEN_GUILLEMET),
                ("close_guillemet", _CLOSE_GUILLEMET),
                ("high_punct", _HIGH_PUNCT),
                ("digit_groups", _DIGIT_GROUPS),
                ("digit_separator", _DIGIT_SEPARATOR),
                ("unit", _UNIT),
                ("no_break_run", _NO_BREAK_RUN),
            )
        },
    }


def prepare_paragraph(paragraph: str) -> str:
    """`prepare_text` of one paragraph (a text without "\\n")."""
    return prepare_text(paragraph)


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
