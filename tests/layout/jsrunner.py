"""layout.js fed its rules (static/ptce/layout_rules.json) under Node or in a blank Chromium
page, and the Python answers it must agree with (agreement test, bench)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ptce_assist.layout.browser_rules import RULES_FILE
from ptce_assist.layout.engine import layout_prepared
from ptce_assist.layout.line_budget import budget_status, format_pages
from ptce_assist.layout.presets import PRESETS
from ptce_assist.layout.typography import prepare_text, unsupported_characters
from ptce_assist.ui.rubric_editor import preset_payload
from tests.layout.vectors import Vector

REPO = Path(__file__).resolve().parents[2]
LAYOUT_JS = REPO / "static/ptce/layout.js"
AGREEMENT_JS = Path(__file__).with_name("agreement.js")
NODE_RUNNER = Path(__file__).with_name("node_agreement.js")


def node() -> str | None:
    return shutil.which("node") or shutil.which("nodejs")


def agreement_input(
    cases: list[Vector], budget_pairs: list[tuple[int, int]], pages: list[float]
) -> dict[str, Any]:
    return {
        "presets": {pid: preset_payload(pid) for pid in PRESETS},
        "cases": [list(c) for c in cases],
        "budget_pairs": [list(p) for p in budget_pairs],
        "pages": pages,
    }


def python_answer(data: dict[str, Any]) -> dict[str, Any]:
    """What Python says to the input `runAgreement` gets (tests/layout/agreement.js)."""
    vectors = []
    for text, preset_id, raw in data["cases"]:
        prepared = text if raw else prepare_text(text)
        r = layout_prepared(prepared, preset_id)
        vectors.append(
            {
                "prepared": prepared,
                "lines": [[ln.paragraph, ln.start, ln.end, ln.text, ln.cut] for ln in r.lines],
                "count": r.line_count,
                "paragraphs": r.paragraph_count,
                "height": r.height_twips,
                "pages": r.pages,
                "characters": r.characters,
                "unsupported": None if raw else sorted(unsupported_characters(text, preset_id)),
            }
        )
    budgets = [
        [s.used, s.budget, s.remaining, s.state, s.message]
        for s in (budget_status(u, b) for u, b in data["budget_pairs"])
    ]
    return {"vectors": vectors, "budgets": budgets, "pages": list(map(format_pages, data["pages"]))}


def node_answer(binary: str, data: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(
        [binary, str(NODE_RUNNER)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


SETUP = """(rules) => { window.PtceLayout = createPtceLayout(rules); return true; }"""


def open_layout_page(browser: Any) -> Any:
    """A page where `PtceLayout` (layout.js with its rules) and `runAgreement` are ready."""
    page = browser.new_page()
    page.set_content("<!doctype html><html lang='fr'><meta charset='utf-8'><body></body></html>")
    page.add_script_tag(content=LAYOUT_JS.read_text(encoding="utf-8"))
    page.add_script_tag(content=AGREEMENT_JS.read_text(encoding="utf-8"))
    page.evaluate(SETUP, json.loads(RULES_FILE.read_text("utf-8")))
    return page


def browser_answer(page: Any, data: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = page.evaluate("(data) => runAgreement(PtceLayout, data)", data)
    return answer
