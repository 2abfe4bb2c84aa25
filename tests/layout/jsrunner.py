"""layout.js in a blank Chromium page, with the presets it needs (agreement test, bench)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ptce_assist.layout.presets import PRESETS
from ptce_assist.ui.rubric_editor import preset_payload

LAYOUT_JS = Path(__file__).resolve().parents[2] / "static/ptce/layout.js"

SETUP = """(presets) => {
  window.ptceFonts = {};
  for (const [id, p] of Object.entries(presets)) {
    window.ptceFonts[id] = PtceLayout.makeFont(p.metrics, p);
  }
  return Object.keys(window.ptceFonts).length;
}"""


def open_layout_page(browser: Any) -> Any:
    """A page where PtceLayout and window.ptceFonts[preset id] are ready."""
    page = browser.new_page()
    page.set_content("<!doctype html><html lang='fr'><meta charset='utf-8'><body></body></html>")
    page.add_script_tag(content=LAYOUT_JS.read_text(encoding="utf-8"))
    page.evaluate(SETUP, {pid: preset_payload(pid) for pid in PRESETS})
    return page
