"""Accent- and case-insensitive matching over French text, with excerpts of the text as typed
(the folding itself is `ptce_assist.folding`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ptce_assist.eligibility.lexicon import french
from ptce_assist.folding import fold, fold_with_index


def words_key(text: str) -> str:
    """A comparison key for names: folded; hyphens, apostrophes and punctuation as single
    spaces, so that an elided article stays a word of its own (« l'Épeule » -> « l epeule »)."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def excerpt(text: str, start: int, end: int, width: int = 50) -> str:
    """The matched passage of `text` with some context, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    passage = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + passage + ("…" if right < len(text) else "")


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentences(text: str) -> list[str]:
    """The sentences (and lines) of a text, as typed."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def excerpt_folded(text: str, start: int, end: int, width: int = 50) -> str:
    """`excerpt` for a span of `fold(text)` (positions mapped back to the text as typed)."""
    _, index = fold_with_index(text)
    if index is not None:
        start, end = index[start], index[end - 1] + 1
    return excerpt(text, start, end, width)


def contains_phrase(folded_text_key: str, phrase: str) -> bool:
    """Whether the words of `phrase` appear, in order and whole, in a `words_key` text."""
    key = words_key(phrase)
    return bool(key) and f" {key} " in f" {folded_text_key} "


def any_keyword(text: str, keywords: Iterable[str]) -> bool:
    """Whether one of the (already folded) keywords appears as whole words in `text`."""
    folded = fold(text)
    return any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", folded) for k in keywords)


def place_key(text: str) -> str:
    """`words_key` with abbreviations written out: « St-Herblain » -> « saint herblain »."""
    abbreviations = french().abbreviations
    return " ".join(abbreviations.get(word, word) for word in words_key(text).split())


def names_place(text_key: str, name: str) -> bool:
    """Whether the place `name` is named in a `place_key` text, with or without its leading
    article or generic word (« L'Épeule – Alma », « quartier de l'Épeule – Alma »)."""
    words = place_key(name).split()
    leading = set(french().places.leading_words)
    variants = {" ".join(words)}
    while len(words) > 1 and words[0] in leading:
        words = words[1:]
        variants.add(" ".join(words))
    return any(v and f" {v} " in f" {text_key} " for v in variants)
