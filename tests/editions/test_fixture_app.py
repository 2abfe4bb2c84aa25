"""The whole app on the tests' fictitious edition (ami_essai), as on the real one: every page,
the rubric pages of its own annex, the export, the import of a draft written for it, and the
command line (`check`, `measure`, `import`)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from ptce_assist.call import load_call
from ptce_assist.call_wording import template_summary
from ptce_assist.docx_export import build_docx
from ptce_assist.docx_import import import_docx
from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import get_preset
from ptce_assist.plaintext import rubric_heading
from ptce_assist.progress import overall_progress
from ptce_assist.volumes import rubric_measure
from ptce_assist.workshops.dashboard import COL_COMPLETENESS
from ptce_assist.workshops.folder_check import read_draft
from tests.apptest_support import REPO, app_with, full_dossier, new_store, rubric_app
from tests.editions import FIXTURE_ID
from tests.test_pages import FILE_PAGES

CALL = load_call(FIXTURE_ID)


def fixture_dossier(kind: str) -> Dossier:
    return Dossier(call_id=FIXTURE_ID) if kind == "vide" else full_dossier(FIXTURE_ID)


@pytest.mark.parametrize("kind", ["vide", "complet"])
@pytest.mark.parametrize("page", FILE_PAGES)
def test_every_page_renders_for_the_fixture_edition(tmp_path: Path, page: str, kind: str) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(fixture_dossier(kind))
    at = app_with(token)
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("kind", ["vide", "complet"])
@pytest.mark.parametrize("rubric_id", CALL.rubric_ids)
def test_every_rubric_page_of_the_fixture_renders(
    tmp_path: Path, rubric_id: str, kind: str
) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(fixture_dossier(kind))
    at = rubric_app(token, rubric_id)
    assert not at.exception, [e.value for e in at.exception]
    assert at.subheader[0].value == CALL.rubric(rubric_id).label
    assert f"Volume : {CALL.rubric(rubric_id).limit_label}" in at.markdown[0].value


def test_the_home_page_summarises_the_open_dossiers_edition(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(fixture_dossier("vide"))
    at = app_with(token)  # the home page
    assert not at.exception
    said = " ".join(m.value for m in at.markdown)
    assert template_summary(CALL) in said
    assert f"appel du {CALL.date.strftime('%d/%m/%Y')}" in said
    assert template_summary(load_call("ami_2024")) not in said
    assert "l'annexe A" in said  # the edition's own name for its form

    at.switch_page("app_pages/identite.py").run()
    assert any("ceux de l'annexe A de l'appel" in c.value for c in at.caption)


def test_a_rubric_the_edition_dropped_has_no_page(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(fixture_dossier("complet"))
    at = rubric_app(token, "mise_en_reseau")  # a rubric of 2024, not of this edition
    assert not at.exception
    assert [s.value for s in at.subheader if "mise en réseau" in s.value] == []
    at = rubric_app(token, "realisations")
    assert at.subheader[0].value == CALL.rubric("realisations").label


def test_the_counter_takes_the_editions_limits() -> None:
    dossier = full_dossier(FIXTURE_ID)
    lines_per_page = get_preset(dossier.layout).lines_per_page
    for call_id, allowed in ((FIXTURE_ID, lines_per_page // 2), ("ami_2024", lines_per_page)):
        rubric = load_call(call_id).rubric("structure")  # 1/2 page here, 1 page in 2024
        assert rubric_measure(dossier)(rubric, "Texte.") == (1, allowed)


def _headings(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_the_export_follows_the_editions_annex() -> None:
    headings = _headings(build_docx(full_dossier(FIXTURE_ID)))
    assert headings == [rubric_heading(r) for r in CALL.rubrics]
    assert headings[0] == "Description de la structure porteuse du projet (1/2 page maximum)"
    assert not any("mise en réseau" in h for h in headings)


def draft_for_the_fixture() -> bytes:
    """A Word draft written from the fixture's annex, as a candidate would."""
    d = docx.Document()
    d.add_heading("Dossier de candidature AMI", level=0)
    d.add_paragraph("Nom du projet : Recyclerie du Val")
    d.add_paragraph("Forme juridique : SCIC")
    texts = {rubric.id: f"Texte de la rubrique {rubric.short_fr}." for rubric in CALL.rubrics}
    for rubric in CALL.rubrics:
        d.add_heading(rubric.heading, level=1)
        d.add_paragraph(texts[rubric.id])
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_draft_written_for_the_edition_is_imported() -> None:
    result = import_docx(draft_for_the_fixture(), CALL)
    assert set(result.rubrics) == set(CALL.rubric_ids)
    assert result.rubrics["realisations"] == "Texte de la rubrique Réalisations."
    assert result.identity["project.name"] == "Recyclerie du Val"
    assert result.looks_like_dossier


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptce_assist", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_the_command_line_imports_checks_and_exports_a_dossier_of_the_edition(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(draft_for_the_fixture())
    backup = tmp_path / "dossier.json"
    done = _cli("import", str(draft), "-o", str(backup), "--appel", FIXTURE_ID)
    assert done.returncode == 0, done.stderr
    assert "Rubrique « Réalisations »" in done.stderr
    dossier = Dossier.model_validate_json(backup.read_text("utf-8"))
    assert dossier.call_id == FIXTURE_ID
    assert dossier.rubrics["realisations"] == "Texte de la rubrique Réalisations."

    checked = _cli("check", str(backup), "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["call_id"] == FIXTURE_ID
    assert set(report["coach"]) == set(CALL.rubric_ids)
    criteria = [c["id"] for c in report["eligibility"]["criteria"]]
    assert criteria == [c.id for c in CALL.eligibility_criteria]
    assert "cooperation" in criteria  # the criterion this edition added

    exported = tmp_path / "dossier.docx"
    done = _cli("export", str(backup), "-o", str(exported))
    assert done.returncode == 0, done.stderr
    assert _headings(exported.read_bytes()) == [rubric_heading(r) for r in CALL.rubrics]


def test_check_reads_a_folder_of_word_drafts_for_the_edition_named(tmp_path: Path) -> None:
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(draft_for_the_fixture())
    dossier = read_draft(draft, FIXTURE_ID)
    assert dossier.call_id == FIXTURE_ID
    assert dossier.rubrics["realisations"] == "Texte de la rubrique Réalisations."
    assert read_draft(draft).call_id == "ami_2024"  # without --appel: the current edition

    done = _cli("check", str(tmp_path), "--csv", "--appel", FIXTURE_ID)
    assert done.returncode == 0, done.stderr
    row = next(csv.DictReader(io.StringIO(done.stdout), delimiter=";"))
    progress = overall_progress(dossier, CALL, rubric_measure(dossier))
    assert row[COL_COMPLETENESS] == str(round(100 * progress.fraction))


def test_measure_takes_a_rubrics_limit_in_the_edition(tmp_path: Path) -> None:
    text = tmp_path / "texte.txt"
    text.write_text("Une ligne.\n" * 40, "utf-8")
    lines = get_preset("arial11").lines_per_page
    for call_id, allowed in ((FIXTURE_ID, lines // 2), ("ami_2024", lines)):
        done = _cli(
            "measure",
            str(text),
            "--layout",
            "arial11",
            "--json",
            "--rubrique",
            "structure",
            "--appel",
            call_id,
        )
        assert json.loads(done.stdout)["budget"]["lines"] == allowed, done.stderr
    done = _cli("measure", str(text), "--rubrique", "mise_en_reseau", "--appel", FIXTURE_ID)
    assert done.returncode != 0
    assert "pas de rubrique « mise_en_reseau »" in done.stderr
