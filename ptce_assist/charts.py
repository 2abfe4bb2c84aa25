"""What every chart of the app shares: French numbers and a French description.

Vega-Lite writes numbers the English way (« 300,000 ») unless given a locale, and describes
each chart to screen readers in English (« Y-axis for a discrete scale with 3 values… »)
unless given a description. Every chart spec goes through `french_chart`.
"""

from __future__ import annotations

from typing import Any

NARROW_NBSP = "\u202f"

# d3-format's locale (Vega-Lite `config.locale.number`): « 300 000 », « 2,5 », « 45 000 € ».
FRENCH_NUMBERS: dict[str, Any] = {
    "decimal": ",",
    "thousands": NARROW_NBSP,
    "grouping": [3],
    "currency": ["", "\u00a0€"],
    "minus": "\u2212",
    "percent": "\u202f%",
}


def french_chart(spec: dict[str, Any], description: str) -> dict[str, Any]:
    """`spec` with the French number locale and `description` as what a screen reader says
    (the axes' and legends' own English descriptions turned off)."""
    config = dict(spec.get("config", {}))
    config["locale"] = {"number": FRENCH_NUMBERS}
    for part in ("axis", "legend"):
        config[part] = {**config.get(part, {}), "aria": False}
    config["mark"] = {**config.get("mark", {}), "aria": False}
    return {**spec, "description": description, "config": config}
