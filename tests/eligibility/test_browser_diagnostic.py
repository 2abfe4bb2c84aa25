"""In a real browser: the adviser's one-screen diagnosis draws the network and the charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    app_server,
    app_server_env,
    browser,
    new_page,
    page,
    screenshot,
)
from tests.browser.server import AppServer
from tests.browser.waits import expect_run, open_page
from tests.eligibility.test_pages import rich_dossier

pytestmark = pytest.mark.browser


def test_diagnosis_network_and_charts_render(app_server: AppServer, page: Any) -> None:  # noqa: F811
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(rich_dossier())

    open_page(page, f"{app_server.url}/recevabilite?d={token}")  # deep link as the first request
    graph = page.locator("[data-testid='stGraphVizChart'] svg")
    graph.wait_for()
    labels = [t.text_content() for t in graph.locator("text").all()]
    assert "Menuiserie Durand" in labels
    assert 'Collectif "La Monnaie"' in labels  # the user's quotes shown as typed
    page.get_by_text("Recevabilité et diagnostic").wait_for()
    page.get_by_text("Critères d'éligibilité", exact=True).wait_for()
    screenshot(page, "diagnostic-recevabilite")

    open_page(page, f"{app_server.url}/autoevaluation?d={token}")
    charts = page.locator("[data-testid='stVegaLiteChart']")
    charts.nth(2).wait_for()
    assert charts.count() == 3
    page.locator(
        "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
    ).first.wait_for()
    screenshot(page, "diagnostic-autoevaluation")


def test_actors_and_eligibility_pages_in_the_browser(app_server: AppServer, page: Any) -> None:  # noqa: F811
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(rich_dossier())
    open_page(page, f"{app_server.url}/acteurs-du-pole?d={token}")
    expect(page.get_by_label("Nom, ligne 2", exact=True)).to_have_value("Menuiserie Durand")
    page.locator("[data-testid='stGraphVizChart'] svg").wait_for()
    screenshot(page, "diagnostic-acteurs")
    open_page(page, f"{app_server.url}/eligibilite?d={token}")
    page.get_by_text("Critères remplis ou en perspective").wait_for()
    link = page.get_by_role(
        "link", name="SIG Ville (ANCT) : savoir si une adresse est en quartier prioritaire"
    )
    link.wait_for()
    assert link.get_attribute("href") == "https://sig.ville.gouv.fr/"
    screenshot(page, "diagnostic-eligibilite")


def test_a_missing_rubric_links_to_its_page(app_server: AppServer, page: Any) -> None:  # noqa: F811
    """The item's link (a rubric's url_path) opens the rubric's page in a real browser."""
    from ptce_assist.backup import read_backup
    from ptce_assist.call import load_call

    dossier = read_backup(
        (Path(__file__).parent / "dossiers" / "28-financement-a-completer.json").read_bytes()
    )
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(dossier)
    open_page(page, f"{app_server.url}/recevabilite?d={token}")
    page.get_by_text("Pas recevable en l'état", exact=False).first.wait_for()
    page.get_by_text("« À compléter après la réunion du 12 »", exact=False).first.wait_for()
    with expect_run(page):
        page.get_by_role("link", name="Compléter").click()
    page.wait_for_url("**/financement**")
    label = load_call().rubric("financement").label
    page.get_by_role("heading", name=label).wait_for()
    page.get_by_text("ne contient qu'un texte d'attente", exact=False).first.wait_for()
