"""`check` dispatches a folder to the dashboard and adds the coach to the JSON report."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from ptce_assist.call import load_call
from tests.apptest_support import REPO, full_dossier


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptce_assist", "check", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_json_report_has_a_coach_section_per_rubric(tmp_path: Path) -> None:
    path = tmp_path / "dossier.json"
    path.write_text(full_dossier().to_json(), "utf-8")
    result = _check(str(path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["coach"]) == set(load_call().rubric_ids)
    assert report["recevable"] is True


def test_a_folder_gives_the_dashboard_as_csv(tmp_path: Path) -> None:
    (tmp_path / "val.json").write_text(full_dossier().to_json(), "utf-8")
    (tmp_path / "abime.json").write_text('{"schema_version": 1, "proj', "utf-8")
    result = _check(str(tmp_path), "--csv")
    assert result.returncode == 1  # one draft could not be read
    assert "abime.json" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert [row["Projet"] for row in rows] == ["Recyclerie du Val"]
