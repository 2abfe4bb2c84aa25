""" "What changed since the last workshop": rubric texts then and now, as a readable text diff.

The diff works sentence by sentence (a rubric is a few long paragraphs: a line diff would show
whole paragraphs), and is plain text meant for `st.text`/`st.code`, never HTML.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")

REMOVED = "− "
ADDED = "+ "
KEPT = "  "


@dataclass(frozen=True)
class RubricChange:
    rubric_id: str
    label: str
    before: str
    after: str
    diff: str

    @property
    def summary(self) -> str:
        if not self.before.strip():
            return "rubrique commencée"
        if not self.after.strip():
            return "rubrique vidée"
        delta = len(self.after) - len(self.before)
        sign = "+" if delta >= 0 else "−"
        return f"modifiée ({sign}{abs(delta)} caractères)"


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def readable_diff(before: str, after: str, context: int = 1) -> str:
    """Removed sentences marked "− ", added ones "+ ", `context` unchanged ones around them."""
    old, new = sentences(before), sentences(after)
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append("  […]")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(KEPT + s for s in old[i1:i2])
                continue
            if tag in ("replace", "delete"):
                lines.extend(REMOVED + s for s in old[i1:i2])
            if tag in ("replace", "insert"):
                lines.extend(ADDED + s for s in new[j1:j2])
    return "\n".join(lines)


def changes_since(then: Mapping[str, str], now: Dossier, call: Call) -> list[RubricChange]:
    """Rubrics whose text differs between `then` (texts at the reference moment) and now."""
    found: list[RubricChange] = []
    for rubric in call.rubrics:
        before, after = then.get(rubric.id, ""), now.rubric_text(rubric.id)
        if before.strip() == after.strip():
            continue
        found.append(
            RubricChange(rubric.id, rubric.short_fr, before, after, readable_diff(before, after))
        )
    return found
