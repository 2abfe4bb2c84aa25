"""The corpus of candidates' drafts (tests/docx/corpus.py) is read exactly as a person reads it.

The expected readings were written before the importer was run on the drafts; every draft
must be read 100 % right: each rubric's text, each identity field, what is set aside (kind,
heading, text, in order), whether the file looks like a dossier, and every paragraph typed
accounted for once.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from ptce_assist.docx_import import ImportResult, apply_import, import_docx
from ptce_assist.dossier import Dossier
from tests.docx.corpus import CORPUS, Draft


@pytest.fixture(scope="module", params=sorted(CORPUS))
def read(request: pytest.FixtureRequest) -> tuple[Draft, ImportResult]:
    draft = CORPUS[request.param]()
    return draft, import_docx(draft.data)


def test_rubrics(read: tuple[Draft, ImportResult]) -> None:
    draft, result = read
    assert result.rubrics == draft.reading.rubrics


def test_identity(read: tuple[Draft, ImportResult]) -> None:
    draft, result = read
    assert result.identity == draft.reading.identity
    after = apply_import(Dossier(), result)
    assert after.project.region == draft.reading.region
    assert after.structure.legal_form == draft.reading.legal_form


def test_set_aside(read: tuple[Draft, ImportResult]) -> None:
    draft, result = read
    aside = [(x.kind, x.heading, x.text) for x in result.leftovers]
    assert aside == list(draft.reading.aside)


def test_looks_like_a_dossier(read: tuple[Draft, ImportResult]) -> None:
    draft, result = read
    assert result.looks_like_dossier is draft.reading.dossier


def test_every_typed_paragraph_is_accounted_for_once(read: tuple[Draft, ImportResult]) -> None:
    draft, result = read
    if not draft.typed:  # the application's own export: not written paragraph by paragraph
        return
    by_source: dict[int, str] = defaultdict(str)
    for piece in result.pieces:
        by_source[piece.source] += piece.text
    read_back = [by_source[index] for index in sorted(by_source)]
    assert [t for t in read_back if t.strip()] == [t for t in draft.typed if t.strip()]


def test_the_corpus_has_at_least_thirty_drafts() -> None:
    assert len(CORPUS) >= 30
