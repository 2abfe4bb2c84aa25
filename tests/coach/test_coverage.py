"""The call's checklist per rubric, ticked from the text; its quotes are the call's words."""

from __future__ import annotations

import json

import pytest

from ptce_assist.call import available_calls, load_call
from ptce_assist.coach.coverage import check_coverage
from ptce_assist.coach.data import coverage


def _met(rubric_id: str, text: str) -> dict[str, bool]:
    return {item.id: item.met for item in check_coverage(rubric_id, text)}


def test_objectifs_five_elements_and_vision() -> None:
    text = (
        "Le pôle développera de nouvelles activités économiques, créera 8 emplois, "
        "expérimentera des réponses innovantes, valorisera les savoir-faire locaux et "
        "impliquera les habitants. Notre ambition à terme : un territoire sans déchet."
    )
    assert _met("objectifs", text) == dict.fromkeys(
        [
            "developpement_activite",
            "emplois",
            "innovation_utilite",
            "ressources_locales",
            "implication_acteurs",
            "vision",
        ],
        True,
    )


def test_objectifs_missing_items_keep_the_calls_wording() -> None:
    results = check_coverage("objectifs", "Nous recrutons deux salariés en CDI.")
    met = {r.id: r.met for r in results}
    assert met["emplois"] is True
    missing = [r for r in results if not r.met]
    assert "valorisation des ressources locales" in [r.quote for r in missing]
    assert all(r.evidence is None for r in missing)


def test_accent_and_inflection_tolerance() -> None:
    assert _met("objectifs", "CRÉATION D'EMPLOIS")["emplois"]
    assert _met("objectifs", "la creation d emploi")["emplois"]
    assert _met("perimetre", "Deux quartiers prioritaires et une commune FRR.")[
        "territoires_fragiles"
    ]
    assert _met("perimetre", "Le bassin désindustrialisé de la vallée.")["territoires_fragiles"]
    assert not _met("perimetre", "Le centre-ville de la métropole.")["territoires_fragiles"]


def test_gouvernance_participation_of_stakeholders() -> None:
    met = _met(
        "gouvernance",
        "Une SCIC à quatre collèges : chaque partie prenante vote selon le principe une "
        "personne, une voix.",
    )
    assert met == {"instances": True, "democratique": True, "parties_prenantes": True}
    assert _met("gouvernance", "Le directeur décide seul.") == {
        "instances": True,
        "democratique": False,
        "parties_prenantes": False,
    }


def test_evidence_is_the_words_found() -> None:
    result = check_coverage("financement", "Les charges de personnel sont couvertes.")
    depenses = next(r for r in result if r.id == "depenses")
    assert depenses.evidence == "charges"


def test_optional_items_are_marked() -> None:
    results = check_coverage("acteurs", "")
    assert {r.id for r in results if r.optional} == {
        "collectivites",
        "recherche_formation",
        "citoyens",
    }


def _call_strings(call_id: str) -> list[str]:
    data = load_call(call_id).model_dump()

    def walk(node: object) -> list[str]:
        if isinstance(node, dict):
            return [s for v in node.values() for s in walk(v)]
        if isinstance(node, list | tuple):
            return [s for v in node for s in walk(v)]
        return [node] if isinstance(node, str) else []

    return walk(data)


@pytest.mark.parametrize("call_id", available_calls())
def test_every_quote_is_the_calls_own_wording_and_every_rubric_has_a_checklist(
    call_id: str,
) -> None:
    strings = _call_strings(call_id)
    items = coverage(call_id).items
    for item in items:
        assert any(item.quote in s for s in strings), item.quote
    assert {item.rubric for item in items} == set(load_call(call_id).rubric_ids)
    json.dumps([item.model_dump() for item in items])


def test_unknown_call_has_an_empty_checklist() -> None:
    assert check_coverage("objectifs", "texte", call_id="ami_2099") == []
