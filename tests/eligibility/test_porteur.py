"""Every legal form × every ESUS state gives the verdict the call implies."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.eligibility.porteur import porteur_verdict

ESUS_STATES = ("", "obtenu", "en_cours", "non")

# Written by hand from the call (« coopérative, association, ou société commerciale
# bénéficiaire de l'agrément ESUS ») and domain.md; not read from the call file.
ALWAYS: dict[str, str] = {
    "association_1901": "eligible",
    "association_droit_local": "eligible",
    "scop": "eligible",
    "scic": "eligible",
    "cae": "eligible",
    "cooperative_autre": "eligible",
    "fondation": "a_verifier",
    "fonds_dotation": "a_verifier",
    "mutuelle": "a_verifier",
    "personne_publique": "non_eligible",
    "non_creee": "non_eligible",
    "groupement_interet_economique": "non_eligible",
    "entreprise_individuelle": "non_eligible",
}
COMMERCIAL = ("sas", "sasu", "sarl", "sa")
COMMERCIAL_BY_ESUS = {
    "": "esus_requis",
    "obtenu": "eligible",
    "en_cours": "esus_requis",
    "non": "esus_requis",
}

CASES = [(form, esus, verdict) for form, verdict in ALWAYS.items() for esus in ESUS_STATES] + [
    (form, esus, COMMERCIAL_BY_ESUS[esus]) for form in COMMERCIAL for esus in ESUS_STATES
]


def test_the_table_covers_every_form_of_the_call() -> None:
    assert {f.id for f in load_call().legal_forms} == set(ALWAYS) | set(COMMERCIAL)


@pytest.mark.parametrize(("form", "esus", "expected"), CASES)
def test_verdict_for_each_form_and_esus_state(form: str, esus: str, expected: str) -> None:
    call = load_call()
    result = porteur_verdict(form, esus, call)
    assert result.code == expected
    assert result.quote == call.beneficiaries_quote
    assert result.reason.strip()
    assert result.esus == esus
    assert result.esus_relevant == (form in COMMERCIAL)


@pytest.mark.parametrize(
    ("esus", "words"),
    [("en_cours", "en cours"), ("non", "n'a pas l'agrément"), ("", "indiquez"), ("obtenu", "ESUS")],
)
def test_commercial_reason_names_the_esus_state(esus: str, words: str) -> None:
    assert words in porteur_verdict("sarl", esus, load_call()).reason


def test_missing_form_is_to_check() -> None:
    empty = porteur_verdict("", "", load_call())
    assert empty.code == "a_verifier"
    assert "n'est pas renseignée" in empty.reason
    assert empty.suggested_form == ""


@pytest.mark.parametrize(
    ("stored", "expected", "form"),
    [
        ("gie", "non_eligible", "groupement_interet_economique"),
        ("GIE", "non_eligible", "groupement_interet_economique"),
        ("commune", "non_eligible", "personne_publique"),
        ("etablissement_public", "non_eligible", "personne_publique"),
        ("micro-entreprise", "non_eligible", "entreprise_individuelle"),
        ("association déclarée en préfecture", "eligible", "association_1901"),
        ("SCIC SAS", "eligible", "scic"),
        ("fondation_abritee", "a_verifier", "fondation"),
    ],
)
def test_a_stored_value_that_is_not_an_id_is_read_by_its_words(
    stored: str, expected: str, form: str
) -> None:
    result = porteur_verdict(stored, "", load_call())
    assert (result.code, result.form_id, result.suggested_form) == (expected, form, form)
    assert f"« {stored} »" not in result.reason  # the raw value is never shown as such
    assert "_" not in result.reason


def test_an_unreadable_stored_value_is_to_check_without_showing_it() -> None:
    result = porteur_verdict("zz_inconnu", "", load_call())
    assert result.code == "a_verifier"
    assert "ne fait pas partie de la liste" in result.reason
    assert "zz_inconnu" not in result.reason


def test_reasons_explain_what_to_do() -> None:
    call = load_call()
    assert "membre" in porteur_verdict("personne_publique", "", call).reason
    assert "créez la structure" in porteur_verdict("non_creee", "", call).reason
    assert "cellule régionale" in porteur_verdict("fondation", "", call).reason
    assert "personne physique" in porteur_verdict("entreprise_individuelle", "", call).reason
    assert "ni une coopérative" in porteur_verdict("groupement_interet_economique", "", call).reason


@pytest.mark.parametrize(
    ("name", "text", "flagged"),
    [
        ("Les Communs", "Nous sommes un collectif informel d'habitants.", True),
        ("Les Communs", "Le collectif n'est pas encore déclaré en préfecture.", True),
        ("Les Communs", "Nos statuts sont en cours de rédaction.", True),
        ("Les Communs", "Notre association est en cours d'enregistrement.", True),
        ("Les Communs (association en cours de création)", "Un jardin partagé.", True),
        ("Les Communs", "En cours de création, notre association réunit 20 personnes.", True),
        ("Les Communs", "Nous ne sommes plus un collectif informel depuis 2021.", False),
        ("Les Communs", "L'association n'est plus en cours de création : déclarée en 2021.", False),
        ("Les Communs", "Issue d'un collectif informel, elle fut déclarée en 2019.", False),
        ("Les Communs", "L'association porte le dossier du PTCE en cours de création.", False),
        ("Les Communs", "Nous accompagnons une association en cours de création.", False),
        ("Les Communs", "Le jardin partagé est un collectif informel d'habitants.", False),
        ("Les Communs", "L'association accompagne la SCIC voisine en cours de création.", False),
    ],
)
def test_what_the_dossier_says_of_its_carrier(name: str, text: str, flagged: bool) -> None:
    result = porteur_verdict("association_1901", "", load_call(), name=name, structure_text=text)
    assert (result.code == "a_verifier") is flagged
    assert bool(result.statement) is flagged
    if flagged:
        assert "pas encore une personne morale" in result.reason


def test_a_form_the_text_names_is_suggested_when_none_is_chosen() -> None:
    call = load_call()
    text = "Fil Commun est une SCIC SAS à capital variable, immatriculée en 2018."
    result = porteur_verdict("", "", call, name="Fil Commun", structure_text=text)
    assert (result.code, result.suggested_form) == ("a_verifier", "scic")
    assert "SCIC" in result.reason
