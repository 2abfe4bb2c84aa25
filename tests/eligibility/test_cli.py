"""`python -m ptce_assist check`: JSON for scripts, French text for people, French errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from tests.apptest_support import REPO
from tests.eligibility.conftest import complete


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptce_assist", "check", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(tmp_path: Path, dossier: Dossier, name: str = "dossier.json") -> Path:
    path = tmp_path / name
    path.write_text(dossier.to_json(), encoding="utf-8")
    return path


def check_json(path: Path) -> dict[str, Any]:
    done = run_check(str(path), "--json")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


ELIGIBLE_ANSWERS = {
    "criteria": {
        "regroupement": {"answer": "oui"},
        "ancrage": {"answer": "oui"},
        "emplois": {"answer": "moyen_terme"},
        "implication": {"answer": "oui"},
        "innovation_sociale": {"answer": "non"},
    }
}


def codes(data: dict[str, Any]) -> dict[str, str]:
    return {v["topic"]: v["code"] for v in data["verdicts"]}


def test_json_of_a_complete_eligible_dossier(tmp_path: Path) -> None:
    data = check_json(write(tmp_path, complete(diagnostic=ELIGIBLE_ANSWERS)))
    assert (data["recevable"], data["eligible"], data["failing"]) == (True, True, [])
    assert data["admissibility"]["missing"] == []
    assert isinstance(data["admissibility"]["over_limit"], list)
    assert data["eligibility"]["met"] == 4
    assert codes(data) == {
        "ensemble": "eligible",
        "recevabilite": "recevable",
        "porteur": "eligible",
        "gouvernance": "a_renseigner",
        "acteurs": "vide",
        "eligibilite": "eligible",
        "territoires": "aucun",
    }
    for verdict in data["verdicts"]:
        assert verdict["reason"] and verdict["quote"] and verdict["label"]
        assert verdict["tone"] in ("ok", "warn", "bad")
    assert data["verdicts"][0]["topic"] == "ensemble"


def test_json_of_an_empty_dossier(tmp_path: Path) -> None:
    data = check_json(write(tmp_path, Dossier()))
    missing = [item["id"] for item in data["admissibility"]["missing"]]
    assert data["recevable"] is False
    assert missing[:2] == ["project.name", "project.region"]
    assert missing[-1] == "financement"
    assert len(missing) == 15
    assert codes(data)["porteur"] == "a_verifier"
    assert (data["eligibility"]["met"], data["eligible"]) == (0, False)
    assert codes(data)["ensemble"] == "incomplet"
    assert data["verdicts"][0]["page"] == "identite"  # where to start


def test_json_of_a_commercial_company_waiting_for_esus(tmp_path: Path) -> None:
    dossier = complete()
    dossier.structure.legal_form = "sarl"
    dossier.structure.esus = "en_cours"
    data = check_json(write(tmp_path, dossier))
    assert codes(data)["porteur"] == "esus_requis"
    assert data["porteur"]["esus"] == "en_cours"
    assert "en cours" in data["porteur"]["reason"]


def test_french_report_without_json(tmp_path: Path) -> None:
    done = run_check(str(write(tmp_path, complete(diagnostic=ELIGIBLE_ANSWERS))))
    assert done.returncode == 0
    assert "Diagnostic du dossier « Recyclerie du Val »" in done.stdout
    assert "✓ Verdict d'ensemble — Éligible en l'état" in done.stdout
    assert "✓ Recevabilité — Tous les champs d'identité" in done.stdout
    assert "Appel : « Tout dossier incomplet ne sera pas recevable. »" in done.stdout
    assert "Critères d'éligibilité (4 sur 7 remplis ou en perspective, il en faut 4)" in done.stdout
    assert "À corriger : page « Acteurs du pôle »" in done.stdout  # no actors declared yet
    assert not done.stdout.lstrip().startswith("{")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "Fichier introuvable"),
        ("{ pas du json", "incomplet ou abîmé"),
        ('{"bonjour": 1}', "pas une sauvegarde"),
        (" " * (10 * 1024 * 1024 + 1), "trop volumineux"),
    ],
)
def test_bad_input_gets_one_french_line_and_exit_2(
    tmp_path: Path, content: str | None, words: str
) -> None:
    path = tmp_path / "x.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    done = run_check(str(path), "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert words in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_an_empty_directory_is_routed_to_the_dashboard(tmp_path: Path) -> None:
    done = run_check(str(tmp_path))
    assert done.returncode == 1
    assert "Aucun brouillon .json ou .docx" in done.stderr


def test_strict_exit_code(tmp_path: Path) -> None:
    assert run_check(str(write(tmp_path, Dossier(), "a.json")), "--strict").returncode == 1
    eligible = write(tmp_path, complete(diagnostic=ELIGIBLE_ANSWERS), "b.json")
    assert run_check(str(eligible), "--strict").returncode == 0


def test_check_file_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ptce_assist.cli.check import check_file

    assert check_file(write(tmp_path, Dossier()), as_json=True) == 0
    assert json.loads(capsys.readouterr().out)["recevable"] is False


def test_layout_measure_counts_lines_against_the_limit() -> None:
    from ptce_assist.call import load_call
    from ptce_assist.cli.check import layout_measure

    measure = layout_measure(Dossier())
    rubric = load_call().rubric("gouvernance")
    lines, budget = measure(rubric, "Une ligne.")  # type: ignore[misc]
    assert (lines, budget) == (1, 15)
    long_lines, _ = measure(rubric, "\n".join("x" for _ in range(20)))  # type: ignore[misc]
    assert long_lines == 20
