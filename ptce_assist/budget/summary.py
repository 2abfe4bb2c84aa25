"""The budget as lines of French text: what its history shows and compares word by word."""

from __future__ import annotations

from typing import Any

from ptce_assist.budget.amounts import format_amount
from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.model import Budget, BudgetLine


def _budget(value: Any) -> Budget:
    return value if isinstance(value, Budget) else Budget.model_validate(value or {})


def _line(title: str, label: str, line: BudgetLine, years: list[str]) -> str:
    detail = f" ({line.label})" if line.label.strip() else ""
    cells = [f"{year} : {line.typed(index).strip() or '—'}" for index, year in enumerate(years)]
    return f"{title} · {label or 'non précisé'}{detail} — " + " · ".join(cells)


def budget_text(value: Any) -> str:
    """One line per budget line (cells as typed), then the totals per year."""
    budget = _budget(value)
    cat = catalogue()
    years = budget.year_labels()
    lines = [
        _line("Dépenses", cat.expense_label(line.category), line, years)
        for line in budget.expenses
        if not line.is_unfilled()
    ]
    lines += [
        _line("Ressources", cat.resource_label(line.category), line, years)
        for line in budget.resources
        if not line.is_unfilled()
    ]
    spent, earned = budget.expense_totals(), budget.resource_totals()
    lines.append(
        "Total des dépenses — "
        + " · ".join(
            f"{year} : {format_amount(total)}" for year, total in zip(years, spent, strict=True)
        )
    )
    lines.append(
        "Total des ressources — "
        + " · ".join(
            f"{year} : {format_amount(total)}" for year, total in zip(years, earned, strict=True)
        )
    )
    return "\n".join(lines)


def budget_size(value: Any) -> str:
    budget = _budget(value)
    return (
        f"dépenses {format_amount(sum(budget.expense_totals()))}, ressources "
        f"{format_amount(sum(budget.resource_totals()))}"
    )
