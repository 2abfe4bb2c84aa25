"""Wordy phrases with shorter equivalents (data: phrases.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ptce_assist.coach.data import phrases
from ptce_assist.coach.index import Term, expression_terms, index_of

DELETE = "(à supprimer)"
DE_FORMS = ("de", "du", "des", "d")


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


def _terms(pattern: str) -> tuple[Term, ...]:
    """Exact words; a final "de" also matches "du", "des" and "d'"."""
    terms = expression_terms(pattern.replace("*", ""))
    if terms and terms[-1].words == ("de",):
        terms = (*terms[:-1], Term("any", DE_FORMS))
    return terms


Candidate = tuple[tuple[Term, ...], tuple[str, ...]]


@cache
def _by_first_words() -> dict[tuple[str, str], list[Candidate]]:
    """(first word, second word) -> (terms, suggestions), longest phrases first."""
    table: dict[tuple[str, str], list[Candidate]] = {}
    for entry in phrases().phrases:
        for pattern in entry.patterns:
            terms = _terms(pattern)
            if len(terms) < 2:
                raise ValueError(f"phrases.toml : « {pattern} » doit compter au moins deux mots")
            for second in terms[1].words:
                table.setdefault((terms[0].words[0], second), []).append((terms, entry.suggestions))
    for candidates in table.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return table


def wordy_phrases(text: str) -> list[PhraseFinding]:
    index = index_of(text)
    words = index.words
    table = _by_first_words()
    findings = []
    at = 0
    while at < len(words) - 1:
        last = -1
        for terms, suggestions in table.get((words[at], words[at + 1]), ()):
            last = index.follow(terms, at, 0, joined=True)
            if last >= 0:
                start, end = index.span(at, last)
                findings.append(PhraseFinding(start, end, text[start:end], suggestions))
                break
        at = last + 1 if last >= 0 else at + 1
    return findings
