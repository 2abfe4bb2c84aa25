"""axe-core in Chromium on every page of both journeys: no serious or critical violation.

axe's script comes from the installed `axe-playwright-python` package (no download at run
time); it is run on each page once drawn and once its expanders are open.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import crawl
from tests.browser.server import AppServer

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    return crawl.server_env()


def blocking_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in BLOCKING:
            targets = [" ".join(map(str, n.get("target", []))) for n in violation["nodes"][:3]]
            found.append(
                f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} "
                f"élément(s)) : {violation['help']} — {'; '.join(targets)}"
            )
    return found


@pytest.mark.parametrize("journey", ["candidat", "conseiller"])
def test_no_serious_accessibility_violation(app_server: AppServer, page: Any, journey: str) -> None:
    setup = crawl.prepare(app_server)
    found: dict[str, list[str]] = {}

    def look(page: Any, where: str) -> None:
        if "survolé" in where or "menu" in where:
            return  # a hover changes no structure axe reads
        violations = blocking_violations(page)
        if violations:
            found[where] = violations

    visited = crawl.visit(page, app_server, setup, journey, look)
    assert len(visited) >= 12
    assert not found, "\n".join(f"{where} :\n  " + "\n  ".join(v) for where, v in found.items())
