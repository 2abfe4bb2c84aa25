"""The call file quotes the call verbatim and holds what Annexe 1 asks."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ptce_assist.call import available_calls, load_call, parse_call
from tests.conftest import require_or_skip

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
CALL_FILE = Path(__file__).resolve().parents[1] / "ptce_assist" / "calls" / "ami_2024.toml"
QUOTED_KEYS = {
    "label",
    "text",
    "quote",
    "expects",
    "details",
    "prefix",
    "limit_label",
    "limit_note",
}


def _reference_text() -> str:
    path = REFERENCE / "ami-ptce-2024-cahier-des-charges.md"
    # The reference sits beside the repository (shared/); CI must have it.
    require_or_skip(path.exists(), "PTCE_REQUIRE_ORACLES", f"texte de l'appel introuvable : {path}")
    return path.read_text("utf-8")


def _quoted_values(node: Any, key: str = "") -> list[str]:
    """Every string the file presents as the call's own words."""
    if isinstance(node, dict):
        return [v for k, child in node.items() for v in _quoted_values(child, k)]
    if isinstance(node, list):
        return [v for child in node for v in _quoted_values(child, key)]
    if isinstance(node, str) and (key in QUOTED_KEYS or key.endswith("_quote")):
        return [node]
    return []


def test_every_quoted_value_appears_verbatim_in_the_call() -> None:
    reference = " ".join(_reference_text().split())
    data = tomllib.loads(CALL_FILE.read_text("utf-8"))
    quoted = _quoted_values(data)
    assert len(quoted) > 60
    missing = [q for q in quoted if " ".join(q.split()) not in reference]
    assert missing == []


def test_identity_labels_are_those_of_annex_1() -> None:
    labels = [f.label for f in load_call().identity_fields]
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
    call = load_call()
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
    call = load_call()
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
    verdicts = {f.id: f.porteur for f in load_call().legal_forms}
    assert verdicts["scic"] == "eligible"
    assert verdicts["association_1901"] == "eligible"
    assert verdicts["sarl"] == "esus_requis"
    assert verdicts["fondation"] == "a_verifier"
    assert verdicts["personne_publique"] == "non_eligible"
    assert verdicts["non_creee"] == "non_eligible"


def test_a_new_edition_needs_no_code() -> None:
    text = CALL_FILE.read_text("utf-8")
    edition = text.replace('id = "ami_2024"', 'id = "ami_2026"', 1).replace(
        'limit = { amount = 15, unit = "ligne" }', 'limit = { amount = 20, unit = "ligne" }'
    )
    call = parse_call(edition)
    assert call.id == "ami_2026"
    assert call.rubric("gouvernance").limit.amount == 20
    assert "ami_2024" in available_calls()
