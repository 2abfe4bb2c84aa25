"""The resources chart of the budget page: one stacked bar per year, by origin.

A plain Vega-Lite spec (French numbers: « 300 000 € »). The legend goes under the chart, in
as many columns as fit, with labels never cut: the origins' labels are long (« Fondations et
mécénat »), and a legend on the right took the chart's width and cut them.
"""

from __future__ import annotations

from typing import Any

from ptce_assist.budget.amounts import format_amount
from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.model import Budget
from ptce_assist.charts import french_chart

YEAR = "Année"
ORIGIN = "Origine"
AMOUNT = "Montant (€)"


def chart_rows(budget: Budget) -> list[dict[str, Any]]:
    cat = catalogue()
    return [
        {
            YEAR: label,
            ORIGIN: cat.resource_label(kind) or "Origine non précisée",
            AMOUNT: amount / 100,
        }
        for kind, row in budget.resources_by_kind().items()
        for label, amount in zip(budget.year_labels(), row, strict=True)
        if amount
    ]


def resources_chart(budget: Budget) -> dict[str, Any]:
    rows = chart_rows(budget)
    spec: dict[str, Any] = {
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {
                "field": YEAR,
                "type": "nominal",
                "sort": budget.year_labels(),
                "axis": {"labelAngle": 0},
            },
            "y": {
                "field": AMOUNT,
                "type": "quantitative",
                "stack": "zero",
                "axis": {"format": ",.0f"},
            },
            "color": {
                "field": ORIGIN,
                "type": "nominal",
                "legend": {"orient": "bottom", "columns": 2, "labelLimit": 0, "title": None},
            },
            "tooltip": [
                {"field": YEAR, "type": "nominal"},
                {"field": ORIGIN, "type": "nominal"},
                {"field": AMOUNT, "type": "quantitative", "format": ",.2~f"},
            ],
        },
        "height": 260,
    }
    said = "; ".join(
        f"{row[YEAR]}, {row[ORIGIN]} : {format_amount(round(row[AMOUNT] * 100))}" for row in rows
    )
    return french_chart(spec, f"Ressources par origine et par année : {said}.")
