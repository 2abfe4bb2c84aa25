"""The coach's data files (glossary, wordy phrases, checklists, thresholds) as frozen models."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict

from ptce_assist.editions import edition_file, read_toml


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Acronym(_Frozen):
    acronym: str
    expansion: str
    also: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()

    @property
    def expansions(self) -> tuple[str, ...]:
        return (self.expansion, *self.also)


class Glossary(_Frozen):
    well_known: tuple[str, ...] = ()
    acronyms: tuple[Acronym, ...]


class Phrase(_Frozen):
    patterns: tuple[str, ...]
    suggestions: tuple[str, ...]


class Phrases(_Frozen):
    phrases: tuple[Phrase, ...]


class CoverageItem(_Frozen):
    rubric: str
    id: str
    label: str
    quote: str
    any: tuple[str, ...]
    optional: bool = False


class Coverage(_Frozen):
    items: tuple[CoverageItem, ...]

    def of_rubric(self, rubric_id: str) -> tuple[CoverageItem, ...]:
        return tuple(item for item in self.items if item.rubric == rubric_id)


class Band(_Frozen):
    min: float
    label: str


class Rules(_Frozen):
    long_sentence_words: int
    long_sentences_shown: int
    target_average_words: int
    readability_min_words: int
    repeat_window_words: int
    repeat_min_count: int
    repeat_min_letters: int
    readability_bands: tuple[Band, ...]


def _toml(name: str) -> dict[str, Any]:
    text = (resources.files("ptce_assist") / "coach" / name).read_text("utf-8")
    return tomllib.loads(text)


@cache
def glossary() -> Glossary:
    return Glossary.model_validate(_toml("glossary.toml"))


@cache
def phrases() -> Phrases:
    return Phrases.model_validate(_toml("phrases.toml"))


@cache
def coverage(call_id: str) -> Coverage:
    """The checklist of an edition (`calls/<call id>/coverage.toml`); empty when it has none."""
    path = edition_file(call_id, "coverage.toml")
    return Coverage.model_validate(read_toml(path)) if path else Coverage(items=())


@cache
def rules() -> Rules:
    return Rules.model_validate(_toml("rules.toml"))


@cache
def stopwords() -> frozenset[str]:
    text = (resources.files("ptce_assist") / "coach" / "stopwords_fr.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.strip()) and w[0] != "#")
