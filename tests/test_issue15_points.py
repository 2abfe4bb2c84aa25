"""Smaller points of issue 15, each as the user met it (pure functions; the pages are tested
in tests/workshops, tests/browser and tests/layout)."""

from __future__ import annotations

from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.chart import resources_chart
from ptce_assist.budget.model import Budget
from ptce_assist.call import load_call
from ptce_assist.charts import NARROW_NBSP
from ptce_assist.progress import identity_to_correct, overall_progress
from ptce_assist.validation import register_fields
from ptce_assist.volumes import rubric_measure, volume_label
from tests.apptest_support import full_dossier


def test_an_association_can_give_its_siret() -> None:
    form = load_call().legal_form("association_1901")
    assert form is not None
    assert "structure.siret" in register_fields(form)


def test_an_invalid_email_is_to_correct_not_filled() -> None:
    call = load_call()
    good = full_dossier()
    bad = good.model_copy(
        update={"referent": good.referent.model_copy(update={"email": "camille(at)val"})}
    )
    assert identity_to_correct(bad, call) == ["referent.email"]
    assert overall_progress(bad, call).identity_filled == (
        overall_progress(good, call).identity_filled - 1
    )


def test_an_empty_rubric_is_vide_not_one_line() -> None:
    dossier = full_dossier()
    rubric = load_call().rubrics[0]
    measure = rubric_measure(dossier)
    assert volume_label(measure, rubric, "  \n ") == "vide"
    assert volume_label(measure, rubric, "Une phrase.").endswith(" lignes")
    assert volume_label(measure, rubric, "Une phrase.").startswith("1 / ")


def test_the_state_s_resource_is_the_other_ami_which_gives_money() -> None:
    label = catalogue().resource_label("etat_financement_ptce")
    assert label == "État – AMI pour financer le développement des PTCE"


def test_the_chart_legend_is_never_cut_and_numbers_are_french() -> None:
    budget = Budget.model_validate(
        {"resources": [{"category": "fondations_mecenat", "amounts_typed": ["300 000", "", ""]}]}
    )
    spec = resources_chart(budget)
    legend = spec["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom" and legend["labelLimit"] == 0
    number = spec["config"]["locale"]["number"]
    assert number["thousands"] == NARROW_NBSP and number["decimal"] == ","
    assert "300\u202f000\u00a0€" in spec["description"]  # not « 300,000 »
