"""Undo, where it changes nothing visible, what the export's typography added.

The export writes `prepare_text(typed)`: "- item" becomes "•" + NBSP + "item", spaces before
":" or inside « » become no-break spaces. On import of the application's own export, each
line is turned back into the plainest text that `prepare_paragraph` renders identically, so
that exporting the imported text gives the same document, and the candidate gets back
ordinary spaces and "- " bullets. A candidate's own draft keeps its characters as typed.
A no-break space the typography would not have put (say "M.\u00a0Dupont") is kept.
"""

from __future__ import annotations

import re

from ptce_assist.layout.typography import prepare_paragraph

_NO_BREAK = frozenset("\u00a0\u202f")
_BULLET = re.compile(r"^\u2022[\u00a0\u202f \t]+")


def as_typed_line(line: str) -> str:
    target = prepare_paragraph(line)
    bullet = _BULLET.match(line)
    if bullet:
        candidate = "- " + line[bullet.end() :]
        if prepare_paragraph(candidate) == target:
            line = candidate
    chars = list(line)
    for index, char in enumerate(chars):
        if char in _NO_BREAK:
            chars[index] = " "
            if prepare_paragraph("".join(chars)) != target:
                chars[index] = char
    return "".join(chars)


def as_typed(text: str) -> str:
    return "\n".join(as_typed_line(line) for line in text.split("\n"))
