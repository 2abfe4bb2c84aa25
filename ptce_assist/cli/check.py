"""`check`: the diagnosis of a dossier file (recevabilité, porteur, éligibilité...).

`python -m ptce_assist check DOSSIER.json --json` prints the report as JSON (with the verdicts'
codes); without `--json` it prints a French report, in words only. A folder of JSON or DOCX
drafts gives the advisers' dashboard table (CSV with `--csv`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ptce_assist.backup import MAX_BACKUP_BYTES, BackupError, load_backup
from ptce_assist.call import available_calls, current_call_id
from ptce_assist.cli._files import CommandError, read_bytes
from ptce_assist.coach.report import coach_report
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.report import check_report, render_fr
from ptce_assist.progress import Measure
from ptce_assist.volumes import rubric_measure
from ptce_assist.workshops.folder_check import check_folder


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="Diagnostic d'un dossier : recevabilité, porteur, éligibilité, volumes.",
        description="Diagnostic d'un dossier (sauvegarde .json) au regard de l'appel.",
    )
    parser.add_argument(
        "dossier",
        help="Fichier .json du dossier (sauvegarde ptce-assist), ou dossier de brouillons "
        ".json/.docx pour le tableau de bord.",
    )
    parser.add_argument("--json", action="store_true", help="Sortie JSON (pour des scripts).")
    parser.add_argument(
        "--csv", action="store_true", help="Avec un dossier de brouillons : tableau au format CSV."
    )
    parser.add_argument(
        "--appel",
        metavar="ÉDITION",
        choices=available_calls(),
        help="Avec un dossier de brouillons : édition de l'appel pour laquelle les brouillons "
        f"Word ont été écrits (défaut : {current_call_id()}) : "
        + ", ".join(available_calls())
        + ". Une sauvegarde .json dit elle-même son édition.",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="Code de sortie 1 si le verdict d'ensemble n'est pas « éligible » (recevabilité, "
        "structure porteuse, gouvernance et majorité des critères).",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.dossier)
    if path.is_dir():
        return check_folder(path, args.csv, call_id=args.appel)
    return check_file(path, args.json, strict=args.strict)


def load_dossier_file(path: Path) -> Dossier:
    """Read a dossier file; BackupError carries a one-line French reason. What the file held
    but was not taken (an adviser's scores) is said on stderr."""
    try:
        raw = read_bytes(str(path), MAX_BACKUP_BYTES)
    except CommandError as error:
        raise BackupError(str(error)) from None
    restored = load_backup(raw)  # refuses more than MAX_BACKUP_BYTES in French
    for note in restored.notes:
        print(f"Remarque : {note}", file=sys.stderr)
    return restored.dossier


def check_file(path: Path, as_json: bool, *, strict: bool = False) -> int:
    """Print the diagnosis of one dossier file.

    Exit code 0 when done, 2 when the file is unusable; with `strict`, 1 when the overall
    verdict is not « eligible ».
    """
    try:
        dossier = load_dossier_file(path)
    except BackupError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    report = check_report(dossier, layout_measure(dossier))
    if as_json:
        data = report.model_dump(mode="json")
        data["coach"] = coach_report(dossier)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_fr(report), end="")
    if strict and not report.eligible:
        return 1
    return 0


def layout_measure(dossier: Dossier) -> Measure:
    """Lines used and allowed per rubric in the dossier's layout (the app's measure)."""
    return rubric_measure(dossier)
