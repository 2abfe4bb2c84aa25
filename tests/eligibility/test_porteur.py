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


def test_missing_or_unknown_form_is_to_check() -> None:
    call = load_call()
    empty = porteur_verdict("", "", call)
    assert empty.code == "a_verifier"
    assert "n'est pas renseignée" in empty.reason
    unknown = porteur_verdict("gie", "", call)
    assert unknown.code == "a_verifier"
    assert "cellule régionale" in unknown.reason


def test_reasons_explain_what_to_do() -> None:
    call = load_call()
    assert "membre" in porteur_verdict("personne_publique", "", call).reason
    assert "créez la structure" in porteur_verdict("non_creee", "", call).reason
    assert "cellule régionale" in porteur_verdict("fondation", "", call).reason
