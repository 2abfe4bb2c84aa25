"""What holds for every edition folder, the shipped one and the tests' fictitious one alike:
quotes verbatim, names that point at something of the edition, nothing the app cannot read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ptce_assist.budget.categories import edition_budget
from ptce_assist.call import available_calls, current_call_id, load_call
from ptce_assist.coach.data import coverage
from ptce_assist.editions import EXTRA_ENV, SHIPPED, edition_folders, shipped_editions
from ptce_assist.eligibility.evidence import DETECTORS
from tests.conftest import require_or_skip
from tests.editions import EDITIONS_ROOT, FIXTURE_ID
from tests.editions.quotes import quoted_values, source_path

EDITIONS = available_calls()
# Signals answered from the diagnostic tables rather than from the rubrics' words.
TABLE_SIGNALS = {"actors_composition", "fragile_declared"}
# Rubrics the diagnostic pages are built on (an edition may relabel them, not drop them).
DIAGNOSTIC_RUBRICS = {"structure", "acteurs", "gouvernance", "perimetre", "financement"}


def test_the_fixture_edition_is_known_but_not_shipped() -> None:
    assert {"ami_2024", FIXTURE_ID} <= set(EDITIONS)
    assert shipped_editions() == ("ami_2024",)
    assert current_call_id() == "ami_2024"  # new dossiers: the newest shipped edition
    assert edition_folders()["ami_2024"].parent == SHIPPED


@pytest.mark.parametrize("call_id", EDITIONS)
def test_every_quote_appears_verbatim_in_the_text_of_the_edition(call_id: str) -> None:
    path = source_path(call_id)
    # The 2024 text sits beside the repository (shared/reference); CI must have it.
    require_or_skip(path.exists(), "PTCE_REQUIRE_ORACLES", f"texte de l'appel introuvable : {path}")
    text = " ".join(path.read_text("utf-8").split())
    quoted = quoted_values(call_id)
    assert len(quoted["call.toml"]) > 60
    missing = {
        name: [q for q in quotes if " ".join(q.split()) not in text]
        for name, quotes in quoted.items()
    }
    assert missing == {name: [] for name in quoted}


@pytest.mark.parametrize("call_id", EDITIONS)
def test_names_point_at_what_the_edition_has(call_id: str) -> None:
    call = load_call(call_id)
    rubrics = set(call.rubric_ids)
    criteria = {c.id for c in call.eligibility_criteria}
    selection = {c.id for c in call.selection_criteria}
    diagnostic = call.diagnostic
    assert rubrics >= DIAGNOSTIC_RUBRICS
    assert set(diagnostic.eligibility_short_fr) == criteria
    assert set(diagnostic.selection_short_fr) == selection
    for rule in diagnostic.eligibility_evidence:
        assert rule.criterion in criteria, rule
    for rule in diagnostic.selection_evidence:
        assert rule.criterion in selection, rule
    for rule in (*diagnostic.eligibility_evidence, *diagnostic.selection_evidence):
        assert set(rule.rubrics) <= rubrics, rule
        assert rule.signal in DETECTORS or rule.signal in TABLE_SIGNALS, rule
    assert {c.block for c in call.selection_criteria} <= {b.id for b in call.selection_blocks}
    assert set(call.optional_rubrics_policy.expected_from_stages) <= {
        s.id for s in call.maturity_stages
    }
    for rubric in call.rubrics:
        assert not set(rubric.replaces) & rubrics, rubric.id  # the text of another edition


@pytest.mark.parametrize("call_id", EDITIONS)
def test_the_coach_checklist_covers_every_rubric(call_id: str) -> None:
    items = coverage(call_id).items
    assert {item.rubric for item in items} == set(load_call(call_id).rubric_ids)
    assert len({(item.rubric, item.id) for item in items}) == len(items)


@pytest.mark.parametrize("call_id", EDITIONS)
def test_the_budget_quotes_and_figures_are_read(call_id: str) -> None:
    said = edition_budget(call_id)
    assert said.quotes.state_support and "100 000€ sur 2 ans" in said.quotes.state_support
    assert said.state_support is not None
    assert (said.state_support.cents, said.state_support.years) == (100_000 * 100, 2)


def test_the_fixture_differs_from_2024_as_announced() -> None:
    old, new = load_call("ami_2024"), load_call(FIXTURE_ID)
    assert old.rubric("objectifs").label != new.rubric("objectifs").label  # renamed
    assert new.rubric("realisations").replaces == ("actions",)  # renamed, and moves
    assert (old.rubric("structure").limit.amount, new.rubric("structure").limit.amount) == (1, 0.5)
    assert "mise_en_reseau" in old.rubric_ids and "mise_en_reseau" not in new.rubric_ids
    assert old.rubric("mise_en_reseau").requirement == "optionnel_maturite"
    added = {c.id for c in new.eligibility_criteria} - {c.id for c in old.eligibility_criteria}
    assert added == {"cooperation"}


def test_a_folder_added_beside_is_an_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(KeyError):
        load_call("ami_2098")
    text = (SHIPPED / "ami_2024" / "call.toml").read_text("utf-8")
    (tmp_path / "ami_2098").mkdir()
    (tmp_path / "ami_2098" / "call.toml").write_text(
        text.replace('id = "ami_2024"', 'id = "ami_2098"', 1).replace(
            'limit = { amount = 15, unit = "ligne" }', 'limit = { amount = 20, unit = "ligne" }'
        ),
        "utf-8",
    )
    (tmp_path / "ami_2097").mkdir()  # a folder whose file names another edition
    (tmp_path / "ami_2097" / "call.toml").write_text(text, "utf-8")
    monkeypatch.setenv(EXTRA_ENV, os.pathsep.join([str(EDITIONS_ROOT), str(tmp_path)]))
    assert load_call("ami_2098").rubric("gouvernance").limit.amount == 20
    assert coverage("ami_2098").items == ()  # files left out: nothing of that kind
    with pytest.raises(ValueError, match="ami_2024"):
        load_call("ami_2097")
    assert current_call_id() == "ami_2024"  # only shipped editions become the current one
