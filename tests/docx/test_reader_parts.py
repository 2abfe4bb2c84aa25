"""The importer reads four XML parts of the package, through `package.open_word_parts` only:
word/document.xml, word/styles.xml, word/numbering.xml and word/comments.xml (the last three
may be missing). Handing it the parts parsed by plain lxml gives the same reading as the
bounded parser: it drops nothing the reading needs."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from ptce_assist.docx_import import import_docx, reader
from ptce_assist.docx_import.package import WordParts
from tests.docx.corpus import CORPUS

PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/comments.xml")


def _plain_parts(data: bytes) -> WordParts:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        roots = [etree.fromstring(archive.read(name)) if name in names else None for name in PARTS]
    return WordParts(*roots)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_the_reading_needs_only_the_four_parts(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = CORPUS[name]().data
    expected = import_docx(data)
    monkeypatch.setattr(reader, "open_word_parts", _plain_parts)
    assert import_docx(data) == expected


def test_missing_optional_parts_are_read_without_them(monkeypatch: pytest.MonkeyPatch) -> None:
    data = CORPUS["commentaires_word"]().data

    def document_only(raw: bytes) -> WordParts:
        return WordParts(_plain_parts(raw).document, None, None, None)

    monkeypatch.setattr(reader, "open_word_parts", document_only)
    result = import_docx(data)
    assert set(result.rubrics) == {"structure", "acteurs", "gouvernance"}
    # the commented ranges are in the document itself: still « note interne ? », without
    # the comments' words
    notes = [x for x in result.leftovers if x.kind == "note"]
    assert [(x.text, x.comment) for x in notes] == [
        ("trois entreprises", ""),
        ("Liste complète en cours de validation par le bureau.", ""),
    ]
