"""The layout rules as data for the browser twin, static/ptce/layout.js (one source).

layout.js holds the algorithm, step for step like engine.py; every table, pattern, threshold
and message it applies comes from here, written to static/ptce/layout_rules.json by
`python tools/export_layout_rules.py` (`--check` compares; a test does too). The font metrics
travel the same way (assets/metrics/, tools/extract_metrics.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ptce_assist.layout import line_budget, linebreak, typography

RULES_FILE = Path(__file__).resolve().parents[2] / "static" / "ptce" / "layout_rules.json"


def layout_rules() -> dict[str, Any]:
    return {
        "about": "Generated from ptce_assist/layout by tools/export_layout_rules.py: do not edit.",
        "typography": typography.browser_rules(),
        "linebreak": linebreak.browser_rules(),
        "line_budget": line_budget.browser_rules(),
    }


def rules_json() -> str:
    """The file's exact text: stable key order, one rule per line where it helps reading."""
    return json.dumps(layout_rules(), ensure_ascii=True, indent=1, sort_keys=True) + "\n"
