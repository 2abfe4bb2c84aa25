"""Acronyms used before being spelled out."""

from __future__ import annotations

from ptce_assist.coach.acronyms import defined_in, undefined_acronyms


def _names(text: str, earlier: tuple[str, ...] = ()) -> list[str]:
    return [f.acronym for f in undefined_acronyms(text, earlier)]


def test_known_acronym_used_bare_gets_the_glossary_form() -> None:
    findings = undefined_acronyms("Le pôle agit dans deux QPV de la ville.")
    assert [f.acronym for f in findings] == ["QPV"]
    assert findings[0].expansion == "quartier prioritaire de la politique de la ville"
    assert "quartier prioritaire de la politique de la ville (QPV)" in findings[0].message
    assert not findings[0].defined_later


def test_spelled_out_first_in_any_of_the_usual_ways() -> None:
    assert _names("L'économie sociale et solidaire (ESS) progresse. L'ESS recrute.") == []
    assert _names("L'ESS (économie sociale et solidaire) progresse.") == []
    assert _names("Les Économies Sociales et Solidaires forment l'ESS.") == []  # case, plural
    assert _names("Deux quartiers prioritaires de la politique de la ville (QPV).") == []
    assert _names("La Scic (société coopérative d'intérêt collectif) porte le pôle.") == []


def test_spelled_out_too_late() -> None:
    text = "Le pôle vise l'ESS. " + "Il agit. " * 30 + "L'économie sociale et solidaire grandit."
    findings = undefined_acronyms(text)
    assert [f.acronym for f in findings] == ["ESS"]
    assert findings[0].defined_later
    assert "plus loin" in findings[0].message


def test_variants_and_multiword_acronyms() -> None:
    assert _names("Une Scop et la DG Trésor.") == ["SCOP", "DG Trésor"]


def test_unknown_acronym_without_definition() -> None:
    findings = undefined_acronyms("Le partenariat avec l'ADEFI avance.")
    assert [f.acronym for f in findings] == ["ADEFI"]
    assert findings[0].expansion is None
    assert _names("L'Association pour le développement (ADEFI) avance.") == []


def test_not_acronyms() -> None:
    assert _names("Le chapitre IV et le XXI siècle ; prix HT et TTC.") == []
    assert _names("OBJECTIFS DU POLE ET VISION\nLe pôle grandit.") == []
    assert _names("Un pôle sans sigle.") == []


def test_acronym_spelled_out_in_an_earlier_rubric_counts() -> None:
    earlier = ("Nous sommes un pôle territorial de coopération économique (PTCE).",)
    assert _names("Le PTCE grandit.", earlier) == []
    assert _names("Le PTCE grandit.") == ["PTCE"]
    assert "PTCE" in defined_in(earlier[0])


def test_offsets_point_at_the_first_use() -> None:
    text = "Avec la CRESS et la CRESS encore."
    finding = undefined_acronyms(text)[0]
    assert text[finding.start : finding.end] == "CRESS"
    assert finding.start == 8
