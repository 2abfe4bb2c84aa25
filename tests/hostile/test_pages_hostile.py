"""The pages facing hostile files and faults (AppTest): values from a file are shown literally,
an adviser's scores are never taken from a backup, and no error reaches the page as a
traceback. The real browser checks are in `test_server_memory.py` and tests/faults/."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import ScoreEntry
from ptce_assist.storage import DossierStore
from ptce_assist.storage.tokens import new_token
from ptce_assist.ui import errors
from ptce_assist.ui.context import DATABASE_DOWN, get_store
from tests.apptest_support import REPO, app_with, new_store, shown
from tests.hostile import make_corpus as corpus

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN_CHARS = "[]()!<>*_`"


@pytest.fixture
def store(tmp_path: Path) -> DossierStore:
    return new_store(tmp_path)


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Errors handled as in production (the tests otherwise let them through)."""
    monkeypatch.setenv(errors.DEBUG_VARIABLE, "0")
    yield


def assert_literal(markdown: str, hostile: str) -> None:
    """`markdown` shows `hostile` as typed: every character Markdown would act on is
    backslash-escaped, so no link, image or emphasis can be drawn from it."""
    assert hostile in shown(markdown), markdown
    for match in re.finditer("[" + re.escape(MARKDOWN_CHARS) + "]", markdown):
        assert markdown[match.start() - 1] == "\\", (markdown, match.start())


def texts(at: AppTest) -> list[str]:
    return [str(e.value) for kind in (at.error, at.warning, at.info, at.success) for e in kind]


def restore(at: AppTest, data: bytes) -> AppTest:
    """Accueil: upload a backup and create a dossier from it."""
    at.file_uploader(key="restore_upload").upload("sauvegarde.json", data, "application/json")
    at.run()
    at.button[-1].click().run()  # « Créer un dossier à partir de cette sauvegarde »
    return at


# --- values from files are shown literally (issue 14, point 4) ---------------------------
def test_backup_key_with_markdown_is_shown_literally(store: DossierStore) -> None:
    at = restore(app_with(None), corpus.markdown_key())
    assert not at.exception
    (error,) = at.error
    assert "valeurs inattendues" in shown(error.value)
    assert_literal(error.value, corpus.MARKDOWN_LINK)  # the key, cut at 60 characters


def test_import_notes_quote_draft_values_literally(store: DossierStore) -> None:
    token, _ = store.create(Dossier())
    at = app_with(token)
    at.switch_page("app_pages/import_word.py").run()
    at.file_uploader[0].upload("brouillon.docx", corpus.markdown_values(), DOCX_MIME).run()
    assert not at.exception, [e.value for e in at.exception]
    notes = [n.value for n in at.info if "non reconnue" in shown(n.value)]
    assert len(notes) == 2
    assert_literal(notes[0], corpus.MARKDOWN_IMAGE)
    assert_literal(notes[1], corpus.MARKDOWN_LINK)


def test_guard_error_quotes_a_part_name_literally(store: DossierStore) -> None:
    token, _ = store.create(Dossier())
    at = app_with(token)
    at.switch_page("app_pages/import_word.py").run()
    at.file_uploader[0].upload("brouillon.docx", corpus.markdown_part_name(), DOCX_MIME).run()
    (error,) = at.error
    assert "trop de texte" in shown(error.value)
    assert_literal(error.value, corpus.MARKDOWN_PART)


def test_territories_csv_headers_are_shown_literally(store: DossierStore) -> None:
    token, _ = store.create(Dossier())
    at = app_with(token)
    at.switch_page("app_pages/eligibilite.py").run()
    csv = corpus.csv_markdown_headers()
    at.file_uploader(key="fragile_csv_file").upload("liste.csv", csv, "text/csv").run()
    assert not at.exception
    (error,) = [e for e in at.error if "Colonnes non reconnues" in shown(e.value)]
    assert_literal(error.value, corpus.MARKDOWN_IMAGE)
    assert_literal(error.value, corpus.MARKDOWN_LINK)


# --- the adviser's part is never taken from a backup (point 6) -----------------------------
def _autoevaluation(at: AppTest) -> list[str]:
    at.switch_page("app_pages/autoevaluation.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return [str(m.value) for m in (*at.markdown, *at.caption)]


def test_forged_adviser_scores_in_a_backup_are_dropped_and_the_user_told(
    store: DossierStore,
) -> None:
    at = restore(app_with(None), corpus.adviser_forged())
    assert not at.exception, [e.value for e in at.exception]
    assert any("conseiller" in shown(t) and "pas été repris" in shown(t) for t in texts(at))
    shown_page = " ".join(shown(t) for t in _autoevaluation(at))
    assert corpus.FORGED_COMMENT not in shown_page
    assert "3 — solide et étayé" not in shown_page


def test_restoring_over_a_dossier_keeps_its_adviser_scores(store: DossierStore) -> None:
    dossier = Dossier()
    dossier.diagnostic.self_assessment.adviser = {
        "emplois": ScoreEntry(score="1", comment="Noté par la conseillère.")
    }
    token, _ = store.create(dossier)
    at = app_with(token)
    at.switch_page("app_pages/recapitulatif.py").run()
    at.file_uploader(key="replace_upload").upload(
        "sauvegarde.json", corpus.adviser_forged(), "application/json"
    )
    at.checkbox(key="replace_confirm").check().run()
    at.button[-1].click().run()
    assert not at.exception, [e.value for e in at.exception]
    stored = store.load(token)
    assert stored is not None and stored.version == 2
    assert stored.dossier.diagnostic.self_assessment.adviser == {
        "emplois": ScoreEntry(score="1", comment="Noté par la conseillère.")
    }
    assert any("pas été repris" in shown(t) for t in texts(at))


# --- French messages, never a traceback (point 5) -----------------------------------------
@pytest.mark.parametrize(
    ("build", "expected"),
    [(corpus.nested_600, "imbriqué"), (corpus.integer_5000_digits, "5 000 chiffres")],
    ids=["nested_600", "integer_5000_digits"],
)
def test_hostile_backups_get_a_french_error_not_a_traceback(
    store: DossierStore, production: None, build: Any, expected: str
) -> None:
    at = restore(app_with(None), build())
    assert not at.exception, [e.value for e in at.exception]
    (error,) = at.error
    assert expected in shown(error.value).replace("\u202f", " ")


def test_database_unusable_from_the_start_gets_a_french_message(
    monkeypatch: pytest.MonkeyPatch, production: None
) -> None:
    # /proc takes no file, even from root: the database cannot even be created.
    monkeypatch.setenv("PTCE_DATABASE_URL", "sqlite:////proc/ptce-assist.sqlite3")
    get_store.clear()
    try:
        at = app_with(new_token())  # a dossier link: the page must read the database
    finally:
        get_store.clear()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [DATABASE_DOWN]


def test_an_error_in_a_widget_callback_gets_the_french_message(production: None) -> None:
    def app() -> None:
        import streamlit as st

        from ptce_assist.ui.errors import install_error_handler

        def fail() -> None:
            raise RuntimeError("/srv/ptce/app.py: internal detail")

        install_error_handler()
        st.button("Bouton", on_click=fail)

    at = AppTest.from_function(app, default_timeout=30).run()
    at.button[0].click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [errors.UNEXPECTED]


def test_streamlit_never_shows_error_details() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "![x](https://evil.example/p.png)",
        "voir www.evil.example",
        "HTTP://x.y/z",
        "ecrire a camille@val-solidaire.fr",
    ],
)
def test_escaped_text_leaves_no_bare_link_for_markdown_to_draw(text: str) -> None:
    from ptce_assist.ui.safe import md_escape

    markdown = md_escape(text)
    unescaped = re.sub(r"\\(.)", r"\1", markdown)  # what Markdown's autolinker reads
    assert re.search(r"(?i)https?://|www\.|[\w.+-]@", unescaped) is None
    assert shown(markdown) == text
