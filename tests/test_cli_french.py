"""`python -m ptce_assist` speaks French, argparse's own words included (its help, its errors)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.apptest_support import REPO

ENGLISH = re.compile(
    r"\b(usage|positional|show this help|error|invalid choice|choose from|required|"
    r"unrecognized|expected|arguments:)\b"
)


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ptce_assist", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["export", "--help"],
        ["measure", "--help"],
        ["inconnue"],
        ["export"],
        ["export", "a.json", "--en-trop"],
    ],
)
def test_the_command_line_says_nothing_in_english(args: list[str]) -> None:
    shown = _run(*args)
    assert shown.strip()
    assert not ENGLISH.search(shown), shown


def test_help_and_errors_read_in_french() -> None:
    assert "affiche cette aide et quitte" in _run("--help")
    assert _run("--help").startswith("utilisation : python -m ptce_assist")
    assert "choix invalide : 'inconnue'" in _run("inconnue")
    assert "arguments obligatoires manquants : DOSSIER.json" in _run("export")
