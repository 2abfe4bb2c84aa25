"""Balance and ratios on hand-computed budgets; each check quotes the call where it should."""

from __future__ import annotations

import pytest

from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.checks import (
    BudgetCheck,
    budget_checks,
    kinds_of_group,
    kinds_of_nature,
    shares,
)
from ptce_assist.budget.model import Budget
from ptce_assist.call import load_call
from tests.budget.helpers import plain, three_year_budget


def _by_id(budget: Budget) -> dict[str, BudgetCheck]:
    return {check.id: check for check in budget_checks(budget, load_call())}


def test_empty_budget_has_a_single_invitation() -> None:
    checks = budget_checks(Budget())
    assert [c.id for c in checks] == ["vide"]


def test_balanced_budget() -> None:
    check = _by_id(three_year_budget())["equilibre"]
    assert check.level == "ok"
    assert plain(check.figures[1]) == "N+1 : 105 000 € de dépenses et de ressources."


def test_unbalanced_year_says_how_much_is_missing() -> None:
    budget = Budget.model_validate(
        {
            "mode": "annuel",
            "expenses": [{"category": "personnel", "amounts_cents": [10_000_000]}],
            "resources": [{"category": "region", "amounts_cents": [9_000_000]}],
        }
    )
    check = _by_id(budget)["equilibre"]
    assert check.level == "attention"
    assert "il manque 10 000 € de ressources" in plain(check.figures[0])


def test_surplus_is_reported_too() -> None:
    budget = Budget.model_validate(
        {
            "mode": "annuel",
            "expenses": [{"category": "personnel", "amounts_cents": [100]}],
            "resources": [{"category": "region", "amounts_cents": [250]}],
        }
    )
    assert "1,50 € de ressources en trop" in plain(_by_id(budget)["equilibre"].figures[0])


def test_shares_hand_computed() -> None:
    budget = three_year_budget()
    cat = catalogue()
    public = shares(budget, kinds_of_nature(cat, budget, "public"))
    assert public.amounts == (8_000_000, 8_000_000, 4_000_000)
    assert public.by_year == pytest.approx((0.80, 80 / 105, 40 / 110))
    assert public.period == pytest.approx(200 / 315)
    private = shares(budget, kinds_of_nature(cat, budget, "prive"))
    assert private.period == pytest.approx(25 / 315)
    own = shares(budget, kinds_of_nature(cat, budget, "propre"))
    assert own.by_year == pytest.approx((0.15, 20 / 105, 0.50))
    state = shares(budget, kinds_of_group(cat, "etat"))
    assert state.period == pytest.approx(100 / 315)
    local = shares(budget, kinds_of_group(cat, "collectivite"))
    assert local.by_year == pytest.approx((0.30, 30 / 105, 40 / 110))


def test_ratio_checks_explain_in_french() -> None:
    checks = _by_id(three_year_budget())
    public = checks["part_publique"]
    assert public.level == "ok"
    assert "63 % des ressources" in plain(public.explanation)
    assert [plain(f) for f in public.figures] == ["N : 80 %", "N+1 : 76 %", "N+2 : 36 %"]
    assert checks["partenaires_prives"].level == "ok"
    assert "8 % des ressources" in plain(checks["partenaires_prives"].explanation)
    own = checks["ressources_propres"]
    assert own.level == "ok"
    assert "de 15 % en N à 50 % en N+2" in plain(own.explanation)
    state = checks["poids_etat"]
    assert state.level == "ok"
    assert "32 % des ressources" in plain(state.explanation)
    local = checks["collectivites"]
    assert "32 % des ressources" in plain(local.explanation)
    assert "Région : 70 000 €" in plain(local.explanation)  # 20 000 + 20 000 + 30 000
    assert "EPCI / commune : 30 000 €" in plain(local.explanation)


def test_call_quotes_come_from_the_call() -> None:
    checks = _by_id(three_year_budget())
    assert checks["ressources_propres"].quote == (
        "Pérennité de la démarche pour assurer une autonomie financière à moyen terme"
    )
    assert checks["collectivites"].quote == "Participation des collectivités territoriales"
    assert checks["partenaires_prives"].quote == (
        "Participation des entreprises et autres acteurs privés"
    )


def _annual(**kinds: int) -> Budget:
    total = sum(kinds.values())
    return Budget.model_validate(
        {
            "mode": "annuel",
            "expenses": [{"category": "personnel", "amounts_cents": [total]}],
            "resources": [{"category": k, "amounts_cents": [v]} for k, v in kinds.items()],
        }
    )


def test_public_money_above_the_marker_is_flagged_as_the_apps_marker() -> None:
    check = _by_id(_annual(region=85, ressources_propres=15))["part_publique"]
    assert check.level == "attention"
    assert "pas une règle de l'appel" in check.explanation


def test_no_private_partner_no_collectivity_no_own_resources() -> None:
    checks = _by_id(_annual(etat_financement_ptce=100))
    assert checks["partenaires_prives"].level == "attention"
    assert checks["collectivites"].level == "attention"
    assert checks["ressources_propres"].level == "attention"
    assert checks["poids_etat"].level == "attention"  # 100 % of resources from the State


def test_state_support_beyond_what_the_call_mentions() -> None:
    # 60 000 € in one year is beyond 100 000 € over 2 years.
    checks = _by_id(_annual(etat_financement_ptce=6_000_000, region=6_000_000))
    assert "100 000 € sur 2 ans" in plain(checks["poids_etat"].explanation)
    assert checks["poids_etat"].level == "attention"
    # 40 000 € a year is not (and 40 % is below the 50 % marker).
    checks = _by_id(_annual(etat_financement_ptce=4_000_000, region=6_000_000))
    assert checks["poids_etat"].level == "ok"


def test_own_resources_trend_down_and_annual() -> None:
    budget = three_year_budget()
    budget.resources[4].amounts_cents = [5_500_000, 1_500_000, 0]  # ventes: down
    budget.resources[0].amounts_cents = [0, 5_000_000, 5_500_000]
    own = _by_id(budget)["ressources_propres"]
    assert own.level == "attention"
    assert own.title == "Ressources propres en baisse"
    annual = _by_id(_annual(region=50, cotisations=50))["ressources_propres"]
    assert annual.level == "info"
    assert "50 % des ressources" in plain(annual.explanation)


def test_in_kind_contributions_must_match_their_use() -> None:
    budget = _annual(region=100, contributions_nature=50)
    check = _by_id(budget)["contributions_nature"]
    assert check.level == "info"
    budget.expenses.append(
        budget.expenses[0].model_copy(
            update={"category": "emploi_contributions_nature", "amounts_cents": [50]}
        )
    )
    budget.expenses[0].amounts_cents = [100]
    assert _by_id(budget)["contributions_nature"].level == "ok"
    assert "contributions_nature" not in _by_id(three_year_budget())


def test_every_check_is_json_able() -> None:
    import json

    text = json.dumps([c.as_dict() for c in budget_checks(three_year_budget())])
    assert "equilibre" in text


def test_amounts_not_understood_come_first_and_are_left_out() -> None:
    budget = three_year_budget()
    budget.expenses[1] = budget.expenses[1].model_copy(
        update={
            "amounts_typed": ["20 000", "environ 22 000", "24 000"],
            "amounts_cents": [2_000_000, 0, 2_400_000],
        }
    )
    checks = budget_checks(budget, load_call())
    first = checks[0]
    assert (first.id, first.level, first.title) == (
        "montants_non_compris",
        "attention",
        "1 montant non compris",
    )
    assert "ne le comptent pas" in first.explanation
    assert first.figures == ("Dépenses, ligne 2, N+1 « environ 22 000 »",)
    balance = next(c for c in checks if c.id == "equilibre")
    assert balance.level == "attention"  # 22 000 € of expenses are not counted in N+1
    assert "il manque" not in plain(balance.figures[1])
    assert plain(balance.figures[1]).endswith("22 000 € de ressources en trop.")


def test_only_amounts_not_understood_still_say_so() -> None:
    budget = Budget.model_validate(
        {"expenses": [{"category": "personnel", "amounts_typed": ["à définir", "", ""]}]}
    )
    assert [c.id for c in budget_checks(budget, load_call())] == ["montants_non_compris", "vide"]
