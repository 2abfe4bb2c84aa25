"""XSS through what candidates type: markup typed into identity and rubric fields is shown as
text everywhere it appears (sidebar, diagnostic, coach, recapitulation), never run; the
download names made from the project name carry no path or markup characters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from tests.browser.conftest import screenshot
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import wait_resources_loaded

pytestmark = pytest.mark.browser

# Each payload sets window.__xss or opens a dialog if it ever runs.
NAME = '<img src=x onerror="window.__xss=1;alert(1)">'
STRUCTURE = "<script>window.__xss=2;alert(2)</script>"
REFERENT = '"><svg onload="window.__xss=3;alert(3)">'
RUBRIC = (
    'Notre pôle <b>gras</b> et <img src=x onerror="window.__xss=4;alert(4)"> '
    '[lien](javascript:alert(5)) ; ${7*7} {{7*7}} <iframe srcdoc="<script>alert(6)</script>">. '
    "Le territoire compte trois communes."
)
PAGES = [
    "identite",
    "objectifs",
    "recapitulatif",
    "recevabilite",
    "export",
    "acteurs-du-pole",
    "eligibilite",
    "autoevaluation",
]


FIELDS = [  # label, where the dossier keeps it, text
    ("Nom du projet", lambda d: d.project.name, NAME),
    ("Nom de la structure porteuse", lambda d: d.structure.name, STRUCTURE),
    ("Nom / Prénom", lambda d: d.referent.name, REFERENT),
]


def _type(person: Person, label: str, text: str, stored: Callable[[Dossier], str]) -> None:
    """Type `text` key by key, then check the field and the database hold it as typed."""
    person.type_in(label, text)
    person.wait_field_saved(label)
    person.eventually_stored(lambda d: stored(d) == text, f"« {label} » n'est pas enregistré")


def test_markup_is_shown_never_run(app_server: AppServer, page: Any, tmp_path: Path) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    person = Person(page, app_server)
    person.create_dossier()

    for label, stored, text in FIELDS:
        _type(person, label, text, stored)
    person.open("objectifs")
    _type(person, "Votre texte", RUBRIC, lambda d: d.rubric_text("objectifs"))

    for path in PAGES:
        person.open(path)
        wait_resources_loaded(page)  # an injected handler would have run by now
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
    person.open("recapitulatif")
    assert page.get_by_text(f"Dossier : {NAME}").count() >= 1
    person.open("recevabilite")
    assert page.get_by_text(STRUCTURE, exact=False).count() >= 1

    # Downloads: the name suggested to the browser has no markup nor path characters.
    person.open("export")
    for button in ["Document Word (.docx)", "Texte brut (.txt)", "Markdown (.md)"]:
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        name = info.value.suggested_filename
        assert not set(name) & set("<>\"/\\:*?|='") and ".." not in name, name
        assert name.startswith("img-src-x-onerror"), name
        saved = tmp_path / name
        info.value.save_as(saved)
        assert saved.stat().st_size > 0
    assert dialogs == []
