"""Sentence splitting with offsets: abbreviations, bullets, French punctuation."""

from __future__ import annotations

from ptce_assist.coach.sentences import split_sentences


def test_sentences_and_offsets() -> None:
    text = (
        "Le pôle réunit 12 structures. M. Dupont préside le conseil depuis 2020 ; il a été élu !"
        " Pourquoi ? Parce que.\n- premier point\n- second point, etc. et encore\nVoir p. 3. Fin"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Le pôle réunit 12 structures.",
        "M. Dupont préside le conseil depuis 2020 ; il a été élu !",
        "Pourquoi ?",
        "Parce que.",
        "- premier point",
        "- second point, etc. et encore",
        "Voir p. 3.",
        "Fin",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert sentences[1].words == 11


def test_initials_and_numbers_do_not_end_sentences() -> None:
    sentences = split_sentences("J. Martin a levé 1.5 million. Le vote a eu lieu.")
    assert [s.text for s in sentences] == ["J. Martin a levé 1.5 million.", "Le vote a eu lieu."]
    assert sentences[1].words == 5


def test_empty_lines_and_spaces() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n   \n") == []
