"""The import vocabulary of each call (calls/<id>/import.toml) is consistent with the call."""

from __future__ import annotations

from collections import defaultdict

import pytest

from ptce_assist.call import available_calls, load_call
from ptce_assist.docx_import.vocabulary import load_vocabulary, parse_vocabulary
from ptce_assist.regions import REGIONS

EXTRA_PATHS = {"structure.siret", "structure.rna"}  # dossier fields Annexe 1 does not print


@pytest.mark.parametrize("call_id", available_calls())
def test_vocabulary_names_only_what_the_call_has(call_id: str) -> None:
    call = load_call(call_id)
    vocabulary = load_vocabulary(call_id)
    assert set(vocabulary.headings.keywords) <= set(call.rubric_ids)
    paths = {f.path for f in call.identity_fields} | EXTRA_PATHS
    sections = {s.id for s in call.identity_sections}
    for label in vocabulary.identity.labels:
        assert label.path in paths, label
        assert label.section is None or label.section in sections, label
    assert set(vocabulary.identity.regions) <= {r.code for r in REGIONS}
    assert {f.id for f in vocabulary.identity.legal_forms} <= {f.id for f in call.legal_forms}


@pytest.mark.parametrize("call_id", available_calls())
def test_no_phrase_names_two_things(call_id: str) -> None:
    vocabulary = load_vocabulary(call_id)
    rubrics_of: dict[str, set[str]] = defaultdict(set)
    for rubric_id, phrases in vocabulary.headings.keywords.items():
        for phrase in phrases:
            rubrics_of[phrase].add(rubric_id)
    assert {p: r for p, r in rubrics_of.items() if len(r) > 1} == {}
    paths_of: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for label in vocabulary.identity.labels:
        for phrase in label.words:
            paths_of[(phrase, label.section)].add(label.path)
    assert {k: v for k, v in paths_of.items() if len(v) > 1} == {}
    codes_of: dict[str, set[str]] = defaultdict(set)
    for code, spellings in vocabulary.identity.regions.items():
        for spelling in spellings:
            codes_of[spelling].add(code)
    assert {k: v for k, v in codes_of.items() if len(v) > 1} == {}


def test_a_vocabulary_with_an_unknown_field_is_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        parse_vocabulary('[headings]\nfiller = ["le"]\nunknown = 1\n')


def test_phrases_are_folded_once_loaded() -> None:
    vocabulary = load_vocabulary("ami_2024")
    assert "budget previsionnel" in vocabulary.headings.keywords["financement"]
    assert "93" in {
        code for code, names in vocabulary.identity.regions.items() if "region sud" in names
    }
