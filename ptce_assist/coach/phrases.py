"""Wordy phrases with shorter equivalents (data: phrases.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ptce_assist.coach.data import Phrase, phrases
from ptce_assist.coach.folding import fold, phrase_pattern


DELETE = "(à supprimer)"


@dataclass(frozen=True, slots=True)
class PhraseFinding:
    start: int
    end: int
    text: str  # as typed
    suggestions: tuple[str, ...]

    @property
    def message(self) -> str:
        if self.suggestions == (DELETE,):
            return f"« {self.text} » : le plus souvent, cette tournure peut être supprimée."
        shorter = " ; ".join(f"« {s} »" for s in self.suggestions if s != DELETE)
        return f"« {self.text} » : plus court, essayez {shorter}."


@cache
def _compiled() -> tuple[re.Pattern[str], tuple[Phrase, ...]]:
    entries = phrases().phrases
    groups = []
    for index, entry in enumerate(entries):
        patterns = sorted(entry.patterns, key=len, reverse=True)
        groups.append(f"(?P<p{index}>" + "|".join(phrase_pattern(p) for p in patterns) + ")")
    return re.compile("|".join(groups)), entries


def wordy_phrases(text: str) -> list[PhraseFinding]:
    regex, entries = _compiled()
    findings = []
    for match in regex.finditer(fold(text)):
        index = int((match.lastgroup or "p0")[1:])
        start, end = match.span()
        findings.append(PhraseFinding(start, end, text[start:end], entries[index].suggestions))
    return findings
