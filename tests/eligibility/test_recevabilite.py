"""Admissibility: missing items of each kind, warnings, and rubrics over their limit."""

from __future__ import annotations

import copy

import pytest

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.recevabilite import admissibility
from tests.eligibility.conftest import IDENTITY, MANDATORY, OPTIONAL, complete, fake_measure

IDENTITY_PATHS = [
    "project.name",
    "project.region",
    "structure.name",
    "structure.address",
    "structure.legal_form",
    "referent.name",
    "referent.role",
    "referent.email",
    "referent.phone",
]


def test_complete_dossier_is_admissible() -> None:
    result = admissibility(complete(), load_call(), fake_measure)
    assert result.recevable
    assert result.verdict.code == "recevable"
    assert result.missing == ()
    assert result.warnings == ()
    assert result.over_limit == ()
    assert result.verdict.quote == "Tout dossier incomplet ne sera pas recevable."


@pytest.mark.parametrize("path", IDENTITY_PATHS)
def test_each_missing_identity_field(path: str) -> None:
    data = copy.deepcopy(IDENTITY)
    section, field = path.split(".")
    data[section][field] = "   "
    result = admissibility(complete(**data), load_call(), None)
    assert result.verdict.code == "incomplet"
    assert [(i.id, i.kind) for i in result.missing] == [(path, "identite")]
    assert "annexe 1" in result.missing[0].reason


@pytest.mark.parametrize("rubric_id", MANDATORY)
def test_each_empty_mandatory_rubric(rubric_id: str) -> None:
    dossier = complete()
    rubrics = dict(dossier.rubrics) | {rubric_id: "\n  \n"}
    result = admissibility(complete(rubrics=rubrics), load_call(), None)
    assert not result.recevable
    assert [(i.id, i.kind) for i in result.missing] == [(rubric_id, "rubrique_obligatoire")]
    assert result.missing[0].quote == load_call().rubric(rubric_id).expects[0]


def test_empty_le_cas_echeant_rubric_is_a_warning_only() -> None:
    rubrics = dict(complete().rubrics) | {"actions": ""}
    result = admissibility(complete(rubrics=rubrics), load_call(), None)
    assert result.recevable
    assert [(i.id, i.kind) for i in result.warnings] == [("actions", "rubrique_le_cas_echeant")]
    assert result.warnings[0].quote.startswith("Le cas échéant")


@pytest.mark.parametrize(
    ("stage", "expected"),
    [("emergence", False), ("en_developpement", False), ("existant", True), ("mature", True)],
)
def test_optional_rubrics_expected_from_the_maturity_stage(stage: str, expected: bool) -> None:
    rubrics = {k: v for k, v in complete().rubrics.items() if k not in OPTIONAL}
    result = admissibility(complete(rubrics=rubrics, maturity=stage), load_call(), None)
    assert result.recevable  # optional rubrics never make a dossier inadmissible
    flagged = [i.id for i in result.warnings if i.kind == "rubrique_optionnelle_attendue"]
    assert flagged == (list(OPTIONAL) if expected else [])
    if expected:
        assert result.warnings[0].quote == load_call().optional_rubrics_policy.quote


def test_maturity_not_given_is_a_warning() -> None:
    result = admissibility(complete(maturity=""), load_call(), None)
    assert [(i.id, i.kind) for i in result.warnings] == [("maturity", "maturite")]


def test_empty_dossier_lists_every_missing_item() -> None:
    result = admissibility(Dossier(), load_call(), None)
    assert [i.id for i in result.missing] == [*IDENTITY_PATHS, *MANDATORY]
    assert "15 éléments obligatoires manquent" in result.verdict.reason


@pytest.mark.parametrize(
    ("rubric_id", "lines", "over"),
    [
        ("gouvernance", 15, False),  # 15 lignes maximum
        ("gouvernance", 16, True),
        ("perimetre", 20, False),  # 1/2 page = 20 fake lines
        ("perimetre", 21, True),
        ("acteurs", 80, False),  # 2 pages
        ("acteurs", 81, True),
        ("actions", 41, True),  # « le cas échéant » rubrics are measured too
        ("plan_action", 41, True),
    ],
)
def test_over_limit_rubrics(rubric_id: str, lines: int, over: bool) -> None:
    text = "\n".join(f"Ligne {n}" for n in range(lines))
    rubrics = dict(complete().rubrics) | {rubric_id: text}
    result = admissibility(complete(rubrics=rubrics), load_call(), fake_measure)
    assert result.recevable  # concision is judged, it does not make a dossier inadmissible
    assert [i.id for i in result.over_limit] == ([rubric_id] if over else [])
    if over:
        item = result.over_limit[0]
        assert (item.lines, item.kind) == (lines, "depassement")
        assert item.quote == load_call().concision_quote
        assert "exercice de concision" in item.quote
        assert "raccourcissez-la de 1 ligne" in item.reason


def test_no_measure_means_no_over_limit_and_says_so() -> None:
    text = "\n".join("x" for _ in range(200))
    rubrics = dict(complete().rubrics) | {"gouvernance": text}
    result = admissibility(complete(rubrics=rubrics), load_call(), None)
    assert result.over_limit == ()
    assert result.measured is False


def test_empty_rubrics_are_not_measured() -> None:
    calls: list[str] = []

    def spy(rubric, text):  # type: ignore[no-untyped-def]
        calls.append(rubric.id)
        return fake_measure(rubric, text)

    rubrics = dict(complete().rubrics) | {"actions": ""}
    admissibility(complete(rubrics=rubrics), load_call(), spy)
    assert "actions" not in calls
    assert len(calls) == 9
