"""Any dossier the app accepts exports, alone or in the workshop's ZIP (points 3 and 8), and
the caps typing has hold for every other way in (point 7)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptce_assist.docx_export import build_docx
from ptce_assist.docx_import import DocxImportError, import_docx
from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from ptce_assist.text import MAX_FIELD_CHARS, FieldTooLong
from ptce_assist.workshops.exports import FAILED_EXPORT, docx_zip
from tests.fuzz.strategies import FUZZ, any_char
from tests.hostile.make_corpus import noise, with_body


def _named(project: str, referent: str = "") -> Dossier:
    dossier = Dossier(rubrics={"objectifs": "Créer 12 emplois."})
    dossier.project.name = project
    dossier.referent.name = referent
    return dossier


def test_long_project_and_referent_names_export() -> None:
    # python-docx refuses core properties over 255 characters: the download did nothing.
    data = build_docx(_named("Pôle « Val » " * 20, "Camille Dupont-Lefèvre " * 12))
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")
    assert len(properties.author) <= 255 and properties.author.startswith("Camille")


long_text = st.text(alphabet=any_char, min_size=200, max_size=800)  # the cap is 255


@settings(FUZZ, max_examples=12)  # a document each: about 0.4 s
@given(project=long_text, referent=long_text, role=long_text)
def test_identity_values_of_any_length_export(project: str, referent: str, role: str) -> None:
    dossier = _named(project, referent)
    dossier.referent.role = role
    docx.Document(io.BytesIO(build_docx(dossier)))  # a document Word can open


def _zip_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def test_workshop_zip_avoids_names_reserved_by_windows() -> None:
    names = _zip_names(docx_zip([_named(n) for n in ("CON", "nul", "Aux", "COM1", "lpt9")]))
    stems = {name.rsplit(".", 1)[0].upper() for name in names}
    assert not stems & {"CON", "NUL", "AUX", "COM1", "LPT9"}
    assert names == [
        "CON-dossier.docx",
        "nul-dossier.docx",
        "Aux-dossier.docx",
        "COM1-dossier.docx",
        "lpt9-dossier.docx",
    ]


def test_one_dossier_that_cannot_be_built_does_not_cost_the_whole_zip() -> None:
    # A dossier of a call this version no longer knows (stored by an older one).
    broken = _named("Ancien appel").model_copy(update={"call_id": "ami_2019"})
    data = docx_zip([_named("Pôle Sud"), broken, _named("Pôle Nord" + "x" * 300)])
    names = _zip_names(data)
    assert names[0] == "Pole-Sud.docx" and names[2].startswith("Pole-Nord")
    assert names[1] == "Ancien-appel-erreur.txt"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read(names[1]).decode("utf-8") == FAILED_EXPORT


def test_an_imported_identity_value_gets_the_field_cap() -> None:
    value = noise(MAX_FIELD_CHARS + 1)  # random: a repeated text is refused as a zip bomb
    with pytest.raises(DocxImportError, match="Nom du projet"):
        import_docx(
            with_body(f"<w:p><w:r><w:t>Nom du projet : {value}</w:t></w:r></w:p>", at_start=True)
        )


def test_the_store_refuses_an_oversized_text_from_any_caller(tmp_path: Path) -> None:
    store = DossierStore(make_engine(f"sqlite:///{tmp_path / 'caps.sqlite3'}"))
    with pytest.raises(FieldTooLong):
        store.create(Dossier(rubrics={"objectifs": "a" * (MAX_FIELD_CHARS + 1)}))
    token, stored = store.create(Dossier())
    with pytest.raises(FieldTooLong):
        store.set_field(token, "referent.name", "b" * (MAX_FIELD_CHARS + 1), expected="")
    with pytest.raises(FieldTooLong):
        store.replace(token, _named("c" * (MAX_FIELD_CHARS + 1)), expected_version=1)
    reloaded = store.load(token)
    assert reloaded is not None and reloaded.version == stored.version == 1
