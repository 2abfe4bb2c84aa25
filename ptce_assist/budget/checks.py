"""Checks of a provisional budget, each with a French explanation and the call's words.

The call sets no ratio: it says what the reviewers look at ("Qualité des moyens financiers",
"Participation des entreprises et autres acteurs privés", "Participation des collectivités
territoriales", "Pérennité de la démarche pour assurer une autonomie financière à moyen terme").
The figures below make those points visible, quoting the dossier's edition (its budget.toml);
the only thresholds are the app's own markers (`categories.toml`), and the explanations say so.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ptce_assist.budget.amounts import format_amount, format_share, percent
from ptce_assist.budget.categories import (
    Catalogue,
    EditionBudget,
    Nature,
    catalogue,
    edition_budget,
)
from ptce_assist.budget.model import Budget
from ptce_assist.budget.unreadable import count_words, left_out
from ptce_assist.call import Call, load_call

Level = Literal["ok", "info", "attention"]
SEMICOLON = "\u202f; "
MARKER_NOTE = "(repère de l'application, pas une règle de l'appel)"


@dataclass(frozen=True)
class BudgetCheck:
    id: str
    level: Level
    title: str
    explanation: str
    quote: str | None = None
    figures: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["figures"] = list(self.figures)
        return data


@dataclass(frozen=True)
class Shares:
    """Each year's share of total resources (0 when a year has no resources) and the period's."""

    by_year: tuple[float, ...]
    period: float
    amounts: tuple[int, ...]


def shares(budget: Budget, selected: set[str]) -> Shares:
    """Shares of the resource kinds in `selected`."""
    totals = budget.resource_totals()
    amounts = [0] * budget.years
    for kind, row in budget.resources_by_kind().items():
        if kind in selected:
            amounts = [a + b for a, b in zip(amounts, row, strict=True)]
    by_year = tuple(a / t if t else 0.0 for a, t in zip(amounts, totals, strict=True))
    period = sum(amounts) / sum(totals) if sum(totals) else 0.0
    return Shares(by_year, period, tuple(amounts))


def kinds_of_nature(cat: Catalogue, budget: Budget, nature: Nature) -> set[str]:
    used = {line.category for line in budget.resources}
    return {kind for kind in used if cat.nature_of(kind) == nature}


def kinds_of_group(cat: Catalogue, group: str) -> set[str]:
    return {kind.id for kind in cat.resource_kinds if kind.group == group}


def _per_year(budget: Budget, values: tuple[float, ...]) -> tuple[str, ...]:
    labels = budget.year_labels()
    return tuple(f"{label} : {format_share(v)}" for label, v in zip(labels, values, strict=True))


def budget_checks(budget: Budget, call: Call | None = None) -> list[BudgetCheck]:
    """Every check, in the order the page shows them; one "vide" check for an empty budget.
    Amounts not understood come first: every other check leaves them out."""
    call = call or load_call()
    cat = catalogue()
    said = edition_budget(call.id)
    unread = left_out_check(budget)
    checks = [unread] if unread is not None else []
    if budget.is_empty():
        return [
            *checks,
            BudgetCheck(
                "vide",
                "info",
                "Budget à saisir",
                "Saisissez les dépenses et les ressources : les contrôles s'afficheront ici.",
            ),
        ]
    checks += [
        balance_check(budget),
        public_share_check(budget, said, cat),
        private_check(budget, said, cat),
        own_resources_check(budget, said, cat),
        state_check(budget, said, cat),
        collectivities_check(budget, said, cat),
    ]
    in_kind = in_kind_check(budget, cat)
    if in_kind is not None:
        checks.append(in_kind)
    return checks


def left_out_check(budget: Budget) -> BudgetCheck | None:
    cells = left_out(budget)
    if not cells:
        return None
    one = len(cells) == 1
    return BudgetCheck(
        "montants_non_compris",
        "attention",
        count_words(len(cells)).capitalize(),
        (
            f"{'Ce qui est saisi dans cette case' if one else 'Ce qui est saisi dans ces cases'} "
            "n'est pas lu comme un montant : les totaux, les contrôles et les exports ne "
            f"{'le' if one else 'les'} comptent pas. Écrivez un montant (ex. 45 000 ou 1,5 k€) "
            f"pour qu'{'il' if one else 'ils'} compte{'' if one else 'nt'}."
        ),
        None,
        tuple(cell.place for cell in cells),
    )


def balance_check(budget: Budget) -> BudgetCheck:
    expenses, resources = budget.expense_totals(), budget.resource_totals()
    labels = budget.year_labels()
    figures = []
    for label, spent, earned in zip(labels, expenses, resources, strict=True):
        gap = earned - spent
        if gap == 0:
            figures.append(f"{label} : {format_amount(spent)} de dépenses et de ressources.")
        elif gap < 0:
            figures.append(
                f"{label} : dépenses {format_amount(spent)}, ressources {format_amount(earned)} "
                f"— il manque {format_amount(-gap)} de ressources."
            )
        else:
            figures.append(
                f"{label} : dépenses {format_amount(spent)}, ressources {format_amount(earned)} "
                f"— {format_amount(gap)} de ressources en trop."
            )
    balanced = expenses == resources
    return BudgetCheck(
        "equilibre",
        "ok" if balanced else "attention",
        "Budget équilibré chaque année" if balanced else "Budget déséquilibré",
        (
            "Un budget prévisionnel se présente à l'équilibre : chaque année, le total des "
            "dépenses est égal au total des ressources."
            + (
                ""
                if balanced
                else " Ajustez les dépenses ou indiquez d'où viendront les ressources manquantes."
            )
        ),
        None,
        tuple(figures),
    )


def public_share_check(budget: Budget, said: EditionBudget, cat: Catalogue) -> BudgetCheck:
    public = shares(budget, kinds_of_nature(cat, budget, "public"))
    high = public.period > cat.markers.public_share_high
    marker = format_share(cat.markers.public_share_high)
    explanation = (
        f"Les financements publics (État, collectivités, fonds européens, autres) représentent "
        f"{format_share(public.period)} des ressources sur la période."
    )
    if high:
        explanation += (
            f" Au-delà de {marker} {MARKER_NOTE}, le projet dépend surtout de décisions de "
            "financeurs publics : montrez ce qui prendra le relais."
        )
    return BudgetCheck(
        "part_publique",
        "attention" if high else "ok",
        "Part des financements publics",
        explanation,
        said.quotes.means,
        _per_year(budget, public.by_year),
    )


def private_check(budget: Budget, said: EditionBudget, cat: Catalogue) -> BudgetCheck:
    private = shares(budget, kinds_of_nature(cat, budget, "prive"))
    if private.period == 0:
        return BudgetCheck(
            "partenaires_prives",
            "attention",
            "Aucun partenaire privé",
            "Ni entreprise partenaire ni fondation ou mécénat ne figure dans les ressources. "
            "L'appel regarde la participation des acteurs privés : même modeste, indiquez-la.",
            said.quotes.private_partners,
        )
    return BudgetCheck(
        "partenaires_prives",
        "ok",
        "Participation des partenaires privés",
        f"Les entreprises partenaires, fondations et mécènes apportent "
        f"{format_share(private.period)} des ressources sur la période.",
        said.quotes.private_partners,
        _per_year(budget, private.by_year),
    )


def own_resources_check(budget: Budget, said: EditionBudget, cat: Catalogue) -> BudgetCheck:
    own = shares(budget, kinds_of_nature(cat, budget, "propre"))
    quote = said.quotes.autonomy
    figures = _per_year(budget, own.by_year)
    if own.period == 0:
        return BudgetCheck(
            "ressources_propres",
            "attention",
            "Aucune ressource propre",
            "Ni vente, ni prestation, ni cotisation des membres : le budget ne montre pas encore "
            "comment le pôle financera lui-même une partie de son activité.",
            quote,
            figures,
        )
    share = format_share(own.period)
    if budget.years == 1:
        return BudgetCheck(
            "ressources_propres",
            "info",
            "Ressources propres",
            f"Les ventes, prestations et cotisations représentent {share} des ressources. Un "
            "budget sur 3 ans montrerait leur évolution, c'est-à-dire le chemin vers "
            "l'autonomie financière.",
            quote,
            figures,
        )
    first, last = own.by_year[0], own.by_year[-1]
    labels = budget.year_labels()
    trend = f"de {format_share(first)} en {labels[0]} à {format_share(last)} en {labels[-1]}"
    if percent(last) > percent(first):
        level: Level = "ok"
        title = "Ressources propres en hausse"
        text = f"La part des ressources propres passe {trend} : le budget montre un chemin vers "
        text += "l'autonomie financière."
    elif percent(last) < percent(first):
        level, title = "attention", "Ressources propres en baisse"
        text = f"La part des ressources propres passe {trend}. Expliquez ce qui assurera "
        text += "l'autonomie financière à moyen terme."
    else:
        level, title = "info", "Ressources propres stables"
        text = f"La part des ressources propres reste à {format_share(first)}. Montrez comment "
        text += "elle pourra croître."
    return BudgetCheck("ressources_propres", level, title, text, quote, figures)


def state_check(budget: Budget, said: EditionBudget, cat: Catalogue) -> BudgetCheck:
    state = shares(budget, kinds_of_group(cat, "etat"))
    quotes = said.quotes
    total = sum(state.amounts)
    if total == 0:
        return BudgetCheck(
            "poids_etat",
            "info",
            "Pas de soutien de l'État prévu",
            said.wording.no_state_support_fr,
            quotes.financing_ami,
        )
    high = state.period > cat.markers.state_share_high
    explanation = (
        f"Le soutien de l'État représente {format_share(state.period)} des ressources sur la "
        f"période ({format_amount(total)})."
    )
    level: Level = "ok"
    if high:
        level = "attention"
        explanation += (
            f" Au-delà de {format_share(cat.markers.state_share_high)} {MARKER_NOTE}, le projet "
            "repose sur un soutien ponctuel : montrez qui prendra le relais."
        )
    support = said.state_support
    if support is not None and total * support.years > support.cents * min(
        budget.years, support.years
    ):
        level = "attention"
        explanation += (
            " Ce montant dépasse le soutien financier que l'appel mentionne pour les PTCE "
            f"lauréats ({format_amount(support.cents)} sur {support.years} ans)."
        )
    return BudgetCheck(
        "poids_etat",
        level,
        "Poids du soutien de l'État",
        explanation,
        quotes.state_support,
        _per_year(budget, state.by_year),
    )


def collectivities_check(budget: Budget, said: EditionBudget, cat: Catalogue) -> BudgetCheck:
    local = shares(budget, kinds_of_group(cat, "collectivite"))
    quote = said.quotes.collectivities
    if local.period == 0:
        return BudgetCheck(
            "collectivites",
            "attention",
            "Aucune collectivité ne participe",
            "Ni Région, ni Département, ni intercommunalité ou commune ne figure dans les "
            "ressources. Si une collectivité apporte un soutien (même en nature : locaux, "
            "personnel mis à disposition), indiquez-le.",
            quote,
        )
    by_kind = budget.resources_by_kind()
    parts = [
        f"{kind.label} : {format_amount(sum(by_kind[kind.id]))}"
        for kind in cat.resource_kinds
        if kind.group == "collectivite" and any(by_kind.get(kind.id, []))
    ]
    return BudgetCheck(
        "collectivites",
        "ok",
        "Participation des collectivités",
        f"Les collectivités apportent {format_share(local.period)} des ressources sur la "
        f"période ({SEMICOLON.join(parts)}).",
        quote,
        _per_year(budget, local.by_year),
    )


def in_kind_check(budget: Budget, cat: Catalogue) -> BudgetCheck | None:
    given = [0] * budget.years
    for kind, row in budget.resources_by_kind().items():
        if cat.nature_of(kind) == "nature":
            given = [a + b for a, b in zip(given, row, strict=True)]
    used = budget.expenses_by_heading().get("emploi_contributions_nature", [0] * budget.years)
    if not any(given) and not any(used):
        return None
    if given == used:
        return BudgetCheck(
            "contributions_nature",
            "ok",
            "Contributions en nature valorisées",
            "Les contributions en nature figurent pour le même montant en ressources et en "
            "dépenses, comme l'usage comptable le veut.",
        )
    return BudgetCheck(
        "contributions_nature",
        "info",
        "Contributions en nature à équilibrer",
        "Une contribution en nature (bénévolat, locaux ou personnel mis à disposition) se "
        "valorise deux fois pour le même montant : en ressources (« Contributions en nature ») "
        "et en dépenses (« Emploi des contributions en nature »).",
        None,
        tuple(
            f"{label} : ressources {format_amount(g)}, dépenses {format_amount(u)}"
            for label, g, u in zip(budget.year_labels(), given, used, strict=True)
        ),
    )
