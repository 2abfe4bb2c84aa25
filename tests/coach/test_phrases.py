"""Wordy phrases and their shorter equivalents."""

from __future__ import annotations

from ptce_assist.coach.phrases import wordy_phrases


def test_wordy_phrases_are_found_with_their_suggestions() -> None:
    text = (
        "Dans le cadre du projet, nous mettrons en place un atelier afin de permettre aux "
        "habitants de participer. Il est à noter que le pôle agit au niveau des quartiers."
    )
    findings = wordy_phrases(text)
    assert [f.text for f in findings] == [
        "Dans le cadre du",
        "mettrons en place",
        "afin de permettre aux",
        "Il est à noter que",
        "au niveau des",
    ]
    assert findings[0].suggestions[0] == "pour"
    assert findings[1].suggestions[0] == "créer"
    assert "plus court, essayez « pour »" in findings[2].message
    assert "peut être supprimée" in findings[3].message


def test_accents_case_and_apostrophes_are_tolerated() -> None:
    texts = ["A L’HEURE ACTUELLE, rien.", "à l'heure actuelle, rien.", "a l heure actuelle"]
    for text in texts:
        assert len(wordy_phrases(text)) == 1, text


def test_inflected_forms_listed_in_the_data() -> None:
    assert [f.text for f in wordy_phrases("La mise en place du comité.")] == ["mise en place"]


def test_plain_text_has_no_finding() -> None:
    text = "Le pôle crée un atelier pour les habitants. Il agit dans les quartiers du cadre bâti."
    assert wordy_phrases(text) == []
