"""Kandel-Moles readability (textstat, French) on texts whose score is known by hand."""

from __future__ import annotations

import pytest
import textstat

from ptce_assist.coach.readability import Readability, kandel_moles, readability
from ptce_assist.coach.sentences import split_sentences


def _score(text: str) -> Readability:
    return readability(text, split_sentences(text))


def test_simple_text_in_the_expected_range() -> None:
    # 5 words of one syllable per sentence: 207 - 1.015 x 5 - 73.6 x 1 = 128.3
    result = _score("Le chat boit du lait. " * 8)
    assert result.score is not None and 126 <= result.score <= 131
    assert result.band == "très facile"


def test_administrative_sentence_is_very_difficult() -> None:
    text = (
        "L'institutionnalisation progressive des coopérations intercommunales territorialisées "
        "nécessite une contractualisation pluriannuelle particulièrement ambitieuse, reposant "
        "sur une mutualisation systématique des compétences administratives, organisationnelles "
        "et opérationnelles des collectivités partenaires ainsi que des établissements concernés."
    )
    result = _score(text)
    assert result.score is not None and result.score < 0
    assert result.band == "très difficile"


def test_ordinary_dossier_text_is_between() -> None:
    text = (
        "Le pôle réunit douze structures de l'économie sociale et solidaire et cinq entreprises "
        "du territoire. Il veut créer huit emplois durables d'ici trois ans. Les habitants "
        "participent aux décisions dans un collège dédié. Une recyclerie ouvrira en 2026 dans "
        "le quartier prioritaire."
    )
    result = _score(text)
    assert result.score is not None and 30 <= result.score <= 90


def test_too_short_text_has_no_score() -> None:
    result = _score("Trop court.")
    assert result.score is None
    assert "trop court" in result.band


def test_the_global_textstat_language_is_neither_used_nor_changed() -> None:
    textstat.set_lang("de")  # German constants would give 180 - 5 - 58.5 = 116.5
    try:
        result = _score("Le chat boit du lait. " * 8)
        assert result.score is not None and result.score > 126
    finally:
        textstat.set_lang("en_US")


def test_the_formula_is_kandel_and_moles() -> None:
    """The published constants (Kandel & Moles, 1958: 207 - 1.015 x words per sentence -
    73.6 x syllables per word), written here, not read from textstat: a textstat upgrade that
    changed its French constants would change the app's scores, and this test would say so."""
    assert kandel_moles(words=100, sentences=5, syllables=150) == pytest.approx(
        207 - 1.015 * 20 - 73.6 * 1.5
    )


def test_score_of_a_counted_text() -> None:
    # 13 words and 18 syllables per repetition: one per word, plus the cuts of pyphen's French
    # dictionary (struc-tures, ter-ri-toire, em-plois, du-rables); 3 repetitions, 6 sentences.
    text = "Le pôle réunit douze structures du territoire. Il veut créer huit emplois durables. "
    result = _score((text * 3).strip())
    expected = 207 - 1.015 * 39 / 6 - 73.6 * 54 / 39
    assert result.score == pytest.approx(expected, abs=0.05)


def test_list_items_count_as_sentences() -> None:
    items = "\n".join(f"- action numéro {n} menée avec les habitants du quartier" for n in range(8))
    result = _score(items)
    assert result.score is not None and result.score > 60  # textstat alone sees one sentence
