"""The adviser journey in a real browser: an adviser creates a workshop, a team joins it from
another browser and writes, the adviser reads the dossier and comments, the team sees the
comment beside its text and resolves it. Two browser contexts: two people, no shared state."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from argon2 import PasswordHasher

from ptce_assist.storage import make_engine
from ptce_assist.workshops.access import WorkshopService
from ptce_assist.workshops.config import BRAKE_BASE_ENV
from ptce_assist.workshops.passphrase import HASH_ENV
from tests.browser.conftest import screenshot
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import eventually, expect_run, open_page, reload_page

PASSPHRASE = "le mistral souffle sur Valence"
PROJECT = "Recyclerie du Val"
TEXT = "Le pôle réunit douze structures de l'ESS autour du réemploi."
COMMENT = "Précisez les communes couvertes et le nombre d'emplois visés."


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)
    return {HASH_ENV: cheap, BRAKE_BASE_ENV: "0.2"}


def code_blocks(page: Any, count: int) -> list[str]:
    blocks = page.locator("[data-testid='stCode'] pre")
    blocks.nth(count - 1).wait_for()
    return [t.strip() for t in blocks.all_inner_texts()]


def test_adviser_journey(app_server: AppServer, new_page: Callable[[], Any]) -> None:
    service = WorkshopService(make_engine(app_server.database_url))
    adviser = Person(new_page(), app_server)
    team = Person(new_page(), app_server)

    # 1. The adviser creates the workshop (a form: nothing runs until it is sent).
    adviser.open("creer-atelier")
    adviser.type_in("Nom de l'atelier", "Atelier Drôme-Ardèche")
    adviser.choose("Région", "Auvergne-Rhône-Alpes", in_form=True)
    adviser.type_in("Phrase secrète d'administration", "pas la bonne")
    with expect_run(adviser.page):
        adviser.page.get_by_role("button", name="Créer l'atelier").click()
    assert adviser.page.get_by_text("Phrase secrète incorrecte.").count() == 1
    adviser.replace_in("Phrase secrète d'administration", PASSPHRASE)
    with expect_run(adviser.page):
        adviser.page.get_by_role("button", name="Créer l'atelier").click()
    adviser.page.get_by_text("est créé").wait_for()
    join_code, link = code_blocks(adviser.page, 2)[:2]
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", join_code)
    assert "/tableau-de-bord?a=" in link
    workshop = service.adviser_workshop(link.split("a=", 1)[1])
    assert (workshop.name, workshop.region) == ("Atelier Drôme-Ardèche", "84")

    # 2. A team, in another browser, creates its dossier, joins, writes.
    token = team.create_dossier()
    team.type_in("Nom du projet", PROJECT)
    team.wait_field_saved("Nom du projet")
    assert team.stored().project.name == PROJECT
    team.open("rejoindre-atelier")
    team.type_in("Code de l'atelier (8 caractères, par exemple ABCD-EFGH)", join_code.lower())
    with expect_run(team.page):
        team.page.get_by_role("button", name="Rejoindre l'atelier").click()
    team.page.get_by_text("Vous avez rejoint l'atelier").wait_for()
    assert [w.name for w in service.my_workshops(token)] == ["Atelier Drôme-Ardèche"]
    team.open("objectifs")
    team.type_in("Votre texte", TEXT)
    team.wait_field_saved("Votre texte")
    team.eventually_stored(
        lambda d: d.rubric_text("objectifs") == TEXT, "le texte de l'équipe n'est pas dans la base"
    )

    # 3. The adviser opens the dashboard with the private link, reads, comments.
    open_page(adviser.page, link)
    adviser.page.get_by_role("heading", name="Dossiers (1)").wait_for()
    adviser.choose("Dossier", PROJECT)
    adviser.page.locator(
        "[data-testid='stExpander'] summary", has_text="Objectifs et vision"
    ).click()
    adviser.page.get_by_text(TEXT, exact=True).wait_for()
    adviser.page.get_by_role("tab", name="Commenter").click()
    adviser.choose(
        "Sur quoi porte le commentaire ?", "Rubrique « Objectifs et vision »", in_form=True
    )
    adviser.type_in("Commentaire pour l'équipe", COMMENT)
    with expect_run(adviser.page):
        adviser.page.get_by_role("button", name="Publier le commentaire").click()
    adviser.page.get_by_text("Commentaire publié").wait_for()
    comments = service.my_comments(token)
    assert [(c.target_id, c.body, c.resolved) for c in comments] == [("objectifs", COMMENT, False)]
    screenshot(adviser.page, "workshop-dashboard")

    # 4. The team sees the comment beside its text and resolves it.
    reload_page(team.page)
    team.page.get_by_text(COMMENT).wait_for()
    screenshot(team.page, "workshop-comment-for-team")
    with expect_run(team.page):
        team.page.get_by_role("button", name="Marquer comme résolu").click()
    eventually(
        lambda: (
            all(c.resolved for c in service.my_comments(token)) and bool(service.my_comments(token))
        ),
        page=team.page,
        message="le commentaire n'est pas marqué résolu dans la base",
    )


def test_wrong_adviser_link_in_browser(app_server: AppServer, page: Any) -> None:
    open_page(page, f"{app_server.url}/tableau-de-bord?a={'x' * 32}")
    page.get_by_text("Ce lien d'accès n'est pas valable").wait_for()
    assert page.get_by_role("heading", name=re.compile("Dossiers")).count() == 0
