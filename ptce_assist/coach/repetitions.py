"""Repeated words: a word typed twice in a row ("le le"), and a significant word used again
and again within a few lines (same word, singular or plural)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ptce_assist.coach.data import rules, stopwords
from ptce_assist.coach.index import index_of

RepeatKind = Literal["doublon", "proche"]
LEGITIMATE_DOUBLES = frozenset({"nous", "vous"})


@dataclass(frozen=True, slots=True)
class RepeatFinding:
    word: str  # as first typed
    kind: RepeatKind
    count: int
    spans: tuple[tuple[int, int], ...]

    @property
    def message(self) -> str:
        if self.kind == "doublon":
            return f"« {self.word} » est écrit deux fois de suite."
        return (
            f"« {self.word} » revient {self.count} fois en quelques lignes : variez ou reformulez."
        )


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word[-1] in "sx" else word


def repeated_words(text: str) -> list[RepeatFinding]:
    settings = rules()
    ignored = stopwords()
    index = index_of(text)
    words, starts, ends = index.words, index.starts, index.ends
    findings: list[RepeatFinding] = []
    for at in range(len(words) - 1):
        word = words[at]
        if (
            word == words[at + 1]
            and not word.isdigit()
            and word not in LEGITIMATE_DOUBLES
            and not index.folded[ends[at] : starts[at + 1]].strip()
        ):
            span = (starts[at], ends[at + 1])
            findings.append(RepeatFinding(text[starts[at] : ends[at]], "doublon", 2, (span,)))
    groups: dict[str, list[int]] = {}
    for word, places in index.positions.items():
        if len(word) < settings.repeat_min_letters or word in ignored or word.isdigit():
            continue
        typed = [p for p in places if not text[starts[p] : starts[p] + 2].isupper()]  # acronyms
        groups.setdefault(_stem(word), []).extend(typed)
    window, need = settings.repeat_window_words, settings.repeat_min_count
    for places in groups.values():
        if len(places) < need:
            continue
        cluster = _densest(sorted(places), window)
        if len(cluster) >= need:
            spans = tuple((starts[p], ends[p]) for p in cluster)
            first = cluster[0]
            findings.append(
                RepeatFinding(text[starts[first] : ends[first]], "proche", len(cluster), spans)
            )
    return sorted(findings, key=lambda f: f.spans[0][0])


def _densest(indexes: list[int], window: int) -> list[int]:
    """The largest run of `indexes` that fits within `window` consecutive words."""
    best: list[int] = []
    left = 0
    for right in range(len(indexes)):
        while indexes[right] - indexes[left] >= window:
            left += 1
        if right - left + 1 > len(best):
            best = indexes[left : right + 1]
    return best
