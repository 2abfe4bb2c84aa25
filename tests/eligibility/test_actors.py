"""Composition of the grouping (criterion 1, décret 2015-431) and the network picture."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.eligibility.actors import composition, dot_string, network_dot
from ptce_assist.eligibility.answers import Actor


def actors(*rows: tuple[str, str, str]) -> list[Actor]:
    return [Actor(name=name, kind=kind, status=status) for name, kind, status in rows]


ESS = ("Recyclerie du Val", "ess", "implique")
COMPANY = ("Menuiserie Durand SARL", "hors_ess", "implique")
TOWN = ("Communauté de communes du Diois", "collectivite", "implique")
LAB = ("Laboratoire PACTE", "recherche", "implique")
CITIZENS = ("Collectif d'habitants de la Monnaie", "citoyens", "implique")


@pytest.mark.parametrize(
    ("rows", "code", "answer"),
    [
        ([], "vide", "non"),
        ([ESS, COMPANY, TOWN], "conforme", "oui"),
        ([ESS, COMPANY, LAB, CITIZENS], "conforme", "oui"),
        # citizens are not legal persons: 2 legal persons only
        ([ESS, COMPANY, CITIZENS], "incomplet", "oui"),
        ([ESS, TOWN, LAB], "incomplet", "non"),
        ([COMPANY, TOWN, LAB], "incomplet", "non"),
        # the other actor is only expected
        ([ESS, COMPANY, (TOWN[0], TOWN[1], "pressenti")], "en_perspective", "oui"),
        # the company outside the ESS is only expected
        ([ESS, (COMPANY[0], COMPANY[1], "pressenti"), TOWN], "en_perspective", "moyen_terme"),
        # the same structure twice counts once
        ([ESS, COMPANY, (COMPANY[0].upper(), "hors_ess", "implique")], "incomplet", "oui"),
        # a row without a name is ignored, a row without a kind is not classified
        (
            [ESS, COMPANY, ("", "collectivite", "implique"), ("Mairie", "", "implique")],
            "incomplet",
            "oui",
        ),
    ],
)
def test_composition(rows: list[tuple[str, str, str]], code: str, answer: str) -> None:
    result = composition(actors(*rows), load_call())
    assert result.verdict.code == code
    assert result.criterion_answer == answer
    assert result.verdict.quote == load_call().eligibility_criteria[0].text


def test_what_is_missing_is_said() -> None:
    result = composition(actors(ESS, CITIZENS), load_call())
    reason = result.verdict.reason
    assert "au moins 3 personnes morales (1 déclarée)" in reason
    assert "une entreprise hors ESS" in reason
    assert "un autre acteur" in reason
    assert "une entreprise de l'ESS" not in reason
    assert result.counts["citoyens"] == 1
    assert result.legal_persons_total == 1


def test_unclassified_actors_are_counted() -> None:
    result = composition(actors(ESS, ("Mairie", "", "implique"), ("X", "inconnu", "")), load_call())
    assert result.unclassified == 2


def test_dot_string_neutralises_quotes_backslashes_and_newlines() -> None:
    assert dot_string('Le "Pôle"\\N\nsuite') == '"Le \\"Pôle\\"\\\\N suite"'


def test_network_dot_escapes_user_labels() -> None:
    hostile = Actor(name='Évil"]; x [label="pwn', kind="ess", role="a\\lb", status="pressenti")
    dot = network_dot(
        'Pôle "Test"', "", [hostile, Actor(name="Mairie", kind="collectivite")], load_call()
    )
    assert '"]; x [label="pwn' not in dot
    assert 'Évil\\"]; x [label=\\"pwn' in dot
    assert "a\\\\lb" in dot
    assert 'label="Pôle \\"Test\\""' in dot
    assert "style=dashed" in dot  # the expected actor
    assert "cluster_" in dot and "Collectivité ou groupement" in dot
    assert dot.count("pole -> a") == 2


def test_network_dot_marks_the_carrier() -> None:
    dot = network_dot("P", "recyclerie du val", actors(ESS, COMPANY), load_call())
    assert "penwidth=3" in dot
    assert dot.count("penwidth=3") == 1
