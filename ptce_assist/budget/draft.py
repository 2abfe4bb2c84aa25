"""A French paragraph presenting the budget "en grandes masses", for the financement rubric.

It states only what the figures say (totals, main expense headings, where resources come from,
the trend of own resources); the candidate edits it afterwards. Ordinary spaces are used in
amounts: the export adds the French no-break spaces itself, and the text pasted into the
online form must hold nothing the candidate cannot see.
"""

from __future__ import annotations

from ptce_assist.budget.amounts import format_amount, format_share, percent
from ptce_assist.budget.categories import Catalogue, Nature, catalogue
from ptce_assist.budget.checks import kinds_of_nature, shares
from ptce_assist.budget.model import Budget

MAIN_HEADINGS = 3
MIN_HEADING_SHARE = 0.10
NATURE_ORDER: tuple[Nature, ...] = ("public", "prive", "propre", "nature")


def _eur(cents: int) -> str:
    return format_amount(cents, sep=" ")


def _pct(share: float) -> str:
    return format_share(share, sep=" ")


def _enumerate(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


def draft_paragraph(budget: Budget) -> str:
    """The paragraph, or "" for an empty budget."""
    if budget.is_empty():
        return ""
    cat = catalogue()
    sentences = [_totals(budget), _expenses(budget, cat), _resources(budget, cat)]
    sentences.append(_own_trend(budget, cat))
    return " ".join(s for s in sentences if s)


def _by_year(amounts: list[int], labels: list[str]) -> str:
    return _enumerate([f"{_eur(a)} en {label}" for a, label in zip(amounts, labels, strict=True)])


def _totals(budget: Budget) -> str:
    expenses, resources = budget.expense_totals(), budget.resource_totals()
    labels = budget.year_labels()
    if budget.years == 1:
        if expenses == resources:
            return f"Le budget prévisionnel annuel du PTCE s'élève à {_eur(expenses[0])}."
        return (
            f"Le budget prévisionnel annuel du PTCE prévoit {_eur(expenses[0])} de dépenses "
            f"et {_eur(resources[0])} de ressources."
        )
    yearly = _by_year(expenses, labels)
    if expenses == resources:
        return (
            f"Le budget prévisionnel du PTCE s'élève à {yearly}, soit {_eur(sum(expenses))} "
            "sur trois ans."
        )
    earned = _by_year(resources, labels)
    return (
        f"Le budget prévisionnel du PTCE prévoit des dépenses de {yearly}, et des ressources "
        f"de {earned}."
    )


def _expenses(budget: Budget, cat: Catalogue) -> str:
    total = sum(budget.expense_totals())
    if not total:
        return ""
    by_heading = sorted(
        ((sum(row), heading) for heading, row in budget.expenses_by_heading().items()),
        key=lambda item: -item[0],
    )
    main = [
        (amount, heading) for amount, heading in by_heading if amount / total >= MIN_HEADING_SHARE
    ][:MAIN_HEADINGS]
    if not main:
        return ""
    parts = [
        f"{(h.in_text if (h := cat.heading(heading)) else heading)} ({_pct(amount / total)})"
        for amount, heading in main
    ]
    return f"Les dépenses portent principalement sur {_enumerate(parts)}."


def _resources(budget: Budget, cat: Catalogue) -> str:
    total = sum(budget.resource_totals())
    if not total:
        return ""
    by_kind = budget.resources_by_kind()
    parts = []
    for nature in NATURE_ORDER:
        kinds = kinds_of_nature(cat, budget, nature)
        share = shares(budget, kinds).period
        if share == 0:
            continue
        named = [
            (k.in_text if (k := cat.kind(kind)) else kind)
            for kind in by_kind
            if kind in kinds and any(by_kind[kind])
        ]
        parts.append(f"pour {_pct(share)} de {cat.natures[nature]} ({', '.join(named)})")
    return f"Les ressources proviennent {_enumerate(parts)}."


def _own_trend(budget: Budget, cat: Catalogue) -> str:
    if budget.years == 1:
        return ""
    own = shares(budget, kinds_of_nature(cat, budget, "propre"))
    first, last = own.by_year[0], own.by_year[-1]
    labels = budget.year_labels()
    if percent(first) == percent(last):
        return ""
    sentence = (
        f"La part des ressources propres passe de {_pct(first)} en {labels[0]} à "
        f"{_pct(last)} en {labels[-1]}"
    )
    if last > first:
        return sentence + ", ce qui traduit la recherche d'une autonomie financière à moyen terme."
    return sentence + "."
