"""A hand-computed 3-year budget shared by the budget tests (figures in whole euros)."""

from __future__ import annotations

from ptce_assist.budget.model import Budget


def _line(category: str, *euros: int, label: str = "") -> dict[str, object]:
    return {"category": category, "label": label, "amounts_cents": [e * 100 for e in euros]}


def three_year_budget() -> Budget:
    """Expenses 100 000 / 105 000 / 110 000 €, resources the same (balanced):
    public 80 000 / 80 000 / 40 000, private 5 000 / 5 000 / 15 000,
    own 15 000 / 20 000 / 55 000, State 50 000 / 50 000 / 0,
    collectivités 30 000 / 30 000 / 40 000."""
    return Budget.model_validate(
        {
            "mode": "trois_ans",
            "expenses": [
                _line("personnel", 60_000, 65_000, 70_000, label="Coordinatrice 1 ETP"),
                _line("animation", 20_000, 22_000, 24_000),
                _line("fonctionnement", 20_000, 18_000, 16_000),
            ],
            "resources": [
                _line("etat_financement_ptce", 50_000, 50_000, 0),
                _line("region", 20_000, 20_000, 30_000),
                _line("epci_commune", 10_000, 10_000, 10_000),
                _line("entreprises", 5_000, 5_000, 15_000),
                _line("ressources_propres", 10_000, 15_000, 45_000),
                _line("cotisations", 5_000, 5_000, 10_000),
            ],
        }
    )


def plain(text: str) -> str:
    """Ordinary spaces instead of the French no-break ones, for readable assertions."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")
