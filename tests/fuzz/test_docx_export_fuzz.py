"""The DOCX export on dossiers full of hostile text: always a document python-docx re-opens
(invisible characters are dropped, as when they are typed), never an exception."""

from __future__ import annotations

import io

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from ptce_assist.call import load_call
from ptce_assist.docx_export import build_docx
from ptce_assist.dossier import Dossier
from tests.fuzz.strategies import FUZZ, hostile_text

RUBRIC_IDS = [rubric.id for rubric in load_call().rubrics]


def _document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _export(dossier: Dossier) -> str:
    """Hostile text is cleaned as typing would clean it: the export must always succeed."""
    return _document_text(build_docx(dossier))


@settings(FUZZ, max_examples=25)
@given(
    texts=st.dictionaries(st.sampled_from(RUBRIC_IDS), hostile_text, max_size=4),
    name=hostile_text,
    referent=hostile_text,
    layout=st.sampled_from(["arial11", "calibri11", "times12"]),
)
def test_hostile_dossier_exports(
    texts: dict[str, str], name: str, referent: str, layout: str
) -> None:
    dossier = Dossier(layout=layout, rubrics=texts)
    dossier.project.name = name
    dossier.referent.name = referent
    dossier.structure.address = referent
    _export(dossier)


def test_visible_text_survives_between_controls() -> None:
    """Controls and lone surrogates may be dropped, the visible words must stay."""
    dossier = Dossier(
        rubrics={
            "objectifs": "Début\x00\x07 \ud800milieu\u202e שלום\ufffe fin <script>&amp;",
            "structure": "ligne\x0bsuivante\x0c" + "\U0001f600" * 3,
        }
    )
    dossier.project.name = "Pôle\x01 « test » \udfff"
    text = _export(dossier)
    for word in ["Début", "milieu", "שלום", "fin", "<script>&amp", "ligne", "suivante"]:
        assert word in text


def test_200000_character_paragraph_exports() -> None:
    paragraph = ("Le pôle territorial crée des emplois durables ; " * 4200)[:200_000]
    text = _export(Dossier(rubrics={"actions": paragraph}))
    flat = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert paragraph.strip() in flat
