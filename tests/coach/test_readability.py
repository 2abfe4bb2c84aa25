"""Kandel-Moles readability (textstat, French) on texts whose score is known by hand."""

from __future__ import annotations

import textstat

from ptce_assist.coach.readability import readability
from ptce_assist.coach.sentences import split_sentences


def test_simple_text_in_the_expected_range() -> None:
    # 5 words of one syllable per sentence: 207 - 1.015 x 5 - 73.6 x 1 = 128.3
    result = readability(split_sentences("Le chat boit du lait. " * 8))
    assert result.score is not None and 126 <= result.score <= 131
    assert result.band == "très facile"


def test_administrative_sentence_is_very_difficult() -> None:
    text = (
        "L'institutionnalisation progressive des coopérations intercommunales territorialisées "
        "nécessite une contractualisation pluriannuelle particulièrement ambitieuse, reposant "
        "sur une mutualisation systématique des compétences administratives, organisationnelles "
        "et opérationnelles des collectivités partenaires ainsi que des établissements concernés."
    )
    result = readability(split_sentences(text))
    assert result.score is not None and result.score < 0
    assert result.band == "très difficile"


def test_ordinary_dossier_text_is_between() -> None:
    text = (
        "Le pôle réunit douze structures de l'économie sociale et solidaire et cinq entreprises "
        "du territoire. Il veut créer huit emplois durables d'ici trois ans. Les habitants "
        "participent aux décisions dans un collège dédié. Une recyclerie ouvrira en 2026 dans "
        "le quartier prioritaire."
    )
    result = readability(split_sentences(text))
    assert result.score is not None and 30 <= result.score <= 90


def test_too_short_text_has_no_score() -> None:
    result = readability(split_sentences("Trop court."))
    assert result.score is None
    assert "trop court" in result.band


def test_the_global_textstat_language_is_neither_used_nor_changed() -> None:
    textstat.set_lang("de")  # German constants would give 180 - 5 - 58.5 = 116.5
    try:
        result = readability(split_sentences("Le chat boit du lait. " * 8))
        assert result.score is not None and result.score > 126
    finally:
        textstat.set_lang("en_US")
