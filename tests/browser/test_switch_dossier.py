"""Closing one dossier and opening another in the same browser session: the rubric editor
shows the second dossier's text, and nothing typed in the first one reaches the second."""

from __future__ import annotations

from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from ptce_assist.storage.tokens import token_hash
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import expect_run

pytestmark = pytest.mark.browser

FIRST = "Texte du premier dossier, tapé dans cette session."
SECOND = "Texte du second dossier."


def test_switching_dossier_reseeds_the_editor(app_server: AppServer, page: Any) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    first, _ = store.create(Dossier())
    second, _ = store.create(Dossier(rubrics={"objectifs": SECOND}))

    person = Person(page, app_server, first)
    person.open("objectifs")
    person.type_in("Votre texte", FIRST)
    person.wait_field_saved("Votre texte")
    person.eventually_stored(
        lambda d: d.rubric_text("objectifs") == FIRST, f"jamais enregistré : {FIRST!r}"
    )

    # Same session: back to the home page through the menu, close, open the second.
    with expect_run(page):
        page.get_by_role("link", name="Accueil").click()
    with expect_run(page):
        page.get_by_role("button", name="Fermer ce dossier").click()
    link = page.get_by_label("Collez votre lien personnel")
    link.click()
    page.keyboard.type(f"{app_server.url}/?d={second}")
    with expect_run(page):
        page.keyboard.press("Enter")
    with expect_run(page):
        page.get_by_role("button", name="Ouvrir ce dossier").click()
    page.wait_for_url("**/identite?d=*")
    with expect_run(page):
        page.get_by_role("link", name="Objectifs et vision").first.click()
    page.wait_for_url(f"**/objectifs?d={second}")

    assert page.get_by_label("Votre texte").input_value() == SECOND
    # The editor holds what the server holds for the second dossier: it has nothing to send
    # (it sends only a value that differs from the saved one), and no draft of the first
    # dossier's text is kept for the second.
    person.wait_field_saved("Votre texte")
    drafts_of_second = page.evaluate(
        "scope => Object.keys(localStorage).filter(k => k.includes(scope))",
        token_hash(second)[:16],  # how drafts name a dossier (OpenDossier.scope)
    )
    assert drafts_of_second == []
    second_stored = store.load(second)
    first_stored = store.load(first)
    assert second_stored is not None and first_stored is not None
    assert second_stored.dossier.rubric_text("objectifs") == SECOND
    assert first_stored.dossier.rubric_text("objectifs") == FIRST
