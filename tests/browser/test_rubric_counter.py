"""The rubric page of the app (not a harness): the counter follows the typing in the
dossier's layout, turns red past the limit while the text area still has the focus, says
so in words, and the page's status agrees once the text is saved (sent while typing: no
blur needed). Expected line counts
come from the text itself: one line per short paragraph."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.person import Person
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser


def test_counter_turns_red_before_blur_then_the_status_agrees(
    app_server: AppServer, page: Any
) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(Dossier(layout="times12"))
    person = Person(page, app_server, token)
    person.open("gouvernance")  # "15 lignes maximum"
    counter = page.locator(".ptce-counter")
    expect(counter).to_have_attribute("data-budget", "15")  # the editor's script has run
    person.field("Votre texte").click()
    for number in range(1, 17):  # 16 short paragraphs: one line each
        page.keyboard.type(f"Collège {number} : un siège.", delay=5)
        if number < 16:
            page.keyboard.press("Enter")
        if number == 12:
            assert counter.get_attribute("data-state") == "near"
            assert "Proche de la limite" in counter.inner_text()
    # Still focused, nothing blurred: the browser's own count is already over.
    assert page.evaluate("document.activeElement !== document.body")
    assert counter.get_attribute("data-lines") == "16"
    assert counter.get_attribute("data-state") == "over"
    assert "Limite dépassée" in counter.inner_text()
    assert "1 ligne de trop" in counter.inner_text()
    screenshot(page, "rubric-counter-over")

    # Still in the field: the text reaches the server while the person types or pauses.
    typed = "\n".join(f"Collège {number} : un siège." for number in range(1, 17))
    person.wait_field_saved("Votre texte")
    person.eventually_stored(
        lambda d: d.rubric_text("gouvernance") == typed, "le texte tapé n'est pas enregistré"
    )
    assert "Enregistré" in page.locator(".ptce-save").inner_text()
    # The sidebar, fed by the Python engine, says the same.
    person.open("recapitulatif")
    assert page.get_by_text("16 / 15 lignes").count() >= 1
