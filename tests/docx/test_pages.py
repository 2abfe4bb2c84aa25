"""AppTest of the Exporter and Importer pages (AppTest cannot fetch download bytes: the
builders are tested as functions in the other modules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from tests.apptest_support import app_with, shown
from tests.apptest_support import new_store as _new_store
from tests.docx import corpus, drafts
from tests.docx.test_export import full
from tests.docx.test_roundtrip import TYPOGRAPHY

EXPORT = "app_pages/export.py"
IMPORT = "app_pages/import_word.py"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def store(tmp_path: Path) -> DossierStore:
    return _new_store(tmp_path)


def _page(store: DossierStore, dossier: Dossier, page: str) -> tuple[AppTest, str]:
    token, _ = store.create(dossier)
    at = app_with(token)
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at, token


def test_export_page_with_a_complete_dossier(store: DossierStore) -> None:
    at, _ = _page(store, full(), EXPORT)
    assert at.title[0].value == "Exporter le dossier"
    assert not at.warning
    assert at.success[0].value.startswith("Identité complète")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Document Word (.docx)", "Texte brut (.txt)", "Markdown (.md)"]
    rows = [m.value for m in at.markdown if m.value.startswith("**")]
    text = TYPOGRAPHY["gouvernance"]  # typed with ordinary spaces: pasted unchanged
    assert f"**Gouvernance** — {len(text)} caractères, {len(text.encode())} octets" in rows


def test_export_page_warns_before_download(store: DossierStore) -> None:
    at, _ = _page(store, Dossier(rubrics={"structure": "Texte."}), EXPORT)
    (warning,) = at.warning
    assert warning.value.startswith("**À vérifier avant de télécharger :**")
    assert "Gouvernance" in warning.value and "obligatoire mais vide" in warning.value


def test_export_page_does_not_build_files_on_render(
    store: DossierStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ptce_assist.docx_export as export
    import ptce_assist.plaintext as plaintext

    calls: list[str] = []

    def spy(name: str):  # type: ignore[no-untyped-def]
        def record(*_args: object, **_kwargs: object) -> bytes:
            calls.append(name)
            return b""

        return record

    monkeypatch.setattr(export, "build_docx", spy("docx"))
    monkeypatch.setattr(plaintext, "dossier_text", spy("txt"))
    monkeypatch.setattr(plaintext, "dossier_markdown", spy("md"))
    at, _ = _page(store, full(), EXPORT)
    at.run()  # a rerun builds nothing either
    assert not at.exception
    assert calls == []


def test_export_page_escapes_user_text(store: DossierStore) -> None:
    hostile = "**gras** <script>alert(1)</script> [lien](javascript:x)"
    dossier = full().model_copy(update={"layout": hostile})
    at, _ = _page(store, dossier, EXPORT)
    text = at.warning[0].value
    assert "\\*\\*gras\\*\\* \\<script\\>" in text
    assert "<script>" not in text


def test_import_page_preview_then_accept_replaces_the_dossier(store: DossierStore) -> None:
    at, token = _page(store, Dossier(rubrics={"actions": "Déjà écrit."}), IMPORT)
    at.file_uploader[0].upload("brouillon.docx", drafts.heading_styles(), DOCX_MIME).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.subheader] == ["Reconnu", "Laissé de côté"]
    expanders = [e.label for e in at.expander]
    assert "Actions — 57 caractères (remplace votre texte actuel (11 caractères))" in expanders
    stored = store.load(token)
    assert stored is not None and stored.dossier.rubrics == {"actions": "Déjà écrit."}

    at.button(key="import_word:accept").click().run()
    assert not at.exception
    assert at.success[0].value == (
        "Brouillon importé : 10 rubrique(s) et 9 champ(s) d'identité mis à jour."
    )
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics == drafts.TEXTS
    assert stored.dossier.project.region == "84"
    assert stored.version == 2


def test_import_page_cancel_changes_nothing(store: DossierStore) -> None:
    at, token = _page(store, Dossier(rubrics={"actions": "Déjà écrit."}), IMPORT)
    at.file_uploader[0].upload("brouillon.docx", drafts.missing_rubrics(), DOCX_MIME).run()
    at.button(key="import_word:cancel").click().run()
    assert at.success[0].value == "Import annulé : votre dossier n'a pas été modifié."
    stored = store.load(token)
    assert stored is not None
    assert stored.version == 1 and stored.dossier.rubrics == {"actions": "Déjà écrit."}


def test_import_page_hostile_file_gives_a_french_error_and_no_accept(
    store: DossierStore,
) -> None:
    at, token = _page(store, Dossier(), IMPORT)
    at.file_uploader[0].upload(
        "bombe.docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
        DOCX_MIME,
    ).run()
    assert not at.exception
    assert shown(at.error[0].value).startswith("Ce document est protégé par un mot de passe")
    assert shown(at.error[0].value).endswith("Votre dossier n'a pas été modifié.")
    assert not [b for b in at.button if b.key == "import_word:accept"]
    stored = store.load(token)
    assert stored is not None and stored.version == 1


def test_accept_applies_onto_the_dossier_as_stored_at_that_moment(store: DossierStore) -> None:
    at, token = _page(store, Dossier(), IMPORT)
    at.file_uploader[0].upload("brouillon.docx", drafts.missing_rubrics(), DOCX_MIME).run()
    store.set_field(token, "rubrics.gouvernance", "Écrit dans un autre onglet.", expected=None)
    at.button(key="import_word:accept").click().run()
    # The click reruns the page, which reloads the dossier (version 2) and replaces it.
    after = store.load(token)
    assert after is not None
    assert after.dossier.rubrics["gouvernance"] == "Écrit dans un autre onglet."
    assert after.dossier.rubrics["structure"] == drafts.TEXTS["structure"]


def _upload(at: AppTest, data: bytes) -> AppTest:
    at.file_uploader[0].upload("brouillon.docx", data, DOCX_MIME).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _accept_button(at: AppTest):  # type: ignore[no-untyped-def]
    return at.button(key="import_word:accept")


def test_import_page_asks_for_confirmation_when_the_file_is_not_a_dossier(
    store: DossierStore,
) -> None:
    at, token = _page(store, Dossier(rubrics={"gouvernance": "Déjà écrit."}), IMPORT)
    _upload(at, corpus.compte_rendu_reunion().data)
    (warning,) = at.warning
    assert warning.value.startswith("Ce document ne ressemble pas à un dossier de candidature")
    assert _accept_button(at).disabled
    (confirm,) = [c for c in at.checkbox if c.label.startswith("Ce fichier est bien")]
    confirm.check().run()
    assert not _accept_button(at).disabled
    _accept_button(at).click().run()
    stored = store.load(token)
    assert stored is not None
    said = "Le comité valide le principe de trois collèges."
    assert stored.dossier.rubrics["gouvernance"] == said


def test_import_page_sends_a_set_aside_passage_to_a_rubric(store: DossierStore) -> None:
    at, token = _page(store, Dossier(), IMPORT)
    _upload(at, corpus.titre_inconnu_entre_deux_rubriques().data)
    assert "Section « Notre histoire »" in [e.label for e in at.expander]
    (choice,) = [s for s in at.selectbox if s.label == "Importer ce passage dans :"]
    assert choice.value is None
    choice.set_value("structure").run()
    labels = [e.label for e in at.expander]
    assert any(label.startswith("Structure porteuse — ") for label in labels)
    _accept_button(at).click().run()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics["structure"] == (
        corpus.T["structure"] + "\n\nTout a commencé par un repair café en 2012.\n"
        "En 2018, la recyclerie a ouvert ses portes."
    )


def test_import_page_lets_the_candidate_keep_an_internal_note(store: DossierStore) -> None:
    at, token = _page(store, Dossier(), IMPORT)
    _upload(at, corpus.note_surlignee().data)
    notes = [c for c in at.checkbox if c.label.startswith("C'est du texte du dossier")]
    assert [c.value for c in notes] == [True, False, False]  # "28" kept, two sentences not
    notes[2].check().run()
    _accept_button(at).click().run()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics["perimetre"].endswith(
        "Deux quartiers sont en QPV.\nNB Julien : demander les chiffres de l'INSEE à la comcom"
    )


@pytest.mark.parametrize(
    "name",
    [
        "page_de_garde_sommaire_points",
        "note_surlignee",
        "commentaires_word",
        "compte_rendu_reunion",
        "lettre_de_soutien",
        "decimale_chapitres",
        "export_de_l_application",
        "rubriques_a_completer",
        "identite_nom_prenom_deux_lignes",
    ],
)
def test_import_page_shows_drafts_of_every_kind(store: DossierStore, name: str) -> None:
    at, _ = _page(store, Dossier(), IMPORT)
    _upload(at, corpus.CORPUS[name]().data)
    assert [s.value for s in at.subheader] == ["Reconnu", "Laissé de côté"]
    assert not at.error


def _over_limit() -> Dossier:
    rubrics = dict(full().rubrics)
    rubrics["gouvernance"] = "Une gouvernance partagée entre les collèges. " * 400
    return full().model_copy(update={"rubrics": rubrics})


def _disabled(at: AppTest) -> dict[str, bool]:
    return {b.proto.label: b.proto.disabled for b in at.get("download_button")}


def test_export_page_asks_before_exporting_an_over_limit_rubric(store: DossierStore) -> None:
    at, _ = _page(store, _over_limit(), EXPORT)
    (error,) = at.error
    assert "La rubrique « Gouvernance » dépasse sa limite" in error.value
    assert set(_disabled(at).values()) == {True}
    at.checkbox(key="p:export:over-limit").check().run()
    assert set(_disabled(at).values()) == {False}


def test_export_page_under_the_limits_asks_nothing(store: DossierStore) -> None:
    at, _ = _page(store, full(), EXPORT)
    assert not at.error and not at.checkbox
    assert set(_disabled(at).values()) == {False}


def test_export_page_offers_no_pdf_without_libreoffice(
    store: DossierStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ptce_assist.docx_export import pdf

    monkeypatch.setattr(pdf, "libreoffice", lambda: None)
    at, _ = _page(store, full(), EXPORT)
    assert "PDF" not in [h.value for h in at.subheader]
    assert not [b for b in at.button if b.label == "Préparer le PDF"]


@pytest.mark.oracle
def test_export_page_makes_the_pdf_where_libreoffice_is_installed(store: DossierStore) -> None:
    from ptce_assist.docx_export.pdf import libreoffice
    from tests.conftest import require_or_skip

    require_or_skip(libreoffice() is not None, "PTCE_REQUIRE_ORACLES", "LibreOffice absent")
    at, _ = _page(store, full(), EXPORT)
    assert "Télécharger le PDF" not in _disabled(at)
    next(b for b in at.button if b.label == "Préparer le PDF").click()
    at.run(timeout=120)
    assert not at.exception and not at.error
    assert _disabled(at)["Télécharger le PDF"] is False
