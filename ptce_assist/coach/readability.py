"""Readability of French text: the Flesch reading ease adapted by Kandel and Moles.

textstat 0.7.13 has no separate Kandel-Moles function: with the language "fr" its
`flesch_reading_ease` uses Kandel and Moles' constants (207 - 1.015 x words per sentence
- 73.6 x syllables per word), syllables counted with pyphen's French dictionary. A private
textstat instance is used so that the language setting is never shared with other code.
textstat counts sentences at ".", "!" and "?" only: it is given the coach's own sentences (a
list item is a sentence) joined with periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import textstat

from ptce_assist.coach.data import rules
from ptce_assist.coach.sentences import Sentence

FORMULA = "Flesch adapté au français par Kandel et Moles (textstat, langue « fr »)"

_FRENCH: Any = type(textstat.textstat)()
_FRENCH.set_lang("fr")


@dataclass(frozen=True, slots=True)
class Readability:
    score: float | None  # None: too short to mean anything
    band: str


def band_of(score: float) -> str:
    for band in rules().readability_bands:
        if score >= band.min:
            return band.label
    return rules().readability_bands[-1].label


def readability(sentences: list[Sentence]) -> Readability:
    words = sum(s.words for s in sentences)
    if words < rules().readability_min_words:
        return Readability(None, "texte trop court pour un indice fiable")
    text = "\n".join(s.text.rstrip(".!?…;:, ") + "." for s in sentences)
    score = round(float(_FRENCH.flesch_reading_ease(text)), 1)
    return Readability(score, band_of(score))
