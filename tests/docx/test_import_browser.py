"""The import page in a real Chromium: a file that is not a dossier needs the confirmation
before anything is replaced; a passage set aside is sent to a rubric by choosing it in the
preview (typed in the select box, as a person does)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.server import AppServer
from tests.browser.waits import expect_run, open_page, wait_animations_done, wait_tab_told
from tests.docx import corpus

pytestmark = pytest.mark.browser
ACCEPT = "Remplacer par le contenu du brouillon"


def _open_with(server: AppServer, page: Any, tmp_path: Path, data: bytes) -> tuple[str, Any]:
    store = DossierStore(make_engine(server.database_url))
    token, _ = store.create(Dossier(rubrics={"gouvernance": "Déjà écrit."}))
    open_page(page, f"{server.url}/importer?d={token}")
    wait_tab_told(page)  # (CI34 once missed the page's answer to a file given at that instant)
    upload = page.locator("input[type='file']")
    upload.wait_for(state="attached")
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(data)
    upload.set_input_files(str(draft))
    return token, store


def test_a_file_that_is_not_a_dossier_needs_the_confirmation(
    app_server: AppServer, page: Any, tmp_path: Path
) -> None:
    token, store = _open_with(app_server, page, tmp_path, corpus.compte_rendu_reunion().data)
    page.get_by_text("Ce document ne ressemble pas à un dossier de candidature").wait_for()
    accept = page.get_by_role("button", name=ACCEPT)
    expect(accept).to_be_disabled()
    screenshot(page, "import-not-a-dossier")
    with expect_run(page):  # the box reruns the page: the button drawn again, enabled
        page.get_by_text("Ce fichier est bien un brouillon de mon dossier").click()
    expect(accept).to_be_enabled()
    accept.click()
    page.get_by_text("Brouillon importé : 3 rubrique(s)").wait_for()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics["gouvernance"] == (
        "Le comité valide le principe de trois collèges."
    )


def test_a_passage_set_aside_is_sent_to_a_rubric(
    app_server: AppServer, page: Any, tmp_path: Path
) -> None:
    draft = corpus.titre_inconnu_entre_deux_rubriques()
    token, store = _open_with(app_server, page, tmp_path, draft.data)
    perimetre = corpus.T["perimetre"]
    page.get_by_text(f"Périmètre — {len(perimetre)} caractères").wait_for()
    page.get_by_text("Section « Notre histoire »").click()
    wait_animations_done(page)  # a person sees the section open, then clicks in it
    page.get_by_role("combobox", name="Importer ce passage dans :").click()
    page.keyboard.type("Périmètre")  # typed, accents and all
    page.keyboard.press("Enter")
    story = (
        "Tout a commencé par un repair café en 2012.\nEn 2018, la recyclerie a ouvert ses portes."
    )
    expected = f"{perimetre}\n\n{story}"
    page.get_by_text(f"Périmètre — {len(expected)} caractères").wait_for()
    screenshot(page, "import-section-sent-to-a-rubric")
    page.get_by_role("button", name=ACCEPT).click()
    page.get_by_text("Brouillon importé : 3 rubrique(s)").wait_for()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics["perimetre"] == expected
