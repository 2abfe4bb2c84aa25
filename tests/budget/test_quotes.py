"""The budget's own quotes of the call are verbatim."""

from __future__ import annotations

from pathlib import Path

from ptce_assist.budget.categories import catalogue
from tests.conftest import require_or_skip

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"


def test_preamble_quotes_are_verbatim() -> None:
    path = REFERENCE / "ami-ptce-2024-cahier-des-charges.md"
    require_or_skip(path.exists(), "PTCE_REQUIRE_ORACLES", f"texte de l'appel introuvable : {path}")
    text = " ".join(path.read_text("utf-8").split())
    quotes = catalogue().quotes
    assert quotes.state_support in text
    assert quotes.financing_ami in text
    assert "100 000€ sur 2 ans" in quotes.state_support
    assert quotes.state_support_cents == 100_000 * 100 and quotes.state_support_years == 2


def test_every_resource_kind_has_a_nature_and_groups_are_known() -> None:
    cat = catalogue()
    assert {k.nature for k in cat.resource_kinds} == {"public", "prive", "propre", "nature"}
    assert [k.id for k in cat.resource_kinds if k.group == "etat"] == ["etat_financement_ptce"]
    assert {k.id for k in cat.resource_kinds if k.group == "collectivite"} == {
        "region",
        "departement",
        "epci_commune",
    }
