"""XSS through what candidates type: markup typed into identity and rubric fields is shown as
text everywhere it appears (sidebar, diagnostic, coach, recapitulation), never run; the
download names made from the project name carry no path or markup characters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import screenshot, wait_idle
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser

# Each payload sets window.__xss or opens a dialog if it ever runs.
NAME = '<img src=x onerror="window.__xss=1;alert(1)">'
STRUCTURE = "<script>window.__xss=2;alert(2)</script>"
REFERENT = '"><svg onload="window.__xss=3;alert(3)">'
RUBRIC = (
    "Notre pôle <b>gras</b> et <img src=x onerror=\"window.__xss=4;alert(4)\"> "
    "[lien](javascript:alert(5)) ; ${7*7} {{7*7}} <iframe srcdoc=\"<script>alert(6)</script>\">. "
    "Le territoire compte trois communes."
)
PAGES = ["identite", "objectifs", "recapitulatif", "recevabilite", "export", "acteurs-du-pole"]


def _fill(page: Any, label: str, text: str) -> None:
    field = page.get_by_label(label, exact=True)
    field.fill(text)
    field.blur()
    wait_idle(page)


def test_markup_is_shown_never_run(app_server: AppServer, page: Any, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{app_server.url}/")
    wait_idle(page)
    page.get_by_role("button", name="Créer un nouveau dossier").click()
    page.wait_for_url("**/identite?d=*")
    wait_idle(page)
    token = page.url.split("d=", 1)[1]

    _fill(page, "Nom du projet", NAME)
    _fill(page, "Nom de la structure porteuse", STRUCTURE)
    _fill(page, "Nom / Prénom", REFERENT)
    page.goto(f"{app_server.url}/objectifs?d={token}")
    wait_idle(page)
    _fill(page, "Votre texte", RUBRIC)

    for path in PAGES:
        page.goto(f"{app_server.url}/{path}?d={token}")
        wait_idle(page)
        page.wait_for_timeout(300)  # time for an injected handler to fire
        screenshot(page, f"hostile-{path}")
        assert page.evaluate("window.__xss") is None, path
        assert dialogs == [], (path, dialogs)
        # No element of the app carries an injected handler or script.
        injected = page.locator(
            "[data-testid='stApp'] img[onerror], [data-testid='stApp'] svg[onload], "
            "[data-testid='stApp'] iframe[srcdoc], [data-testid='stMain'] script"
        )
        assert injected.count() == 0, path
        assert page.locator("[data-testid='stMain'] b", has_text="gras").count() == 0, path

    # The project name is shown literally in the sidebar on every page.
    page.goto(f"{app_server.url}/recapitulatif?d={token}")
    wait_idle(page)
    assert page.get_by_text(f"Dossier : {NAME}").count() >= 1
    page.goto(f"{app_server.url}/recevabilite?d={token}")
    wait_idle(page)
    assert page.get_by_text(STRUCTURE, exact=False).count() >= 1

    # Downloads: the name suggested to the browser has no markup nor path characters.
    page.goto(f"{app_server.url}/export?d={token}")
    wait_idle(page)
    for button in ["Document Word (.docx)", "Texte brut (.txt)", "Markdown (.md)"]:
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        name = info.value.suggested_filename
        assert not set(name) & set('<>"/\\:*?|=\'') and ".." not in name, name
        assert name.startswith("img-src-x-onerror"), name
        saved = tmp_path / name
        info.value.save_as(saved)
        assert saved.stat().st_size > 0
    assert dialogs == []
