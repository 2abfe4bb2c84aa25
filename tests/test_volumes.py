"""The one measure behind every status: lines used and allowed per rubric, in the dossier's
layout. Expected budgets come from the call's limits and the measured lines per page of
../shared/notes/layout-fidelity.md (57 lines in arial11), not from the code."""

from __future__ import annotations

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.report import check_report
from ptce_assist.progress import rubric_progress
from ptce_assist.volumes import effective_preset, rubric_measure

CALL = load_call()


def test_budgets_in_arial11_follow_the_call() -> None:
    measure = rubric_measure(Dossier())
    assert measure(CALL.rubric("objectifs"), "Un.") == (1, 57)  # 1 page
    assert measure(CALL.rubric("acteurs"), "Un.") == (1, 114)  # 2 pages
    assert measure(CALL.rubric("perimetre"), "Un.") == (1, 28)  # 1/2 page, rounded down
    assert measure(CALL.rubric("gouvernance"), "Un.\nDeux.\n\nQuatre.") == (4, 15)  # 15 lignes


def test_the_dossier_layout_changes_the_page_budget_not_the_line_budget() -> None:
    arial = rubric_measure(Dossier(layout="arial11"))
    times = rubric_measure(Dossier(layout="times12"))
    objectifs, gouvernance = CALL.rubric("objectifs"), CALL.rubric("gouvernance")
    assert times(objectifs, "Un.")[1] < arial(objectifs, "Un.")[1]  # wider margins, bigger font
    assert times(gouvernance, "Un.")[1] == arial(gouvernance, "Un.")[1] == 15


def test_unknown_layout_falls_back_to_the_default() -> None:
    dossier = Dossier(layout="comic-sans-14")
    assert effective_preset(dossier) == "arial11"
    assert rubric_measure(dossier)(CALL.rubric("objectifs"), "Un.") == (1, 57)


def test_over_the_limit_reaches_the_status_and_the_diagnosis() -> None:
    text = "\n".join(f"Ligne {n}." for n in range(16))  # 16 paragraphs: 16 lines
    dossier = Dossier(rubrics={"gouvernance": text})
    progress = rubric_progress(dossier, CALL.rubric("gouvernance"), rubric_measure(dossier))
    assert progress.state == "depasse"
    report = check_report(dossier, rubric_measure(dossier), CALL)
    assert report.measured is True
    assert [item.id for item in report.admissibility.over_limit] == ["gouvernance"]
