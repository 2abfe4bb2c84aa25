"""Repeated words: a word typed twice in a row ("le le"), and a significant word used again
and again within a few lines (same word, singular or plural)."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from ptce_assist.coach.data import rules, stopwords
from ptce_assist.coach.folding import fold

_TOKEN = re.compile(r"[^\W_]+")
RepeatKind = Literal["doublon", "proche"]


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
            f"« {self.word} » revient {self.count} fois en quelques lignes : "
            "variez ou reformulez."
        )


def _stem(word: str) -> str:
    if len(word) > 4 and word[-1] in "sx":
        return word[:-1]
    return word


def repeated_words(text: str) -> list[RepeatFinding]:
    settings = rules()
    ignored = stopwords()
    folded = fold(text)
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    findings: list[RepeatFinding] = []
    for (word, start, _), (next_word, next_start, next_end) in itertools.pairwise(tokens):
        if (
            word == next_word
            and not word.isdigit()
            and word not in ("nous", "vous")
            and folded[start:next_start].strip() == word
        ):
            findings.append(
                RepeatFinding(text[start:next_end].split()[0], "doublon", 2, ((start, next_end),))
            )
    positions: dict[str, list[int]] = defaultdict(list)
    for index, (word, start, _) in enumerate(tokens):
        if len(word) < settings.repeat_min_letters or word in ignored or word.isdigit():
            continue
        if text[start:start + 2].isupper():  # acronyms repeat by nature
            continue
        positions[_stem(word)].append(index)
    window, need = settings.repeat_window_words, settings.repeat_min_count
    for indexes in positions.values():
        cluster = _densest(indexes, window)
        if len(cluster) >= need:
            spans = tuple((tokens[i][1], tokens[i][2]) for i in cluster)
            first = tokens[cluster[0]]
            findings.append(RepeatFinding(text[first[1]:first[2]], "proche", len(cluster), spans))
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
