"""The layout engine on any Unicode: no crash, at least one line per paragraph."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.presets import PRESETS
from tests.fuzz.strategies import FUZZ, NASTY, hostile_text

PRESET_IDS = sorted(PRESETS)


def _check(text: str, preset_id: str) -> None:
    result = layout_text(text, preset_id)
    paragraphs = result.text.split("\n")
    assert result.paragraph_count == len(paragraphs)
    per_paragraph = [0] * len(paragraphs)
    for line in result.lines:
        per_paragraph[line.paragraph] += 1
    assert all(count >= 1 for count in per_paragraph), per_paragraph
    assert result.line_count == len(result.lines) >= len(paragraphs)
    # lines cover each paragraph from its start, in order, without going backwards
    starts = [line.start for line in result.lines]
    assert starts == sorted(starts)


@settings(FUZZ, max_examples=150)
@given(text=hostile_text, preset_id=st.sampled_from(PRESET_IDS))
def test_any_unicode_lays_out(text: str, preset_id: str) -> None:
    _check(text, preset_id)


@pytest.mark.parametrize("preset_id", PRESET_IDS)
def test_every_nasty_character_alone_and_repeated(preset_id: str) -> None:
    for char in NASTY:
        _check(char, preset_id)
        _check((char + " ") * 300, preset_id)
        _check(char * 2000, preset_id)


@pytest.mark.parametrize(
    "paragraph",
    [
        "mot " * 50_000,  # 200,000 characters of short words
        "a" * 200_000,  # one word: the break search is bounded by the line start
        ("Le pôle « territorial » ; l'emploi : 100 000 € ! " * 4100)[:200_000],
        ("שלום עולם مرحبا بالعالم " * 9000)[:200_000],
        "\u00a0" * 200_000,
    ],
    ids=["words", "one-word", "french", "rtl", "nbsp"],
)
def test_200000_character_paragraph(paragraph: str) -> None:
    assert len(paragraph) == 200_000
    result = layout_text(paragraph, "arial11")
    assert result.paragraph_count == 1
    assert result.line_count >= 1
    # A 17 cm line cannot hold 200,000 characters: many lines, all characters accounted for.
    assert result.line_count > 100
    assert result.lines[-1].end == len(result.text)


def test_long_unbreakable_word() -> None:
    word = "a" * 30_000
    result = layout_text(word, "arial11")
    assert result.line_count > 100
    assert all(line.cut for line in result.lines[:-1])
    assert "".join(line.text for line in result.lines) == word
