"""The word lists the diagnostic reads French text with (`calls/lexicon/*.toml`), as data."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from ptce_assist.editions import lexicon_toml


class _Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Places(_Lexicon):
    leading_words: tuple[str, ...]


class French(_Lexicon):
    negators: tuple[str, ...]
    negators_with_ne: tuple[str, ...]
    ne: tuple[str, ...]
    negators_after: tuple[str, ...]
    clause_breakers: tuple[str, ...]
    clause_marks: tuple[str, ...]
    negation_reach: int
    abbreviations: dict[str, str]
    places: Places


class Placeholders(_Lexicon):
    strong_patterns: tuple[str, ...]
    weak_patterns: tuple[str, ...]
    annex_patterns: tuple[str, ...]
    weak_max_words: int
    short_sentence_words: int
    opening_words: int
    lorem_words: tuple[str, ...]
    lorem_min_words: int
    lorem_share: float
    empty_words: tuple[str, ...]


class Carrier(_Lexicon):
    informal_patterns: tuple[str, ...]
    copulas: tuple[str, ...]
    copula_reach: int
    state_patterns: tuple[str, ...]
    first_person: tuple[str, ...]
    own_determiners: tuple[str, ...]
    other_determiners: tuple[str, ...]
    generic_carrier_nouns: tuple[str, ...]
    pole_nouns: tuple[str, ...]
    family_nouns: dict[str, tuple[str, ...]]


class Fragile(_Lexicon):
    history_patterns: tuple[str, ...]
    loss_before_patterns: tuple[str, ...]
    loss_after_patterns: tuple[str, ...]
    industry_patterns: tuple[str, ...]
    loss_reach_before: int
    loss_reach_after: int
    clause_ends: tuple[str, ...]


def _load(name: str) -> dict[str, Any]:
    return lexicon_toml(name)


@cache
def french() -> French:
    return French.model_validate(_load("french"))


@cache
def placeholders() -> Placeholders:
    return Placeholders.model_validate(_load("placeholders"))


@cache
def carrier() -> Carrier:
    return Carrier.model_validate(_load("carrier"))


@cache
def fragile() -> Fragile:
    return Fragile.model_validate(_load("fragile"))


@cache
def alternatives(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One expression matching any of `patterns` as whole words of folded text."""
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)")
