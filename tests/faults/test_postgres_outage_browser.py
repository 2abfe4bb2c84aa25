"""A real PostgreSQL stopped (`pg_ctl stop -m immediate`) and restarted under typing sessions.

Issue 17, point 1: after the stop a page became an SQLAlchemy traceback. Here a candidate types
a rubric, another the project's name, and their adviser watches the dashboard; the database
goes down while they type. Every page says so in French, no traceback shows, the typed text
stays in the pages, and once the database is back everything typed is saved; nothing saved
before the stop is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.storage import make_engine
from ptce_assist.storage.migrate import migrate
from ptce_assist.ui.context import DATABASE_DOWN
from ptce_assist.workshops.access import WorkshopService
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import open_page, reload_page
from tests.pg_cluster import PostgresCluster
from tests.workshops.conftest import PASSPHRASE

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

BEFORE = "Avant la panne, le pôle réunit douze structures. "
DURING = "Pendant la panne : « coopération » et 480 000 € d'ici 2027."
NAME = "Pôle Émeraude"
NAME_MORE = " du Trégor"
TRACEBACK = "[data-testid='stException']"
EVERY_PAGE = [
    "",
    "identite",
    "structure",
    "objectifs",
    "budget",
    "recapitulatif",
    "export",
    "importer",
    "recevabilite",
    "porteur",
    "acteurs-du-pole",
    "eligibilite",
    "autoevaluation",
    "rejoindre-atelier",
    "creer-atelier",
    "tableau-de-bord",
]


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    pg = PostgresCluster().create()
    yield pg
    pg.destroy()


def test_postgres_stopped_and_restarted_under_typing(
    cluster: PostgresCluster, tmp_path: Path, new_page: Callable[[], Any]
) -> None:
    from argon2 import PasswordHasher

    url = cluster.url()
    engine = make_engine(url)
    migrate(engine)
    passphrase_hash = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSPHRASE)
    service = WorkshopService(engine, passphrase_hash=passphrase_hash)
    created = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier", region="53", days=[dt.date.today()]
    )
    writer_token, _ = service.dossiers.create()
    namer_token, _ = service.dossiers.create()
    for token in (writer_token, namer_token):
        service.join(token, created.workshop.join_code, "t")
    engine.dispose()

    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        writer = Person(new_page(), server, writer_token)
        writer.open("objectifs")
        writer.type_in("Votre texte", BEFORE, delay=15)
        writer.eventually_stored(lambda d: d.rubric_text("objectifs") == BEFORE, "1re phrase")
        namer = Person(new_page(), server, namer_token)
        namer.open("identite")
        namer.type_in("Nom du projet", NAME, delay=15)
        namer.eventually_stored(lambda d: d.project.name == NAME, "nom du projet")
        adviser = new_page()
        open_page(adviser, f"{server.url}/tableau-de-bord?a={created.adviser_token}")
        adviser.get_by_text("Dossiers (2)").wait_for()

        cluster.stop("immediate")

        writer.type_in("Votre texte", DURING, delay=15)
        namer.type_in("Nom du projet", NAME_MORE, delay=15)
        unsaved = "Pas encore enregistré : nouvel essai automatique"
        writer.page.get_by_text(unsaved).wait_for(timeout=30_000)
        namer.page.get_by_text(unsaved).wait_for(timeout=30_000)
        reload_page(adviser)
        for page in (writer.page, namer.page, adviser):
            page.get_by_text(DATABASE_DOWN).first.wait_for(timeout=30_000)
            assert page.locator(TRACEBACK).count() == 0
            assert "Traceback" not in page.content()
            assert "sqlalchemy" not in page.inner_text("body").lower()
        assert writer.field("Votre texte").input_value() == BEFORE + DURING
        assert namer.field("Nom du projet").input_value() == NAME + NAME_MORE
        # Every page of the menu, opened during the outage: the notice, never a traceback.
        visitor = new_page()
        for path in EVERY_PAGE:
            open_page(visitor, f"{server.url}/{path}?d={writer_token}")
            visitor.get_by_text(DATABASE_DOWN).first.wait_for()
            assert visitor.locator(TRACEBACK).count() == 0, path

        cluster.start()

        # The pages' own retries save what was typed during the outage; nobody reloads.
        writer.eventually_stored(
            lambda d: d.rubric_text("objectifs") == BEFORE + DURING,
            "le texte tapé pendant la panne n'a pas été enregistré à son retour",
            timeout=90,
        )
        namer.eventually_stored(
            lambda d: d.project.name == NAME + NAME_MORE,
            "le nom tapé pendant la panne n'a pas été enregistré à son retour",
            timeout=90,
        )
        writer.page.get_by_text("Enregistré").first.wait_for()
        reload_page(adviser)
        adviser.get_by_text("Dossiers (2)").wait_for()
        assert adviser.get_by_text(DATABASE_DOWN).count() == 0
        reload_page(writer.page)
        assert writer.field("Votre texte").input_value() == BEFORE + DURING
        assert writer.page.locator(TRACEBACK).count() == 0
    finally:
        server.stop()
