"""Highlighted and commented passages of a paragraph: « note interne ? » for the candidate.

A paragraph is cut into segments at its marks. Whitespace at a cut goes with the note, so that
leaving the note out leaves the sentence around it well spaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ptce_assist.docx_import.reader import Mark

_SENTENCE_END = re.compile(r"[.!?…:;)\]]\s*$")
_SENTENCE_START = re.compile(r"^\s*(?:[A-ZÀ-ÖØ-Þ0-9«\"“(\[]|$)")


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Mark | None  # None: the candidate's text


def segments(text: str, marks: tuple[Mark, ...]) -> list[Segment]:
    """`text` cut at its marks; the segments' texts join back into `text`."""
    out: list[Segment] = []
    position = 0
    for mark in marks:
        start, end = mark.start, mark.end
        if start > position:
            out.append(Segment(text[position:start], None))
        out.append(Segment(text[start:end], mark))
        position = end
    if position < len(text):
        out.append(Segment(text[position:], None))
    return _spaces_to_notes(out)


def _spaces_to_notes(parts: list[Segment]) -> list[Segment]:
    """Move the spaces bordering a note into it: before it, or after it at the start."""
    for index, part in enumerate(parts):
        if part.mark is None:
            continue
        if index > 0 and parts[index - 1].mark is None:
            before = parts[index - 1].text
            kept = before.rstrip()
            parts[index - 1] = Segment(kept, None)
            part = Segment(before[len(kept) :] + part.text, part.mark)
        elif index + 1 < len(parts) and parts[index + 1].mark is None:
            after = parts[index + 1].text
            kept = after.lstrip()
            parts[index + 1] = Segment(kept, None)
            part = Segment(part.text + after[: len(after) - len(kept)], part.mark)
        parts[index] = part
    return [p for p in parts if p.text]


def whole_sentences(before: str, note: str, after: str) -> bool:
    """Whether `note` is made of whole sentences of its paragraph (set aside by default) or
    a few words inside a sentence (kept by default: leaving them out would break it)."""
    starts = not before.strip() or _SENTENCE_END.search(before) is not None
    ends = not after.strip() or (
        _SENTENCE_END.search(note) is not None and _SENTENCE_START.match(after) is not None
    )
    return starts and ends
