"""`python -m ptce_assist export` and `import`: exit codes, one-line French reasons."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from ptce_assist.backup import read_backup
from ptce_assist.cli import main
from ptce_assist.dossier import Dossier
from tests.docx import drafts
from tests.docx.test_export import full

REPO = Path(__file__).resolve().parents[2]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("Erreur : ")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.json"
    path.write_text(full().to_json(), encoding="utf-8")
    return path


def test_export_writes_the_docx(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sortie.docx"
    code, err = _run(["export", str(backup), "-o", str(out)], capsys)
    assert code == 0
    assert f"Écrit : {out}" in err
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "Dossier de candidature AMI PTCE"
    assert round(document.sections[0].left_margin.cm, 2) == 2.0


def test_export_layout_option(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sortie.docx"
    assert _run(["export", str(backup), "-o", str(out), "--layout", "times12"], capsys)[0] == 0
    section = docx.Document(str(out)).sections[0]
    assert round(section.left_margin.cm, 2) == 2.5


def test_export_warnings_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "vide.json"
    source.write_text(Dossier().to_json(), encoding="utf-8")
    code, err = _run(["export", str(source), "-o", str(tmp_path / "v.docx")], capsys)
    assert code == 0
    assert "Attention : La rubrique « Gouvernance » est obligatoire mais vide" in err


def test_export_text_and_markdown(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    txt, md = tmp_path / "d.txt", tmp_path / "d.md"
    assert _run(["export", str(backup), "-o", str(txt)], capsys)[0] == 0
    assert _run(["export", str(backup), "-o", str(md)], capsys)[0] == 0
    assert txt.read_text("utf-8").startswith("Dossier de candidature AMI PTCE\n")
    assert md.read_text("utf-8").startswith("# Dossier de candidature AMI PTCE\n")


@pytest.mark.parametrize(
    ("args", "code", "reason"),
    [
        (["--layout", "a4"], 2, "Erreur : Mise en page inconnue : « a4 »"),
        (["-o", "sortie.pdf"], 2, "Erreur : Extension de sortie non prise en charge"),
    ],
)
def test_export_bad_options(
    backup: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    reason: str,
) -> None:
    args = [a if a != "sortie.pdf" else str(tmp_path / a) for a in args]
    if "-o" not in args:
        args += ["-o", str(tmp_path / "x.docx")]
    got, err = _run(["export", str(backup), *args], capsys)
    assert got == code
    assert _one_line_error(err).startswith(reason)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.json"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "Erreur : Fichier introuvable"),
        (b"{pas du json", "Erreur : Ce fichier JSON est incomplet ou abîmé"),
        (b'{"a": 1}', "Erreur : Ce fichier n'est pas une sauvegarde de ptce-assist."),
    ],
)
def test_export_bad_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, reason: str
) -> None:
    source = tmp_path / "in.json"
    if content is not None:
        source.write_bytes(content)
    code, err = _run(["export", str(source), "-o", str(tmp_path / "out.docx")], capsys)
    assert code == 1
    assert _one_line_error(err).startswith(reason)
    assert not (tmp_path / "out.docx").exists()


def test_import_writes_a_backup_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(drafts.extra_sections())
    out = tmp_path / "dossier.json"
    code, err = _run(["import", str(draft), "-o", str(out)], capsys)
    assert code == 0
    dossier = read_backup(out.read_bytes())
    assert dossier.rubrics["structure"] == drafts.TEXTS["structure"]
    assert "Reconnu :" in err
    assert "  Rubrique « Gouvernance » : " in err
    assert "Laissé de côté :" in err
    assert "  Section « Contexte et historique du projet » : Tout a commencé" in err
    assert "Remarque : Rubriques reconnues avec du texte : 3 sur 10." in err


def test_import_onto_an_existing_dossier(
    backup: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(drafts.missing_rubrics())
    out = tmp_path / "dossier.json"
    assert _run(["import", str(draft), "-o", str(out), "--base", str(backup)], capsys)[0] == 0
    dossier = read_backup(out.read_bytes())
    assert dossier.rubrics["structure"] == drafts.TEXTS["structure"]
    assert dossier.rubrics["gouvernance"] == full().rubrics["gouvernance"]
    assert dossier.project.name == full().project.name


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x00\x01 pas un docx", "Erreur : Ce fichier n'est pas un document Word au format"),
        (b"PK\x03\x04" + bytes(50 * 1024 * 1024), "Erreur : Ce fichier pèse 50 Mo"),
    ],
)
def test_import_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(content)
    out = tmp_path / "dossier.json"
    code, err = _run(["import", str(draft), "-o", str(out)], capsys)
    assert code == 1
    assert _one_line_error(err).startswith(reason)
    assert not out.exists()


def test_import_of_a_document_with_nothing_recognisable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = docx.Document()
    document.add_paragraph("Liste de courses : pain, lait.")
    draft = tmp_path / "courses.docx"
    document.save(str(draft))
    out = tmp_path / "dossier.json"
    code, err = _run(["import", str(draft), "-o", str(out)], capsys)
    assert code == 1
    assert _one_line_error(err).startswith("Erreur : Aucune rubrique ni aucun champ")
    assert "Avant la première rubrique : Liste de courses" in err
    assert not out.exists()


def test_real_processes_exit_codes(backup: Path, tmp_path: Path) -> None:
    python = sys.executable

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "ptce_assist", *args],
            cwd=REPO,
            text=True,
            capture_output=True,
            timeout=120,
        )

    out = tmp_path / "d.docx"
    assert run("export", str(backup), "-o", str(out)).returncode == 0
    back = run("import", str(out), "-o", str(tmp_path / "d.json"))
    assert back.returncode == 0, back.stderr
    assert read_backup((tmp_path / "d.json").read_bytes()).rubrics == full().rubrics
    bad = run("import", str(backup), "-o", str(tmp_path / "x.json"))
    assert bad.returncode == 1
    assert bad.stderr.strip().startswith("Erreur : Ce fichier n'est pas un document Word")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_written_files_get_the_usual_rights(tmp_path: Path) -> None:
    """The temporary file behind the atomic write is private (0600); the result is not."""
    import os

    from ptce_assist.cli._files import write_atomic

    umask = os.umask(0o022)
    try:
        target = tmp_path / "dossier.docx"
        write_atomic(str(target), b"contenu")
    finally:
        os.umask(umask)
    assert target.read_bytes() == b"contenu"
    assert target.stat().st_mode & 0o777 == 0o644


def test_import_of_meeting_minutes_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.docx import corpus

    draft = tmp_path / "compte-rendu.docx"
    draft.write_bytes(corpus.compte_rendu_reunion().data)
    out = tmp_path / "dossier.json"
    code, err = _run(["import", str(draft), "-o", str(out)], capsys)
    assert code == 1
    assert _one_line_error(err).startswith(
        "Erreur : Ce document ne ressemble pas à un dossier de candidature : 3 intitulés"
    )
    assert err.rstrip().endswith("relancez avec --force pour l'importer quand même.")
    assert not out.exists()
    code, err = _run(["import", str(draft), "-o", str(out), "--force"], capsys)
    assert code == 0
    assert read_backup(out.read_bytes()).rubrics["financement"] == (
        "Une demande de subvention à la Région est à préparer."
    )


def test_import_report_lists_what_is_set_aside_by_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.docx import corpus

    draft = tmp_path / "brouillon.docx"
    draft.write_bytes(corpus.note_surlignee().data)
    code, err = _run(["import", str(draft), "-o", str(tmp_path / "d.json")], capsys)
    assert code == 0
    assert "  Note interne ? (dans « Périmètre ») (gardé dans le texte) : 28" in err
    assert "  Note interne ? (dans « Périmètre ») : À vérifier avec la préfecture." in err
