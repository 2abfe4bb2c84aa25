"""The JavaScript twin (static/ptce/layout.js, fed static/ptce/layout_rules.json) gives the
same text, lines and budget wording as Python on the shared vectors: under Node in the fast
tier (a rule changed on one side only fails before any browser starts), and in a real
Chromium (Debian's, through Playwright) with the browser tests."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from ptce_assist.layout.browser_rules import RULES_FILE, rules_json
from tests.conftest import require_or_skip
from tests.layout.jsrunner import (
    REPO,
    agreement_input,
    browser_answer,
    node,
    node_answer,
    open_layout_page,
    python_answer,
)
from tests.layout.vectors import vectors

BUDGETS = [1, 3, 15, 26, 28, 50, 52, 57, 100, 104, 114]


@pytest.fixture(scope="module")
def agreement() -> tuple[dict[str, Any], dict[str, Any]]:
    """The input both sides get, and Python's answer to it."""
    cases = vectors()
    assert len(cases) >= 900
    pairs = [(used, budget) for budget in BUDGETS for used in range(0, budget + 12)]
    values = [n / d for d in (50, 52, 57) for n in range(0, 180, 7)]
    data = agreement_input(cases, pairs, values)
    return data, python_answer(data)


def mismatches(data: dict[str, Any], python: dict[str, Any], js: dict[str, Any]) -> list[Any]:
    found: list[Any] = []
    for (text, preset, raw), py, other in zip(
        data["cases"], python["vectors"], js["vectors"], strict=True
    ):
        if py != other:
            field = next(k for k in py if py[k] != other.get(k))
            found.append((preset, raw, text[:80], field))
    found += [
        ("budget", py, other)
        for py, other in zip(python["budgets"], js["budgets"], strict=True)
        if py != other
    ]
    found += [
        ("pages", py, other)
        for py, other in zip(python["pages"], js["pages"], strict=True)
        if py != other
    ]
    return found


def test_the_rules_file_is_what_python_says() -> None:
    assert RULES_FILE.read_text("utf-8") == rules_json(), (
        "static/ptce/layout_rules.json : relancez tools/export_layout_rules.py"
    )
    done = subprocess.run(
        [sys.executable, "tools/export_layout_rules.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_node_lays_out_every_vector_as_python_does(
    agreement: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    binary = node()
    require_or_skip(
        binary is not None,
        "PTCE_REQUIRE_ORACLES",
        "Node.js introuvable (paquet Debian nodejs) : accord Python/JS ignoré",
    )
    assert binary is not None
    data, python = agreement
    found = mismatches(data, python, node_answer(binary, data))
    assert not found, f"{len(found)} écarts Python/JS, par ex. {found[:5]}"


@pytest.mark.browser
@pytest.mark.xdist_group("layout-browser")
def test_chromium_lays_out_every_vector_as_python_does(
    chromium: Any,
    agreement: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    data, python = agreement
    page = open_layout_page(chromium)
    try:
        found = mismatches(data, python, browser_answer(page, data))
    finally:
        page.close()
    assert not found, f"{len(found)} écarts Python/JS, par ex. {found[:5]}"
