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
    # The line read is what the export rendered, so the typed text must render to that line
    # itself: `prepare_paragraph` is not idempotent ("-»" renders "-\u00a0»", which rendered
    # again would become a bullet).
    target = line
    bullet = _BULLET.match(line)
    if bullet:
        candidate = "- " + line[bullet.end() :]
        if prepare_paragraph(candidate) == target:
            line = candidate
    typed = ""
    for index, char in enumerate(line):
        if char in _NO_BREAK:
            rest = line[index + 1 :]
            # a plain space first; else nothing, where the typography added the space itself
            plainer = [r for r in (" ", "") if prepare_paragraph(typed + r + rest) == target]
            typed += plainer[0] if plainer else char
        else:
            typed += char
    return typed


def as_typed(text: str) -> str:
    return "\n".join(as_typed_line(line) for line in text.split("\n"))
