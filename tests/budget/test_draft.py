"""The generated paragraph states the hand-computed figures, in French."""

from __future__ import annotations

from ptce_assist.budget.draft import draft_paragraph
from ptce_assist.budget.model import Budget
from tests.budget.helpers import three_year_budget


def test_empty_budget_has_no_paragraph() -> None:
    assert draft_paragraph(Budget()) == ""


def test_three_year_paragraph() -> None:
    text = draft_paragraph(three_year_budget())
    assert text.startswith(
        "Le budget prévisionnel du PTCE s'élève à 100 000 € en N, 105 000 € en N+1 et "
        "110 000 € en N+2, soit 315 000 € sur trois ans."
    )
    # personnel 195 000 / 315 000 = 62 %, animation 66 000 = 21 %, fonctionnement 54 000 = 17 %
    assert (
        "Les dépenses portent principalement sur le personnel (62 %), l'animation territoriale "
        "(21 %) et le fonctionnement (17 %)." in text
    )
    assert "pour 63 % de financements publics (État, Région, intercommunalités et communes)" in text
    assert "pour 8 % de partenaires privés (entreprises partenaires)" in text
    assert (
        "pour 29 % de ressources propres (ventes et prestations, cotisations des membres)" in text
    )
    assert text.endswith(
        "La part des ressources propres passe de 15 % en N à 50 % en N+2, ce qui traduit la "
        "recherche d'une autonomie financière à moyen terme."
    )


def test_paragraph_uses_ordinary_spaces_and_calendar_years() -> None:
    budget = three_year_budget().model_copy(update={"first_year": 2025})
    text = draft_paragraph(budget)
    assert "\u00a0" not in text and "\u202f" not in text
    assert "100 000 € en 2025" in text and "en 2027" in text


def test_unbalanced_paragraph_does_not_claim_a_total() -> None:
    budget = Budget.model_validate(
        {
            "mode": "annuel",
            "expenses": [{"category": "personnel", "amounts_cents": [5_000_000]}],
            "resources": [{"category": "region", "amounts_cents": [4_000_000]}],
        }
    )
    text = draft_paragraph(budget)
    assert text.startswith(
        "Le budget prévisionnel annuel du PTCE prévoit 50 000 € de dépenses et 40 000 € de "
        "ressources."
    )
