"""Dossiers and a hand-written measure shared by the eligibility tests."""

from __future__ import annotations

from typing import Any

from ptce_assist.call import Rubric
from ptce_assist.dossier import Dossier

LINES_PER_PAGE = 40  # the fake measure's page, chosen by hand


def fake_measure(rubric: Rubric, text: str) -> tuple[int, int]:
    """Lines = lines of the text as typed; budget = 40 per page or the call's lines."""
    lines = len(text.splitlines())
    amount = rubric.limit.amount
    budget = int(amount * LINES_PER_PAGE) if rubric.limit.unit == "page" else int(amount)
    return lines, budget


IDENTITY: dict[str, Any] = {
    "project": {"name": "Recyclerie du Val", "region": "84"},
    "structure": {
        "name": "Val Solidaire",
        "address": "12 rue des Lilas, 26100 Romans-sur-Isère",
        "legal_form": "scic",
    },
    "referent": {
        "name": "Camille Martin",
        "role": "Coordinatrice",
        "email": "camille@val-solidaire.fr",
        "phone": "06 12 34 56 78",
    },
}
MANDATORY = ("structure", "objectifs", "acteurs", "gouvernance", "perimetre", "financement")
OPTIONAL = ("plan_action", "implication_membres", "mise_en_reseau")


def complete(**changes: Any) -> Dossier:
    """Identity filled, every rubric one line long; `changes` override top-level keys."""
    data: dict[str, Any] = {
        **IDENTITY,
        "maturity": "existant",
        "rubrics": dict.fromkeys((*MANDATORY, "actions", *OPTIONAL), "Un texte court."),
    }
    data.update(changes)
    return Dossier.model_validate(data)
