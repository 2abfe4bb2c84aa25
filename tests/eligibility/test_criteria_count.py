"""The majority rule for every count of criteria met, 0 to 7."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.criteria import dossier_eligibility, eligibility_verdict, majority

IDS = [
    "regroupement",
    "ancrage",
    "innovation_sociale",
    "emplois",
    "activites_respectueuses",
    "ressources_locales",
    "implication",
]


def test_majority_of_seven_is_four() -> None:
    assert majority(7) == 4
    assert [c.id for c in load_call().eligibility_criteria] == IDS


def _dossier(answers: dict[str, str]) -> Dossier:
    return Dossier.model_validate(
        {"diagnostic": {"criteria": {k: {"answer": v} for k, v in answers.items()}}}
    )


@pytest.mark.parametrize("met", range(8))
@pytest.mark.parametrize("rest", ["non", ""])
def test_count_and_verdict(met: int, rest: str) -> None:
    # alternate « oui » and « à moyen terme »: both count
    answers = {cid: ("oui" if i % 2 else "moyen_terme") for i, cid in enumerate(IDS[:met])}
    answers |= {cid: rest for cid in IDS[met:]}
    result = dossier_eligibility(_dossier(answers), load_call())
    assert result.met == met
    assert result.eligible is (met >= 4)
    expected = {
        True: "eligible",
        False: "incomplet" if rest == "" else "non_eligible",
    }[met >= 4]
    assert result.verdict.code == expected
    assert f"{met} critère" in result.verdict.reason
    assert "sur 7" in result.verdict.reason
    assert result.verdict.quote == load_call().eligibility_quote


def test_reason_names_the_criteria_met_and_those_in_prospect() -> None:
    verdict = eligibility_verdict(
        {"regroupement": "oui", "ancrage": "oui", "emplois": "moyen_terme", "implication": "oui"},
        load_call(),
    )
    assert verdict.code == "eligible"
    assert "Regroupement d'acteurs" in verdict.reason
    assert "Emplois durables" in verdict.reason
    assert "dont 1 à moyen terme" in verdict.reason
    assert "Ressources locales" not in verdict.reason


def test_three_met_and_one_unanswered_is_not_yet_a_majority() -> None:
    answers = dict.fromkeys(IDS[:3], "oui") | dict.fromkeys(IDS[3:6], "non")
    verdict = eligibility_verdict(answers, load_call())
    assert verdict.code == "incomplet"
    assert "1 critère sans réponse" in verdict.reason


def test_three_met_and_four_no_is_not_eligible() -> None:
    answers = dict.fromkeys(IDS[:3], "oui") | dict.fromkeys(IDS[3:], "non")
    assert eligibility_verdict(answers, load_call()).code == "non_eligible"
