"""Readability of French text: the Flesch reading ease adapted by Kandel and Moles.

textstat 0.7.13 has no separate Kandel-Moles function: with the language "fr" its
`flesch_reading_ease` uses Kandel and Moles' constants (207 - 1.015 x words per sentence
- 73.6 x syllables per word), syllables counted with pyphen's French dictionary. The coach
uses a private textstat instance set to "fr" (the language setting is never shared with other
code) to count words and syllables paragraph by paragraph, cached, so that a rerun after an
edit only recounts the edited paragraph; sentences are the coach's own (a list item is a
sentence, where textstat only knows ".", "!" and "?"). The formula's constants are textstat's
own for "fr"; a test checks they are Kandel and Moles' published ones (207, 1.015, 73.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import textstat
from textstat.backend.utils import get_lang_cfg

from ptce_assist.coach.data import rules
from ptce_assist.coach.sentences import Sentence

FORMULA = "Flesch adapté au français par Kandel et Moles (textstat, langue « fr »)"
LANG = "fr"

_FRENCH: Any = type(textstat.textstat)()
_FRENCH.set_lang(LANG)
BASE = float(get_lang_cfg(LANG, "fre_base"))
PER_SENTENCE_WORD = float(get_lang_cfg(LANG, "fre_sentence_length"))
PER_SYLLABLE = float(get_lang_cfg(LANG, "fre_syll_per_word"))


@dataclass(frozen=True, slots=True)
class Readability:
    score: float | None  # None: too short to mean anything
    band: str


def band_of(score: float) -> str:
    for band in rules().readability_bands:
        if score >= band.min:
            return band.label
    return rules().readability_bands[-1].label


@lru_cache(maxsize=1024)
def _counts(paragraph: str) -> tuple[int, int]:
    """(words, syllables) of one paragraph, as textstat counts them."""
    return int(_FRENCH.lexicon_count(paragraph)), int(_FRENCH.syllable_count(paragraph))


def kandel_moles(words: int, sentences: int, syllables: int) -> float:
    return BASE - PER_SENTENCE_WORD * words / sentences - PER_SYLLABLE * syllables / words


def readability(text: str, sentences: list[Sentence]) -> Readability:
    if sum(s.words for s in sentences) < rules().readability_min_words:
        return Readability(None, "texte trop court pour un indice fiable")
    words = syllables = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            counted_words, counted_syllables = _counts(paragraph)
            words += counted_words
            syllables += counted_syllables
    if not words:
        return Readability(None, "texte trop court pour un indice fiable")
    score = round(kandel_moles(words, len(sentences), syllables), 1)
    return Readability(score, band_of(score))
