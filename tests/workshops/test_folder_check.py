"""`check_folder`: the dashboard table over a folder of JSON and DOCX drafts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ptce_assist.docx_export import build_docx
from ptce_assist.dossier import Dossier
from ptce_assist.workshops.dashboard import COL_COMPLETENESS
from ptce_assist.workshops.folder_check import check_folder
from tests.apptest_support import full_dossier


def run(folder: Path, as_csv: bool) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = check_folder(folder, as_csv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def drafts(tmp_path: Path) -> Path:
    named = Dossier()
    named.project.name = "@SOMME(A1)"
    (tmp_path / "a-pole.json").write_text(named.to_json(), encoding="utf-8")
    (tmp_path / "b-recyclerie.docx").write_bytes(build_docx(full_dossier()))
    (tmp_path / "notes.txt").write_text("ignoré", encoding="utf-8")
    (tmp_path / "~$verrou.docx").write_bytes(b"lock file of Word")
    return tmp_path


def test_csv_over_json_and_docx(tmp_path: Path) -> None:
    code, out, err = run(drafts(tmp_path), as_csv=True)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out), delimiter=";"))
    assert [r["Fichier"] for r in rows] == ["a-pole.json", "b-recyclerie.docx"]
    assert rows[0]["Projet"] == "'@SOMME(A1)"  # formula guard
    assert rows[1]["Projet"] == "Recyclerie du Val"
    assert rows[1]["Région"] == "Auvergne-Rhône-Alpes"
    progress = COL_COMPLETENESS
    assert int(rows[1][progress]) > int(rows[0][progress])


def test_text_output(tmp_path: Path) -> None:
    code, out, _ = run(drafts(tmp_path), as_csv=False)
    assert code == 0
    assert "== a-pole.json — @SOMME(A1)" in out
    assert "== b-recyclerie.docx — Recyclerie du Val" in out
    assert "Recevabilité" in out


def test_unreadable_files_are_reported_not_fatal(tmp_path: Path) -> None:
    drafts(tmp_path)
    (tmp_path / "casse.json").write_text("{pas du json", encoding="utf-8")
    (tmp_path / "faux.docx").write_bytes(b"pas un docx")
    code, out, err = run(tmp_path, as_csv=True)
    assert code == 1
    assert "casse.json : illisible" in err and "faux.docx : illisible" in err
    assert "2 fichier(s) illisible(s) sur 4." in err
    assert len(list(csv.DictReader(io.StringIO(out), delimiter=";"))) == 2


def test_missing_or_empty_folder(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "absent", as_csv=False)
    assert code == 2 and out == "" and "Dossier introuvable" in err
    code, out, err = run(tmp_path, as_csv=False)
    assert code == 1 and out == "" and "Aucun brouillon" in err
