"""Drafts survive a refresh and a server restart; a deep link works as the first request."""

from __future__ import annotations

import time
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer

TEXT = "Le pôle « Recyclerie du Val » réunit 12 structures ; objectif : 8 emplois."


def wait_saved(server: AppServer, token: str, text: str, timeout: float = 15) -> None:
    """Wait until the database holds `text` for the gouvernance rubric."""
    store = DossierStore(make_engine(server.database_url))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stored = store.load(token)
        if stored is not None and stored.dossier.rubric_text("gouvernance") == text:
            return
        time.sleep(0.1)
    raise AssertionError("the text never reached the database")


def _rubric_area(page: Any) -> Any:
    return page.get_by_label("Votre texte")


def test_create_type_reload_restart(app_server: AppServer, page: Any) -> None:
    page.goto(f"{app_server.url}/")
    wait_idle(page)
    page.get_by_role("button", name="Créer un nouveau dossier").click()
    page.wait_for_url("**/identite?d=*")
    wait_idle(page)
    token = page.url.split("d=", 1)[1]

    page.goto(f"{app_server.url}/gouvernance?d={token}")
    wait_idle(page)
    area = _rubric_area(page)
    area.click()
    page.keyboard.type(TEXT)
    area.blur()
    wait_saved(app_server, token, TEXT)
    wait_idle(page)
    screenshot(page, "foundation-rubric")

    page.reload()
    wait_idle(page)
    assert _rubric_area(page).input_value() == TEXT

    app_server.restart()
    page.goto(f"{app_server.url}/?d={token}")
    wait_idle(page)
    page.goto(f"{app_server.url}/gouvernance?d={token}")
    wait_idle(page)
    assert _rubric_area(page).input_value() == TEXT


@pytest.mark.parametrize("path", ["perimetre", "recapitulatif"])
def test_deep_link_is_first_request_after_start(tmp_path: Any, new_page: Any, path: str) -> None:
    url = f"sqlite:///{tmp_path / 'deep.sqlite3'}"
    dossier = Dossier.model_validate({"rubrics": {"perimetre": "Trois communes du Val."}})
    token, _ = DossierStore(make_engine(url)).create(dossier)
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        page = new_page()
        page.goto(f"{server.url}/{path}?d={token}")
        wait_idle(page)
        assert page.get_by_role("heading", name="Récapitulatif").count() or (
            _rubric_area(page).input_value() == "Trois communes du Val."
        )
        # The navigation of app.py is there: the page was not served by a legacy page list.
        assert page.get_by_role("link", name="Identité", exact=True).count() == 1
        assert page.url.endswith(f"/{path}?d={token}")
    finally:
        server.stop()
