"""A text cut into folded words once, shared by the coach's detectors.

Words are runs of letters and digits of the folded text (apostrophes, hyphens and spaces
separate them), with their offsets in the original text. Expressions of the data files are
matched word by word: a term is an exact word, a prefix ("emploi*"), a word with an optional
plural ending, or one of a few words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from ptce_assist.folding import fold_in_place, fold_word

_TOKEN = re.compile(r"[^\W_]+")
TermKind = Literal["exact", "prefix", "plural", "any"]
PLURAL_ENDINGS = ("", "s", "x", "es")


@dataclass(frozen=True, slots=True)
class Term:
    kind: TermKind
    words: tuple[str, ...]  # one word, or the choices of "any"

    def matches(self, word: str) -> bool:
        if self.kind == "prefix":
            return word.startswith(self.words[0])
        if self.kind == "plural":
            stem = self.words[0]
            return word.startswith(stem) and word[len(stem) :] in PLURAL_ENDINGS
        return word in self.words


def expression_terms(expression: str) -> tuple[Term, ...]:
    """ "creat* emploi*" -> prefix terms; other words are exact."""
    terms = []
    for word in re.findall(r"[^\W_]+\*?", fold_in_place(expression)):
        if word.endswith("*"):
            terms.append(Term("prefix", (fold_word(word[:-1]),)))
        else:
            terms.append(Term("exact", (fold_word(word),)))
    return tuple(terms)


def plural_terms(phrase: str) -> tuple[Term, ...]:
    """A spelled-out form: each word may take a plural ending."""
    return tuple(Term("plural", (fold_word(w),)) for w in _TOKEN.findall(fold_in_place(phrase)))


@dataclass(frozen=True)
class TextIndex:
    text: str
    folded: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    positions: dict[str, list[int]] = field(repr=False)
    vocabulary: tuple[str, ...] = field(repr=False)  # sorted distinct words

    def term_positions(self, term: Term) -> list[int]:
        if term.kind in ("exact", "any"):
            found = [p for w in term.words for p in self.positions.get(w, ())]
            return sorted(found) if len(term.words) > 1 else found
        stem = term.words[0]
        found = []
        at = bisect.bisect_left(self.vocabulary, stem)
        while at < len(self.vocabulary) and self.vocabulary[at].startswith(stem):
            word = self.vocabulary[at]
            if term.matches(word):
                found.extend(self.positions[word])
            at += 1
        return sorted(found)

    def follow(self, terms: Sequence[Term], first: int, gap: int, joined: bool = False) -> int:
        """Index of the last word if `terms` match from word `first` (up to `gap` other words
        between two terms; `joined`: only spaces, apostrophes or hyphens between); else -1."""
        at = first
        for term in terms[1:]:
            for step in range(1, gap + 2):
                nxt = at + step
                if nxt >= len(self.words):
                    return -1
                if term.matches(self.words[nxt]):
                    if joined and self.folded[self.ends[nxt - 1] : self.starts[nxt]].strip(" '-"):
                        return -1
                    at = nxt
                    break
                if joined:
                    return -1
            else:
                return -1
        return at

    def find(self, terms: Sequence[Term], gap: int = 0, *, joined: bool = False) -> tuple[int, int]:
        """(first word, last word) of the first occurrence of `terms`, or (-1, -1)."""
        for first in self.term_positions(terms[0]):
            last = self.follow(terms, first, gap, joined)
            if last >= 0:
                return first, last
        return -1, -1

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.ends[last]


@lru_cache(maxsize=64)
def index_of(text: str) -> TextIndex:
    folded = fold_in_place(text)
    spans = [m.span() for m in _TOKEN.finditer(folded)]
    words = _TOKEN.findall(folded)
    if "œ" in folded or "æ" in folded:  # the data spells ligatures out
        words = [w.replace("œ", "oe").replace("æ", "ae") for w in words]
    positions: dict[str, list[int]] = {}
    for number, word in enumerate(words):
        positions.setdefault(word, []).append(number)
    return TextIndex(
        text=text,
        folded=folded,
        words=tuple(words),
        starts=tuple(s for s, _ in spans),
        ends=tuple(e for _, e in spans),
        positions=positions,
        vocabulary=tuple(sorted(positions)),
    )
