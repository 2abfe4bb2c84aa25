"""Every page of both journeys, as a person would see it: a candidate with a filled dossier,
and an adviser who opened that dossier from the workshop's dashboard.

`visit(page, server, journey)` opens each page of the journey in turn and, on each, calls
`look(page, where)` several times: once the page is drawn, then with every expander open,
with the pointer over each table and chart (their toolbars appear on hover), with each
chart's action menu open, the ⋮ menu open (when shown) and a select box's list open. The
pages are those of `ptce_assist/ui/journeys.py` (the menus themselves), so a page added to a
journey is crawled without touching this file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.storage import make_engine
from ptce_assist.ui import journeys
from ptce_assist.workshops.access import WorkshopService
from ptce_assist.workshops.config import BRAKE_BASE_ENV
from ptce_assist.workshops.passphrase import HASH_ENV
from tests.apptest_support import full_dossier
from tests.browser.server import AppServer
from tests.browser.waits import COMPONENTS_DRAWN, open_page, wait_animations_done, wait_tab_told

PASSPHRASE = "le mistral souffle sur Valence"
Look = Callable[[Any, str], None]


CHEAP_HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)


def server_env() -> dict[str, str]:
    return {HASH_ENV: CHEAP_HASH, BRAKE_BASE_ENV: "0.2"}


def crawled_dossier() -> Dossier:
    """A dossier with something on every page: identity, texts, a budget (tables, chart)."""
    data = full_dossier().model_dump(mode="json")
    data["budget"] = {
        "mode": "trois_ans",
        "expenses": [
            {"category": "personnel", "amounts_typed": ["300 000", "310 000", "320 000"]},
            {"category": "animation", "amounts_typed": ["40 000", "40 000", "45 000"]},
        ],
        "resources": [
            {"category": "region", "amounts_typed": ["200 000", "200 000", "210 000"]},
            {"category": "fondations_mecenat", "amounts_typed": ["140 000", "150 000", "155 000"]},
        ],
    }
    return Dossier.model_validate(data)


@dataclass(frozen=True)
class Setup:
    token: str  # the team's personal link
    adviser: str  # the workshop's adviser link
    dossier_id: int


def prepare(server: AppServer) -> Setup:
    engine = make_engine(server.database_url)
    try:
        service = WorkshopService(engine, passphrase_hash=CHEAP_HASH)
        created = service.create_workshop(
            passphrase=PASSPHRASE,
            client="crawl",
            name="Atelier Drôme-Ardèche",
            region="84",
            days=[dt.date.today()],
        )
        token, stored = service.dossiers.create(crawled_dossier())
        service.join(token, created.workshop.join_code, "crawl")
        return Setup(token, created.adviser_token, stored.id)
    finally:
        engine.dispose()


def _paths(sections: Any) -> list[str]:
    """The url paths of a journey's pages, in menu order (rubrics in the call's order)."""
    by_key = {e.key: e.url_path for e in (journeys.ACCUEIL, *journeys.OTHER_ENTRIES)}
    paths: list[str] = []
    for _, keys in sections:
        for key in keys:
            if key == journeys.RUBRICS:
                paths.extend(r.id for r in load_call().rubrics)
            else:
                paths.append(by_key[key])
    return paths


def journey_urls(server: AppServer, setup: Setup, journey: str) -> list[tuple[str, str]]:
    """(page name, url) of every page in the journey."""
    if journey == "candidat":
        return [
            (path or "accueil", f"{server.url}/{path}?d={setup.token}")
            for path in _paths(journeys.CANDIDATE)
        ]
    sections = (*journeys.ADVISER_WORKSHOP, *journeys.ADVISER_DOSSIER)
    return [
        (path or "accueil", f"{server.url}/{path}?a={setup.adviser}&dossier={setup.dossier_id}")
        for path in _paths(sections)
    ]


def _settled(page: Any, name: str) -> None:
    """Drawn: its title, or at least one element of the page (a page that stops early)."""
    main = page.locator("[data-testid='stMain'] [data-testid='stElementContainer']").first
    try:
        main.wait_for(timeout=15_000)
        page.wait_for_function(COMPONENTS_DRAWN, timeout=15_000)
        # The translator and the page's styles are loaded once per page load; a <link> is in
        # the page before its stylesheet has arrived (`sheet` is null until then), and axe
        # read Streamlit's own grey captions in that gap on a busy machine.
        page.wait_for_function(
            "() => !!globalThis.ptceFrench && !!document.getElementById('ptce-page-css')?.sheet",
            timeout=15_000,
        )
        # The run a fresh tab causes by telling its id (static/ptce/member.js) fades the page
        # while it runs: axe read the faded captions as too pale (CI, busy machine).
        wait_tab_told(page, timeout=15_000)
    except Exception as error:
        raise AssertionError(f"la page « {name} » ne s'affiche pas") from error


def visit(page: Any, server: AppServer, setup: Setup, journey: str, look: Look) -> list[str]:
    """Open every page of `journey` and look at it in each state; the pages' names."""
    seen: list[str] = []
    for name, url in journey_urls(server, setup, journey):
        open_page(page, url)
        _settled(page, name)
        look(page, name)
        _open_expanders(page)
        look(page, f"{name} (volets ouverts)")
        _hover_tables_and_charts(page, name, look)
        _open_menus(page, name, look)
        seen.append(name)
    return seen


def _open_expanders(page: Any) -> None:
    summaries = page.locator("[data-testid='stExpander'] details:not([open]) > summary")
    for index in range(summaries.count()):
        summary = summaries.nth(index)
        if summary.is_visible():
            summary.click()


def _hover_tables_and_charts(page: Any, name: str, look: Look) -> None:
    tables = page.locator("[data-testid='stDataFrame'], [data-testid='stTable']")
    for index in range(tables.count()):
        table = tables.nth(index)
        if table.is_visible():
            table.scroll_into_view_if_needed()
            table.hover()
            look(page, f"{name} (tableau {index + 1} survolé)")
    charts = page.locator("[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']")
    for index in range(charts.count()):
        chart = charts.nth(index)
        if not chart.is_visible():
            continue
        chart.scroll_into_view_if_needed()
        chart.hover()
        look(page, f"{name} (graphique {index + 1} survolé)")
        actions = chart.locator("details summary")  # vega-embed's « … » menu, when offered
        if actions.count() and actions.first.is_visible():
            actions.first.click()
            look(page, f"{name} (menu du graphique {index + 1})")
            page.keyboard.press("Escape")


def _open_menus(page: Any, name: str, look: Look) -> None:
    """The ⋮ menu when shown, and the first select box's list of options."""
    menu = page.locator("[data-testid='stMainMenu']")
    if menu.count() and menu.first.is_visible():
        menu.first.click()
        look(page, f"{name} (menu ⋮)")
        page.keyboard.press("Escape")
    select = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first
    if select.count() and select.is_visible() and select.locator("input:enabled").count():
        select.scroll_into_view_if_needed()
        # A person clicks the box where it has come to rest: a click while the volets above
        # are still sliding open lands as the list opens and closes it again.
        wait_animations_done(page)
        select.locator("input").first.click()
        page.get_by_role("option").first.wait_for()
        look(page, f"{name} (liste déroulante ouverte)")
        page.keyboard.press("Escape")
