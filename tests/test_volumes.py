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


def test_a_pasted_megabyte_is_laid_out_once_and_never_kept() -> None:
    """Every run measures each rubric (sidebar, page): a long text's count is kept by its
    digest, so a pasted megabyte costs one layout, and the cache holds no text."""
    from ptce_assist import volumes
    from ptce_assist.layout.engine import layout_text

    long_text = "Acteur engagé 😊. " * 3_000  # past CACHED_TEXT_MAX_CHARS
    assert len(long_text) > volumes.CACHED_TEXT_MAX_CHARS
    expected = layout_text(long_text, "arial11").line_count
    assert volumes.line_count(long_text, "arial11") == expected
    key = next(k for k in volumes._LONG_COUNTS if k[1] == "arial11")
    assert all(isinstance(part, (bytes, str)) and len(part) < 100 for part in key)
    cached = {k: v for k, v in volumes._LONG_COUNTS.items()}
    assert volumes.line_count(long_text, "arial11") == expected
    assert dict(volumes._LONG_COUNTS) == cached  # served from the cache, nothing added
    longer = long_text + "\n" + "Une ligne de plus."
    assert volumes.line_count(longer, "arial11") == layout_text(longer, "arial11").line_count
    for _ in range(volumes._LONG_COUNTS_MAX + 5):
        longer += "x"
        volumes.line_count(longer, "arial11")
    assert len(volumes._LONG_COUNTS) <= volumes._LONG_COUNTS_MAX  # bounded
