"""`python -m ptce_assist measure`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ptce_assist.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "texte.txt"
    path.write_text("a" * 300 + "\n\n- point\n", encoding="utf-8")
    assert main(["measure", str(path), "--layout", "arial11", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # 300 "a" take 4 lines (78 per line), then an empty paragraph and a bullet: 6 lines.
    assert report["lines"] == 6
    assert report["pages"] == round(6 / 57, 4)
    assert report["layout"] == "arial11"
    assert report["paragraphs"] == 3


def test_french_summary_budget_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "texte.txt"
    path.write_text("\n".join(["ligne"] * 16), encoding="utf-8")
    code = main(
        [
            "measure",
            str(path),
            "--layout",
            "times12",
            "--budget",
            "15",
            "--unit",
            "ligne",
            "--lines",
        ]
    )
    out = capsys.readouterr().out
    assert code == 3  # over the limit
    assert "Times New Roman 12, marges 2,5 cm (50 lignes par page)" in out
    assert "16 / 15 lignes — 1 ligne de trop" in out
    assert "16 | ligne" in out


def test_errors_are_one_french_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["measure", str(tmp_path / "absent.txt")]) == 1
    assert capsys.readouterr().err.startswith("Erreur : Fichier introuvable")
    binary = tmp_path / "binaire.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    assert main(["measure", str(binary)]) == 1
    assert "UTF-8" in capsys.readouterr().err


def test_module_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Le pôle : un projet !", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ptce_assist",
            "measure",
            str(path),
            "--layout",
            "calibri11",
            "--json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(done.stdout)["lines"] == 1
