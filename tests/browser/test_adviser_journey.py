"""The adviser journey in a real browser: an adviser creates a workshop, a team joins it from
another browser and writes, the adviser reads the dossier and comments, the team sees the
comment beside its text and resolves it. Two browser contexts: two people, no shared state."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from argon2 import PasswordHasher

from ptce_assist.storage import DossierStore, make_engine
from ptce_assist.workshops.access import WorkshopService
from ptce_assist.workshops.config import BRAKE_BASE_ENV
from ptce_assist.workshops.passphrase import HASH_ENV
from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer

PASSPHRASE = "le mistral souffle sur Valence"
PROJECT = "Recyclerie du Val"
TEXT = "Le pôle réunit douze structures de l'ESS autour du réemploi."
COMMENT = "Précisez les communes couvertes et le nombre d'emplois visés."


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)
    return {HASH_ENV: cheap, BRAKE_BASE_ENV: "0.2"}


def wait_for(check: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"never happened: {what}")


def choose(page: Any, label: str, option: str) -> None:
    """Pick an option of a Streamlit select box."""
    page.get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option).click()
    wait_idle(page)


def code_blocks(page: Any, count: int) -> list[str]:
    blocks = page.locator("[data-testid='stCode'] pre")
    blocks.nth(count - 1).wait_for()
    return [t.strip() for t in blocks.all_inner_texts()]


def test_adviser_journey(app_server: AppServer, new_page: Callable[[], Any]) -> None:
    service = WorkshopService(make_engine(app_server.database_url))
    adviser, team = new_page(), new_page()

    # 1. The adviser creates the workshop.
    adviser.goto(f"{app_server.url}/creer-atelier")
    wait_idle(adviser)
    adviser.get_by_label("Nom de l'atelier").fill("Atelier Drôme-Ardèche")
    choose(adviser, "Région", "Auvergne-Rhône-Alpes")
    adviser.get_by_label("Phrase secrète d'administration").fill("pas la bonne")
    adviser.get_by_role("button", name="Créer l'atelier").click()
    wait_idle(adviser)
    assert adviser.get_by_text("Phrase secrète incorrecte.").count() == 1
    adviser.get_by_label("Phrase secrète d'administration").fill(PASSPHRASE)
    adviser.get_by_role("button", name="Créer l'atelier").click()
    wait_idle(adviser)
    adviser.get_by_text("est créé").wait_for()
    join_code, link = code_blocks(adviser, 2)[:2]
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", join_code)
    assert "/tableau-de-bord?a=" in link

    # 2. A team, in another browser, creates its dossier, joins, writes.
    team.goto(f"{app_server.url}/")
    wait_idle(team)
    team.get_by_role("button", name="Créer un nouveau dossier").click()
    team.wait_for_url("**/identite?d=*")
    wait_idle(team)
    token = team.url.split("d=", 1)[1]
    field = team.get_by_label("Nom du projet")
    field.fill(PROJECT)
    field.press("Enter")
    wait_idle(team)
    team.goto(f"{app_server.url}/rejoindre-atelier?d={token}")
    wait_idle(team)
    team.get_by_label(re.compile("Code de l'atelier")).fill(join_code.lower())
    team.get_by_role("button", name="Rejoindre l'atelier").click()
    wait_idle(team)
    team.get_by_text("Vous avez rejoint l'atelier").wait_for()
    team.goto(f"{app_server.url}/objectifs?d={token}")
    wait_idle(team)
    area = team.get_by_label("Votre texte")
    area.click()
    team.keyboard.type(TEXT)
    area.blur()
    store = DossierStore(make_engine(app_server.database_url))

    def saved() -> bool:
        stored = store.load(token)
        return stored is not None and stored.dossier.rubric_text("objectifs") == TEXT

    wait_for(saved, "the team's text in the database")

    # 3. The adviser opens the dashboard with the private link, reads, comments.
    adviser.goto(link)
    wait_idle(adviser)
    adviser.get_by_role("heading", name="Dossiers (1)").wait_for()
    choose(adviser, "Dossier", PROJECT)
    adviser.locator("[data-testid='stExpander'] summary", has_text="Objectifs et vision").click()
    adviser.get_by_text(TEXT, exact=True).wait_for()
    adviser.get_by_role("tab", name="Commenter").click()
    choose(adviser, "Sur quoi porte le commentaire ?", "Rubrique « Objectifs et vision »")
    adviser.get_by_label("Commentaire pour l'équipe").fill(COMMENT)
    adviser.get_by_role("button", name="Publier le commentaire").click()
    wait_idle(adviser)
    adviser.get_by_text("Commentaire publié").wait_for()
    screenshot(adviser, "workshop-dashboard")

    # 4. The team sees the comment beside its text and resolves it.
    team.reload()
    wait_idle(team)
    team.get_by_text(COMMENT).wait_for()
    screenshot(team, "workshop-comment-for-team")
    team.get_by_role("button", name="Marquer comme résolu").click()
    wait_idle(team)
    wait_for(
        lambda: all(c.resolved for c in service.my_comments(token)) and bool(
            service.my_comments(token)
        ),
        "the comment marked resolved",
    )


def test_wrong_adviser_link_in_browser(app_server: AppServer, page: Any) -> None:
    page.goto(f"{app_server.url}/tableau-de-bord?a={'x' * 32}")
    wait_idle(page)
    page.get_by_text("Ce lien d'accès n'est pas valable").wait_for()
    assert page.get_by_role("heading", name=re.compile("Dossiers")).count() == 0
