"""Closing one dossier and opening another in the same browser session: the rubric editor
shows the second dossier's text, and nothing typed in the first one reaches the second."""

from __future__ import annotations

import time
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import wait_idle
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser

FIRST = "Texte du premier dossier, tapé dans cette session."
SECOND = "Texte du second dossier."


def _wait_stored(store: DossierStore, token: str, text: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        stored = store.load(token)
        if stored is not None and stored.dossier.rubric_text("objectifs") == text:
            return
        time.sleep(0.1)
    raise AssertionError(f"never saved: {text!r}")


def test_switching_dossier_reseeds_the_editor(app_server: AppServer, page: Any) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    first, _ = store.create(Dossier())
    second, _ = store.create(Dossier(rubrics={"objectifs": SECOND}))

    page.goto(f"{app_server.url}/objectifs?d={first}")
    wait_idle(page)
    area = page.get_by_label("Votre texte")
    area.click()
    page.keyboard.type(FIRST)
    area.blur()
    _wait_stored(store, first, FIRST)
    wait_idle(page)

    # Same session: back to the home page through the menu, close, open the second.
    page.get_by_role("link", name="Accueil").click()
    wait_idle(page)
    page.get_by_role("button", name="Fermer ce dossier").click()
    wait_idle(page)
    link = page.get_by_label("Collez votre lien personnel")
    link.fill(f"{app_server.url}/?d={second}")
    link.press("Enter")
    wait_idle(page)
    page.get_by_role("button", name="Ouvrir ce dossier").click()
    page.wait_for_url("**/identite?d=*")
    wait_idle(page)
    page.get_by_role("link", name="Objectifs et vision").first.click()
    wait_idle(page)

    assert page.get_by_label("Votre texte").input_value() == SECOND
    page.wait_for_timeout(1500)  # past the editor's send delay
    wait_idle(page)
    second_stored = store.load(second)
    first_stored = store.load(first)
    assert second_stored is not None and first_stored is not None
    assert second_stored.dossier.rubric_text("objectifs") == SECOND
    assert first_stored.dossier.rubric_text("objectifs") == FIRST
