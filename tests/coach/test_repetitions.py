"""Repeated words: doubled by mistake, or used again and again within a few lines."""

from __future__ import annotations

from ptce_assist.coach.repetitions import repeated_words


def test_doubled_word() -> None:
    text = "Le pôle pôle réunit des acteurs."
    findings = repeated_words(text)
    assert [(f.word, f.kind) for f in findings] == [("pôle", "doublon")]
    start, end = findings[0].spans[0]
    assert text[start:end] == "pôle pôle"
    assert "deux fois de suite" in findings[0].message


def test_legitimate_doubles_are_not_flagged() -> None:
    assert repeated_words("Nous nous engageons. Vous vous impliquez.") == []
    assert repeated_words("Il a dit : oui, oui.") == []  # punctuation between
    assert repeated_words("En 2024 2024 fut une année.") == []  # numbers


def test_word_repeated_nearby_singular_and_plural() -> None:
    text = (
        "Le territoire est rural. Les territoires voisins coopèrent. "
        "Ce territoire attire des habitants."
    )
    findings = repeated_words(text)
    assert [(f.word, f.kind, f.count) for f in findings] == [("territoire", "proche", 3)]
    assert "revient 3 fois" in findings[0].message
    assert [text[s:e] for s, e in findings[0].spans] == ["territoire", "territoires", "territoire"]


def test_far_apart_short_or_common_words_are_not_flagged() -> None:
    filler = " ".join(f"m{i}" for i in range(45))
    assert repeated_words(f"Le territoire. {filler} Le territoire. {filler} Le territoire.") == []
    assert repeated_words("Il y a des gens, des amis et des voisins, des amis.") == []
    assert repeated_words("Entre nous, entre eux, entre amis.") == []  # stop word
    assert repeated_words("Le PTCE, le PTCE et le PTCE.") == []  # acronyms
