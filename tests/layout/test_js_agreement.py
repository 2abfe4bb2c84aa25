"""The JavaScript twin (layout.js) gives the same text, lines and budget wording as Python,
run in a real Chromium (Debian's, through Playwright) on the shared vectors."""

from __future__ import annotations

from typing import Any

import pytest

from ptce_assist.layout.budget import budget_status, format_pages
from ptce_assist.layout.engine import layout_prepared
from ptce_assist.layout.typography import prepare_text, unsupported_characters
from tests.layout.jsrunner import open_layout_page
from tests.layout.vectors import vectors

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("layout-browser")]

RUN_VECTORS = """(cases) => cases.map(([text, preset, raw]) => {
  const font = window.ptceFonts[preset];
  const prepared = raw ? text : PtceLayout.prepareText(text);
  const r = PtceLayout.layoutPrepared(prepared, font);
  return {
    prepared,
    lines: r.lines.map((l) => [l.paragraph, l.start, l.end, l.text, l.cut]),
    count: r.line_count, paragraphs: r.paragraph_count, height: r.height_twips,
    pages: r.pages, characters: r.characters,
    unsupported: raw ? null : PtceLayout.unsupportedCharacters(text, font).sort(),
  };
})"""


@pytest.fixture(scope="module")
def page(chromium: Any) -> Any:
    page = open_layout_page(chromium)
    yield page
    page.close()


def python_side(text: str, preset_id: str, raw: bool) -> dict[str, Any]:
    prepared = text if raw else prepare_text(text)
    r = layout_prepared(prepared, preset_id)
    return {
        "prepared": prepared,
        "lines": [[ln.paragraph, ln.start, ln.end, ln.text, ln.cut] for ln in r.lines],
        "count": r.line_count, "paragraphs": r.paragraph_count, "height": r.height_twips,
        "pages": r.pages, "characters": r.characters,
        "unsupported": None if raw else sorted(unsupported_characters(text, preset_id)),
    }


def test_every_vector_breaks_identically(page: Any) -> None:
    cases = vectors()
    assert len(cases) >= 900
    js_results = page.evaluate(RUN_VECTORS, [list(c) for c in cases])
    mismatches = []
    for case, js in zip(cases, js_results, strict=True):
        py = python_side(*case)
        if py != js:
            field = next(k for k in py if py[k] != js[k])
            mismatches.append((case.preset_id, case.raw, case.text[:80], field))
    assert not mismatches, f"{len(mismatches)} écarts Python/JS, par ex. {mismatches[:5]}"


def test_budget_wording_is_the_same(page: Any) -> None:
    budgets = [1, 3, 15, 26, 28, 50, 52, 57, 100, 104, 114]
    pairs = [(used, budget) for budget in budgets for used in range(0, budget + 12)]
    js = page.evaluate(
        "(pairs) => pairs.map(([u, b]) => { const s = PtceLayout.budgetStatus(u, b);"
        " return [s.used, s.budget, s.remaining, s.state, s.message]; })", pairs)
    py = [[s.used, s.budget, s.remaining, s.state, s.message]
          for s in (budget_status(u, b) for u, b in pairs)]
    assert js == py


def test_pages_wording_is_the_same(page: Any) -> None:
    values = [n / d for d in (50, 52, 57) for n in range(0, 180, 7)]
    js = page.evaluate("(v) => v.map((x) => PtceLayout.formatPages(x))", values)
    assert js == [format_pages(v) for v in values]
