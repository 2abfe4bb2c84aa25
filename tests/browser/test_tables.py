"""The tables (actors, fragile territories, budget) in a real Chromium, typed as people type.

Issue 11, point 3: with `st.data_editor`, clicking the empty row and typing at once lost the
first letter, a cell reached with Tab sometimes lost its text, an accented first letter typed on
a selected cell was dropped, the page jumped when the second budget table was clicked, new rows
showed « None » and the « + » to add a row only appeared on hover. Point 4: one amount not
understood (« environ 5000 ») blocked the whole budget. Every step is checked in the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from ptce_assist.dossier import Dossier
from tests.browser.conftest import screenshot
from tests.browser.server import AppServer, harness_server
from tests.browser.tables import Database, cell, focused_label, table, table_root, wait_saved
from tests.browser.waits import wait_animations_done

pytestmark = pytest.mark.browser

ACTORS = "Acteurs du pôle"
EXPENSES, RESOURCES = "Dépenses", "Ressources"


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    """Without the team's live check (every 3 s): it would sometimes bring tab A's row to tab
    B before B types, and the conflict of test_a_table_changed_in_another_tab would not
    happen (live updates are tests/browser/test_team.py's)."""
    return {"PTCE_TEAM_LIVE": "0"}


@pytest.fixture
def db(app_server: AppServer) -> Iterator[Database]:
    database = Database(app_server.database_url)
    yield database
    database.close()


def _actors(db: Database, token: str) -> list[dict[str, str]]:
    return [actor.model_dump() for actor in db.dossier(token).diagnostic.actors]


def _names(db: Database, token: str) -> list[str]:
    return [actor["name"] for actor in _actors(db, token)]


def _territories(db: Database, token: str) -> list[dict[str, str]]:
    return [t.model_dump() for t in db.dossier(token).diagnostic.fragile_territories]


def _lines(lines: list[Any]) -> list[dict[str, Any]]:
    return [line.model_dump() for line in lines]


def _line(category: str, typed: list[str], cents: list[int]) -> dict[str, Any]:
    """A stored budget line: the cells as typed, the amounts read from them (by hand)."""
    return {"category": category, "label": "", "amounts_cents": cents, "amounts_typed": typed}


def test_typing_at_once_after_a_click_and_after_tab(
    app_server: AppServer, page: Any, db: Database
) -> None:
    token = db.create()
    page.goto(f"{app_server.url}/acteurs-du-pole?d={token}")

    # The empty row: click its first cell and type at once, an accented first letter first.
    cell(page, ACTORS, "Nom", 1).click()
    page.keyboard.type("Écorecyclerie du Val")
    db.wait_for(token, lambda d: _names(db, token) == ["Écorecyclerie du Val"], "the name")
    assert _actors(db, token) == [
        {"name": "Écorecyclerie du Val", "kind": "", "role": "", "status": "implique"}
    ]

    # Tab to the next cells and type at once: a choice by its first letters, then text that
    # starts with an accented letter.
    page.keyboard.press("Tab")
    assert focused_label(page) == "Catégorie, ligne 1"
    page.keyboard.type("Entreprise de")
    page.keyboard.press("Tab")
    assert focused_label(page) == "Rôle dans le pôle, ligne 1"
    page.keyboard.type("Échanges de matériaux")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # Statut: Impliqué -> Pressenti
    wait_saved(page, ACTORS)
    db.wait_for(token, lambda d: _actors(db, token)[0]["status"] == "pressenti", "the status")
    assert _actors(db, token) == [
        {
            "name": "Écorecyclerie du Val",
            "kind": "ess",
            "role": "Échanges de matériaux",
            "status": "pressenti",
        }
    ]
    assert cell(page, ACTORS, "Nom", 1).input_value() == "Écorecyclerie du Val"
    screenshot(page, "tables-acteurs")


def test_rows_added_deleted_and_restored(app_server: AppServer, page: Any, db: Database) -> None:
    first = {"name": "Recyclerie du Val", "kind": "ess", "role": "Porteur", "status": "implique"}
    token = db.create(Dossier.model_validate({"diagnostic": {"actors": [first]}}))
    page.goto(f"{app_server.url}/acteurs-du-pole?d={token}")

    add = table_root(page, ACTORS).get_by_role("button", name="Ajouter une ligne")
    expect(add).to_be_visible()  # without hovering anything
    add.click()
    assert focused_label(page) == "Nom, ligne 2"
    page.keyboard.type("Mairie de Die")
    # The new row's other cells are empty (never « None »), the choices not yet made.
    expect(cell(page, ACTORS, "Rôle dans le pôle", 2)).to_have_value("")
    expect(cell(page, ACTORS, "Catégorie", 2)).to_have_value("")
    assert "None" not in table(page, ACTORS).inner_text()
    assert "\u2014 À choisir \u2014" in cell(page, ACTORS, "Catégorie", 2).inner_text()
    second = {"name": "Mairie de Die", "kind": "", "role": "", "status": "implique"}
    db.wait_for(token, lambda d: len(_actors(db, token)) == 2, "the new row")
    assert _actors(db, token) == [first, second]

    table(page, ACTORS).get_by_role("button", name="Supprimer la ligne 1").click()
    db.wait_for(token, lambda d: len(_actors(db, token)) == 1, "the deletion")
    assert _actors(db, token) == [second]
    assert cell(page, ACTORS, "Nom", 1).input_value() == "Mairie de Die"
    expect(table_root(page, ACTORS).get_by_text("Ligne 1 supprimée")).to_be_visible()
    # The focus is on « Annuler »: the keyboard alone restores the row.
    assert focused_label(page) == "Annuler la suppression de la ligne 1"
    page.keyboard.press("Enter")
    db.wait_for(token, lambda d: len(_actors(db, token)) == 2, "the restored row")
    assert _actors(db, token) == [first, second]
    assert focused_label(page) == "Nom, ligne 1"
    wait_saved(page, ACTORS)


def test_fragile_territories_typed_then_added_from_an_official_list(
    app_server: AppServer, page: Any, db: Database, tmp_path: Path
) -> None:
    token = db.create(Dossier(rubrics={"perimetre": "Le pôle agit à Die et à Saillans."}))
    page.goto(f"{app_server.url}/eligibilite?d={token}")
    caption = "Territoires fragiles déclarés"
    kind = cell(page, caption, "Type", 1)
    kind.select_option(label="Quartier prioritaire de la politique de la ville (QPV)")
    kind.focus()
    page.keyboard.press("Tab")
    page.keyboard.type("QN02601M")
    page.keyboard.press("Tab")
    page.keyboard.type("Évry-Courcouronnes, Ris-Orangis")
    wait_saved(page, caption)
    qpv = {"kind": "qpv", "name": "QN02601M", "communes": "Évry-Courcouronnes, Ris-Orangis"}
    db.wait_for(token, lambda d: _territories(db, token) == [qpv], "the territory")

    # Communes of the périmètre found in an official list are added to the stored list, and
    # the table shows them at once.
    official = tmp_path / "frr.csv"
    official.write_text("CODGEO;LIBGEO\n26113;Die\n26289;Saillans\n", encoding="utf-8")
    # The section opened with the mouse, then the keyboard: Tab reaches the list's box, typing
    # filters it to one choice, taken with Enter.
    page.get_by_text("Importer une liste officielle (CSV, facultatif)").click()
    wait_animations_done(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("combobox", name="Type de liste")).to_be_focused()
    page.keyboard.type("Commune France")
    dropdown = page.locator("[data-testid='stSelectboxVirtualDropdown']")
    expect(dropdown.get_by_role("option")).to_have_text(
        ["Commune France Ruralités Revitalisation (FRR, ex-ZRR)"]
    )
    page.keyboard.press("Enter")
    page.locator("input[type='file']").set_input_files(str(official))
    page.get_by_role("button", name="Les déclarer comme territoire fragile").click()
    frr = {"kind": "frr", "name": "", "communes": "Die, Saillans"}
    db.wait_for(token, lambda d: len(_territories(db, token)) == 2, "the list's communes")
    assert _territories(db, token) == [qpv, frr]
    expect(cell(page, caption, "Communes concernées (séparées par des virgules)", 2)).to_have_value(
        "Die, Saillans"
    )
    expect(cell(page, caption, "Type", 2)).to_have_value("frr")
    assert cell(page, caption, "Nom ou code (ex. QN02601M)", 1).input_value() == "QN02601M"


def test_a_table_changed_in_another_tab_is_not_overwritten(
    app_server: AppServer, new_page: Any, db: Database
) -> None:
    first = {"name": "Recyclerie du Val", "kind": "ess", "role": "", "status": "implique"}
    token = db.create(Dossier.model_validate({"diagnostic": {"actors": [first]}}))
    tab_a, tab_b = new_page(), new_page()
    for tab in (tab_a, tab_b):
        tab.goto(f"{app_server.url}/acteurs-du-pole?d={token}")
        expect(cell(tab, ACTORS, "Nom", 1)).to_have_value("Recyclerie du Val")

    cell(tab_a, ACTORS, "Rôle dans le pôle", 1).click()
    tab_a.keyboard.type("Porteur")
    db.wait_for(token, lambda d: _actors(db, token)[0]["role"] == "Porteur", "tab A's role")

    cell(tab_b, ACTORS, "Rôle dans le pôle", 1).click()
    tab_b.keyboard.type("Atelier")
    tab_b.get_by_text("Ce champ a été modifié ailleurs", exact=False).wait_for()
    assert _actors(db, token) == [{**first, "role": "Porteur"}]  # not overwritten
    assert cell(tab_b, ACTORS, "Rôle dans le pôle", 1).input_value() == "Atelier"  # not lost

    tab_b.get_by_role("button", name="Reprendre la version enregistrée").click()
    expect(cell(tab_b, ACTORS, "Rôle dans le pôle", 1)).to_have_value("Porteur")
    tab_b.get_by_text("Ce champ a été modifié ailleurs", exact=False).wait_for(state="detached")
    assert _actors(db, token) == [{**first, "role": "Porteur"}]


def test_second_budget_table_clicked_right_after_typing(
    app_server: AppServer, page: Any, db: Database
) -> None:
    token = db.create()
    page.goto(f"{app_server.url}/budget?d={token}")
    cell(page, EXPENSES, "N (€)", 1).click()  # Personnel
    page.keyboard.type("60 000")
    region = cell(page, RESOURCES, "N (€)", 2)  # Région, clicked at once
    region.click()
    top = region.bounding_box()["y"]
    page.keyboard.type("60 000")
    wait_saved(page, EXPENSES)
    wait_saved(page, RESOURCES)
    budget = db.wait_for(
        token, lambda d: d.budget.resource_totals()[0] == 6_000_000, "the resource"
    ).budget
    spent, earned = _lines(budget.expenses), _lines(budget.resources)
    assert spent[0] == _line("personnel", ["60 000", "", ""], [6_000_000, 0, 0])
    assert earned[1] == _line("region", ["60 000", "", ""], [6_000_000, 0, 0])
    assert budget.expense_totals() == budget.resource_totals() == [6_000_000, 0, 0]
    # No jump: the cell typed in is where it was clicked, still with the focus.
    assert abs(region.bounding_box()["y"] - top) < 2
    assert focused_label(page) == "N (€), ligne 2"
    assert region.input_value() == "60 000"
    page.get_by_text("Budget équilibré chaque année").wait_for()


def test_amount_not_understood_is_kept_flagged_and_left_out(
    app_server: AppServer, page: Any, db: Database
) -> None:
    token = db.create()
    page.goto(f"{app_server.url}/budget?d={token}")
    cell(page, EXPENSES, "N (€)", 1).click()
    page.keyboard.type("45 000")
    odd = cell(page, EXPENSES, "N+1 (€)", 2)  # Animation territoriale
    odd.click()
    page.keyboard.type("environ 5000")
    cell(page, RESOURCES, "N (€)", 1).click()  # État – AMI pour financer…
    page.keyboard.type("45 000 €")
    page.keyboard.press("Tab")
    wait_saved(page, RESOURCES)

    # Everything is saved, the odd cell as typed; its amount counts as 0.
    budget = db.wait_for(
        token, lambda d: d.budget.resource_totals()[0] == 4_500_000, "the resource"
    ).budget
    spent, earned = _lines(budget.expenses), _lines(budget.resources)
    assert spent[0] == _line("personnel", ["45 000", "", ""], [4_500_000, 0, 0])
    assert spent[1] == _line("animation", ["", "environ 5000", ""], [0, 0, 0])
    assert earned[0] == _line("etat_financement_ptce", ["45 000 €", "", ""], [4_500_000, 0, 0])

    # The cell is flagged, the remark listed under its table, the totals say what they leave.
    expect(odd).to_have_attribute("aria-invalid", "true")
    remarks = table_root(page, EXPENSES).locator(".ptce-problems")
    expect(remarks).to_contain_text("Ligne 2, N+1 (€) : « environ 5000 » n'est pas un montant")
    page.get_by_text(
        "Total hors 1 montant non compris : Dépenses, ligne 2, N+1 « environ 5000 »"
    ).wait_for()
    page.get_by_text("Budget équilibré chaque année").wait_for()
    screenshot(page, "tables-budget-montant-non-compris")

    # Corrected: it counts, and nothing is flagged any more.
    odd.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("5 000")
    page.keyboard.press("Tab")
    budget = db.wait_for(
        token, lambda d: d.budget.expense_totals() == [4_500_000, 500_000, 0], "the fix"
    ).budget
    spent = _lines(budget.expenses)
    assert spent[1] == _line("animation", ["", "5 000", ""], [0, 500_000, 0])
    expect(odd).not_to_have_attribute("aria-invalid", "true")
    expect(remarks).to_be_hidden()
    expect(page.get_by_text("Total hors 1 montant non compris")).to_have_count(0)


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("table-harness")
    with harness_server(folder, Path(__file__).with_name("table_harness_app.py")) as server:
        yield server


def test_read_only_table(harness: AppServer, page: Any) -> None:
    db = Database(harness.database_url)
    hostile = '<img src=x onerror="window.__xss=1">'
    actor = {"name": hostile, "kind": "ess", "role": "Porteur", "status": "implique"}
    token = db.create(Dossier.model_validate({"diagnostic": {"actors": [actor]}}))
    try:
        page.goto(f"{harness.url}/?d={token}&lecture=1")
        name = cell(page, ACTORS, "Nom", 1)
        expect(name).to_have_value(hostile)  # shown as text, never as HTML
        expect(table_root(page, ACTORS).locator(".ptce-status")).to_have_text("Lecture seule")
        controls = table(page, ACTORS).locator("input, select")
        assert controls.count() == 4
        for index in range(4):
            expect(controls.nth(index)).to_be_disabled()
        root = table_root(page, ACTORS)
        expect(root.get_by_role("button", name="Ajouter une ligne")).to_be_hidden()
        expect(root.get_by_role("button", name="Supprimer la ligne 1")).to_be_hidden()
        assert table_root(page, ACTORS).locator("img").count() == 0
        assert page.evaluate("() => window.__xss") is None
        assert _actors(db, token) == [actor]
        assert db.store.load(token).version == 1  # type: ignore[union-attr]
    finally:
        db.close()
