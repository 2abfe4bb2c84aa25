"""Drafts survive a refresh and a server restart; a deep link works as the first request."""

from __future__ import annotations

from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import open_page, reload_page

TEXT = "Le pôle « Recyclerie du Val » réunit 12 structures ; objectif : 8 emplois."


def _rubric_area(page: Any) -> Any:
    return page.get_by_label("Votre texte")


def test_create_type_reload_restart(app_server: AppServer, page: Any) -> None:
    person = Person(page, app_server)
    person.create_dossier()

    person.open("gouvernance")
    person.type_in("Votre texte", TEXT)
    # No blur: the field says it is saved, and the database holds the text.
    person.wait_field_saved("Votre texte")
    person.eventually_stored(
        lambda d: d.rubric_text("gouvernance") == TEXT, "le texte n'est jamais arrivé dans la base"
    )
    screenshot(page, "foundation-rubric")

    reload_page(page)
    assert _rubric_area(page).input_value() == TEXT

    app_server.restart()
    person.open("")
    person.open("gouvernance")
    assert _rubric_area(page).input_value() == TEXT
    assert person.stored().rubric_text("gouvernance") == TEXT


@pytest.mark.parametrize("path", ["perimetre", "recapitulatif"])
def test_deep_link_is_first_request_after_start(tmp_path: Any, new_page: Any, path: str) -> None:
    url = f"sqlite:///{tmp_path / 'deep.sqlite3'}"
    dossier = Dossier.model_validate({"rubrics": {"perimetre": "Trois communes du Val."}})
    token, _ = DossierStore(make_engine(url)).create(dossier)
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        page = new_page()
        open_page(page, f"{server.url}/{path}?d={token}")
        assert page.get_by_role("heading", name="Récapitulatif").count() or (
            _rubric_area(page).input_value() == "Trois communes du Val."
        )
        # The navigation of app.py is there: the page was not served by a legacy page list.
        assert page.get_by_role("link", name="Identité", exact=True).count() == 1
        assert page.url.endswith(f"/{path}?d={token}")
    finally:
        server.stop()
