"""The 2024 call file holds what Annexe 1 of 2024 asks (its quotes are checked verbatim with
every edition's, in tests/editions)."""

from __future__ import annotations

from ptce_assist.call import load_call


def test_identity_labels_are_those_of_annex_1() -> None:
    labels = [f.label for f in load_call("ami_2024").identity_fields]
    assert labels == [
        "Nom du projet",
        "Région",
        "Nom de la structure porteuse",
        "Adresse",
        "Forme juridique",
        "Nom / Prénom",
        "Fonction au sein de la structure porteuse",
        "Mail",
        "Téléphone portable",
    ]


def test_rubric_ids_limits_and_requirements() -> None:
    call = load_call("ami_2024")
    expected = {
        "structure": (1, "page", "obligatoire"),
        "objectifs": (1, "page", "obligatoire"),
        "acteurs": (2, "page", "obligatoire"),
        "gouvernance": (15, "ligne", "obligatoire"),
        "perimetre": (0.5, "page", "obligatoire"),
        "actions": (1, "page", "le_cas_echeant"),
        "plan_action": (1, "page", "optionnel_maturite"),
        "implication_membres": (1, "page", "optionnel_maturite"),
        "mise_en_reseau": (1, "page", "optionnel_maturite"),
        "financement": (1, "page", "obligatoire"),
    }
    found = {r.id: (r.limit.amount, r.limit.unit, r.requirement) for r in call.rubrics}
    assert found == expected
    assert list(found) == list(expected)  # Annexe 1's order


def test_criteria_and_stages() -> None:
    call = load_call("ami_2024")
    assert len(call.eligibility_criteria) == 7
    assert [len(call.criteria_of_block(b.id)) for b in call.selection_blocks] == [5, 3, 4]
    assert [s.label for s in call.maturity_stages] == [
        "émergence",
        "en développement",
        "existant",
        "mature",
    ]
    assert call.date.isoformat() == "2024-03-25"


def test_legal_forms_follow_the_beneficiaries_rule() -> None:
    verdicts = {f.id: f.porteur for f in load_call("ami_2024").legal_forms}
    assert verdicts["scic"] == "eligible"
    assert verdicts["association_1901"] == "eligible"
    assert verdicts["sarl"] == "esus_requis"
    assert verdicts["fondation"] == "a_verifier"
    assert verdicts["personne_publique"] == "non_eligible"
    assert verdicts["non_creee"] == "non_eligible"
