"""The same rubric open in two tabs: the second writer is told, nothing is overwritten
silently, and "Reprendre la version enregistrée" puts the saved text in the editor."""

from __future__ import annotations

import time
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import wait_idle
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser

START = "Version de départ."
FROM_A = " Ajout de l'onglet A."
FROM_B = " Ajout de l'onglet B."
CONFLICT = "Ce champ a été modifié ailleurs"


def _type_at_end(page: Any, text: str) -> None:
    area = page.get_by_label("Votre texte")
    area.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)
    area.blur()


def _wait_stored(store: DossierStore, token: str, text: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        stored = store.load(token)
        if stored is not None and stored.dossier.rubric_text("perimetre") == text:
            return
        time.sleep(0.1)
    raise AssertionError(f"never saved: {text!r}")


def test_second_tab_is_told_and_can_take_the_saved_text(
    app_server: AppServer, new_page: Any
) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(Dossier(rubrics={"perimetre": START}))
    tab_a, tab_b = new_page(), new_page()
    for tab in (tab_a, tab_b):
        tab.goto(f"{app_server.url}/perimetre?d={token}")
        wait_idle(tab)
        assert tab.get_by_label("Votre texte").input_value() == START

    _type_at_end(tab_a, FROM_A)
    _wait_stored(store, token, START + FROM_A)

    _type_at_end(tab_b, FROM_B)
    tab_b.get_by_text(CONFLICT, exact=False).wait_for(timeout=15_000)
    time.sleep(1)
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubric_text("perimetre") == START + FROM_A  # not overwritten
    assert tab_b.get_by_label("Votre texte").input_value() == START + FROM_B  # not lost

    tab_b.get_by_role("button", name="Reprendre la version enregistrée").click()
    wait_idle(tab_b)
    tab_b.get_by_text(CONFLICT, exact=False).wait_for(state="detached", timeout=15_000)
    assert tab_b.get_by_label("Votre texte").input_value() == START + FROM_A
