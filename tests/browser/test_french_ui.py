"""Not one English word on any page, in either journey: every page visited as a candidate and
as an adviser, its expanders opened, its tables and charts hovered, their menus opened; the
visible text (and what a hover or a screen reader shows) checked against a list of English UI
words and a French dictionary (tests/browser/french_check.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ptce_assist.regions import REGIONS
from tests.browser import crawl
from tests.browser.french_check import not_french, seen_texts
from tests.browser.server import AppServer

# Proper nouns, the product's name, units and the call's own terms that the dictionary lacks
# (its feminine « référente », « désindustrialisés », « opérationnalité »); region names.
ALLOWED = frozenset(
    """ptce assist ess cress siret siren scic scop sas sarl epci ami dg trésor docx pdf json md
    txt word libreoffice markdown excel arial carlito liberation val solidaire romans isère
    drôme ardèche valence lilas camille martin recyclerie démarches simplifiées rgaa etp qpv
    zrr france ruralités référente référent désindustrialisés désindustrialisé opérationnalité
    mo ko etc intercommunalité intercommunalités exports moselle alsace""".split()  # noqa: SIM905
) | frozenset(word for region in REGIONS for word in re.findall(r"[^\W\d_]+", region.name.lower()))


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    return crawl.server_env()


@pytest.mark.parametrize("journey", ["candidat", "conseiller"])
def test_no_english_word_on_any_page(app_server: AppServer, page: Any, journey: str) -> None:
    setup = crawl.prepare(app_server)
    found: dict[str, list[str]] = {}

    def look(page: Any, where: str) -> None:
        words = not_french(seen_texts(page), ALLOWED)
        if words:
            found[where] = words

    visited = crawl.visit(page, app_server, setup, journey, look)
    assert len(visited) >= 20
    assert not found, "\n".join(f"{where} : {', '.join(w)}" for where, w in found.items())
