"""A word-level comparison of two versions of a French text, for the history of a field.

Words (accented letters, digits, elided forms such as « l'équipe » split after the
apostrophe), spaces and punctuation are compared as tokens; the result is a list of segments,
each kept, added or removed, which the page shows with more than colour (underlined or struck
through, and named for screen readers).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["same", "added", "removed"]

_TOKEN = re.compile(r"\w+['’]?|\s+|[^\w\s]", re.UNICODE)
MAX_TOKENS = 60_000
"""Above this many tokens a side, compare paragraph by paragraph (word diffs are quadratic in
the worst case)."""


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[Segment]:
    """What changed from `before` to `after`, word by word; adjacent segments merged."""
    left, right = tokens(before), tokens(after)
    if max(len(left), len(right)) > MAX_TOKENS:
        left, right = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(segments, "same", "".join(left[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            _add(segments, "removed", "".join(left[i1:i2]))
        if tag in ("insert", "replace"):
            _add(segments, "added", "".join(right[j1:j2]))
    return segments


def _add(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def counts(segments: list[Segment]) -> tuple[int, int]:
    """Words added and removed."""

    def words(op: Op) -> int:
        return sum(len(re.findall(r"\w+", s.text)) for s in segments if s.op == op)

    return words("added"), words("removed")
