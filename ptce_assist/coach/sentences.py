"""Sentences of a French text with their offsets (for highlighting without re-rendering).

A sentence ends at ".", "!", "?" or "…" followed by a space and a capital, a digit or an
opening sign, and at every line end (a bullet list item is a sentence). "M. Dupont", "etc. et",
"n° 3" or "p. ex." do not end a sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ptce_assist.folding import fold_in_place

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_END = re.compile(r"[.!?…]+[»\")\]]*(?=\s+[«\"(\[\-–•*]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_ABBREVIATIONS = frozenset(
    {
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "st",
        "ste",
        "art",
        "cf",
        "ex",
        "p",
        "pp",
        "n",
        "no",
        "vol",
        "chap",
        "av",
        "bd",
        "env",
        "min",
        "max",
        "fig",
        "tel",
        "hab",
        "sq",
    }
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    words: int


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    match = _LAST_WORD.search(line, max(0, dot - 12), dot)
    if match is None:
        return False
    word = fold_in_place(match.group(1))
    # A single capital ("J. Martin") is an initial; known abbreviations do not end sentences.
    return word in _ABBREVIATIONS or (len(match.group(1)) == 1 and match.group(1).isupper())


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            _split_line(line, offset, sentences)
        offset += len(line) + 1
    return sentences


def _split_line(line: str, offset: int, sentences: list[Sentence]) -> None:
    word_starts = [m.start() for m in WORD.finditer(line)]
    start = 0
    for end_match in _END.finditer(line):
        if _is_abbreviation(line, end_match.start()):
            continue
        _add(sentences, line, offset, start, end_match.end(), word_starts)
        start = end_match.end()
    _add(sentences, line, offset, start, len(line), word_starts)


def _add(
    sentences: list[Sentence], line: str, offset: int, start: int, end: int, word_starts: list[int]
) -> None:
    words = bisect.bisect_left(word_starts, end) - bisect.bisect_left(word_starts, start)
    if not words:
        return
    piece = line[start:end]
    stripped = piece.strip()
    begin = offset + start + len(piece) - len(piece.lstrip())
    sentences.append(Sentence(begin, begin + len(stripped), stripped, words))
