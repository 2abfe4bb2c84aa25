"""An empty field nobody touched says nothing about saving.

Seen on Éligibilité and Auto-évaluation: every justification and comment of a criterion never
answered (nothing stored for it) showed « Enregistrement… » under it, for ever, though nothing
was typed or sent: a person waits for a save that never comes, or thinks the tool is stuck.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.person import Person
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser

UNTOUCHED = [  # page, label of a field whose value nothing has stored yet
    ("eligibilite", "Justification (une phrase)"),
    ("autoevaluation", "Commentaire du candidat"),
]


@pytest.mark.parametrize(("path", "label"), UNTOUCHED)
def test_an_untouched_empty_field_is_not_being_saved(
    app_server: AppServer, page: Any, path: str, label: str
) -> None:
    person = Person.with_new_dossier(page, app_server)
    person.open(path)
    status = person.status_of(label)
    # The field has drawn and told its state (the attribute is set on every state it shows).
    expect(status).to_have_attribute("data-state", "saved")
    expect(status).to_have_text("")
    person.field(label).click()
    person.page.keyboard.press("Tab")  # in and out: nothing typed, nothing sent
    expect(status).to_have_attribute("data-state", "saved")
    assert person.version() == 1, "un champ vide non touché a été enregistré"
