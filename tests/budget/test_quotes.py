"""The catalogue of budget headings (the quotes of each edition are checked in tests/editions)."""

from __future__ import annotations

from ptce_assist.budget.categories import catalogue


def test_every_resource_kind_has_a_nature_and_groups_are_known() -> None:
    cat = catalogue()
    assert {k.nature for k in cat.resource_kinds} == {"public", "prive", "propre", "nature"}
    assert [k.id for k in cat.resource_kinds if k.group == "etat"] == ["etat_financement_ptce"]
    assert {k.id for k in cat.resource_kinds if k.group == "collectivite"} == {
        "region",
        "departement",
        "epci_commune",
    }
