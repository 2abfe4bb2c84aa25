"""A huge paste into a rubric editor: about 1 MB with control characters and emoji. The
page stays usable, says in French what was removed, and saves the text without them."""

from __future__ import annotations

from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser

SENTENCE = "Acteur engagé 😊\x07. "
HUGE = SENTENCE * 55_000  # about 1 MB, one BEL per sentence


def test_huge_paste_with_control_characters(app_server: AppServer, page: Any) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(Dossier())
    page.goto(f"{app_server.url}/acteurs?d={token}")
    wait_idle(page)
    area = page.get_by_label("Votre texte")
    # A paste is one input event carrying the whole text. (Playwright's fill inserts it as
    # typed text, which Chromium takes minutes to do for a megabyte.)
    area.evaluate(
        "(el, text) => { el.value = text; el.dispatchEvent(new Event('input', {bubbles: true})); }",
        HUGE,
    )
    area.blur()
    page.get_by_text("caractères invisibles", exact=False).first.wait_for(timeout=60_000)
    wait_idle(page)
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics["acteurs"] == HUGE.replace("\x07", "")
    # The counter measured the whole text: far past the two pages allowed.
    counter = page.locator(".ptce-counter")
    assert counter.get_attribute("data-state") == "over"
    assert int(counter.get_attribute("data-lines") or 0) > 1000
    assert "Enregistré" in page.locator(".ptce-save").inner_text()
    screenshot(page, "huge-paste")
