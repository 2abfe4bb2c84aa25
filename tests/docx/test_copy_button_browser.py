"""The copy buttons in a real Chromium: the clipboard receives the rubric's text as typed,
and the fallback (no Clipboard API outside a secure context) copies it too."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.server import AppServer
from tests.browser.waits import expect_run, open_page
from tests.docx import drafts

pytestmark = pytest.mark.browser

TEXT = (
    "Trois collèges : salariés, usagers, partenaires !\n"
    "- une personne = une voix ;\n"
    "- budget de 100 000 € ; « rien sans nous ».\n"
    "<b>pas du HTML</b> & ${x}"
)


# « Copié ! » is shown for 2.5 s only: under load the test's next look at the page can come
# later than that. So the statuses are watched from inside the page, and the test waits for
# the words to have been shown.
WATCH_STATUSES = """
() => {
  window.__copyStatuses = [];
  const walk = (root) => {
    root.querySelectorAll(".ptce-copy-status").forEach((status) => {
      new MutationObserver(() => window.__copyStatuses.push(status.textContent))
        .observe(status, { childList: true, characterData: true, subtree: true });
    });
    root.querySelectorAll("*").forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); });
  };
  walk(document);
}
"""


def _click_and_see_copied(page: Any, button: Any) -> None:
    page.evaluate(WATCH_STATUSES)
    button.click()
    try:
        page.wait_for_function("() => window.__copyStatuses.includes('Copié !')")
    except PlaywrightTimeoutError:
        shown = page.evaluate("() => window.__copyStatuses")
        raise AssertionError(f"« Copié ! » jamais affiché ; statuts vus : {shown}") from None


def _open(server: AppServer, page: Any, path: str) -> str:
    store = DossierStore(make_engine(server.database_url))
    token, _ = store.create(Dossier(rubrics={"gouvernance": TEXT}))
    open_page(page, f"{server.url}/{path}?d={token}")
    return token


def test_rubric_page_copy_button_puts_the_typed_text_on_the_clipboard(
    app_server: AppServer, page: Any
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_server.url)
    _open(app_server, page, "gouvernance")
    button = page.get_by_role("button", name="Copier le texte pour démarches-simplifiées")
    button.wait_for()  # drawn by the component's script, which also sets its click handler
    _click_and_see_copied(page, button)
    assert page.evaluate("navigator.clipboard.readText()") == TEXT
    screenshot(page, "copy-button-rubric")


def test_export_page_copy_button_with_the_fallback(app_server: AppServer, page: Any) -> None:
    # No Clipboard API (as on plain http): the hidden textarea + execCommand path is used.
    page.add_init_script(
        """
        Object.defineProperty(navigator, "clipboard", { value: undefined });
        window.__copied = [];
        const original = document.execCommand.bind(document);
        document.execCommand = (command, ...rest) => {
          if (command === "copy") { window.__copied.push(document.activeElement.value); }
          return original(command, ...rest);
        };
        """
    )
    _open(app_server, page, "export")
    button = page.get_by_role("button", name="Copier le texte").first
    button.wait_for()
    _click_and_see_copied(page, button)
    assert page.evaluate("window.__copied") == [TEXT]
    assert page.locator("b", has_text="pas du HTML").count() == 0
    screenshot(page, "export-page")


def test_import_page_upload_preview_accept(
    app_server: AppServer, page: Any, tmp_path: Path
) -> None:
    token = _open(app_server, page, "importer")
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(drafts.extra_sections())
    with expect_run(page):
        page.locator("input[type='file']").set_input_files(str(draft))
    page.get_by_text("Laissé de côté").wait_for()
    page.get_by_text("Section « Contexte et historique du projet »").wait_for()
    screenshot(page, "import-preview")
    store = DossierStore(make_engine(app_server.database_url))
    before = store.load(token)
    assert before is not None and before.dossier.rubrics == {"gouvernance": TEXT}
    with expect_run(page):
        page.get_by_role("button", name="Remplacer par le contenu du brouillon").click()
    page.get_by_text("Brouillon importé : 3 rubrique(s)").wait_for()
    after = store.load(token)
    assert after is not None
    assert after.dossier.rubrics["gouvernance"] == drafts.extra_sections_gouvernance()


def test_export_page_downloads_are_built_on_click(app_server: AppServer, page: Any) -> None:
    _open(app_server, page, "export")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Document Word (.docx)").click()
    download = caught.value
    assert download.suggested_filename == "dossier-AMI-PTCE.docx"
    document = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert document.paragraphs[0].text == "Dossier de candidature AMI PTCE"
    with page.expect_download() as caught:
        page.get_by_role("button", name="Texte brut (.txt)").click()
    text = Path(caught.value.path()).read_text(encoding="utf-8")
    assert "Trois collèges : salariés, usagers, partenaires !" in text
