"""`export`: a dossier backup (.json) to the DOCX of Annexe 1 (or .txt / .md by suffix).

python -m ptce_assist export DOSSIER.json -o OUT.docx [--layout arial11]
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ptce_assist.backup import MAX_BACKUP_BYTES, BackupError, read_backup
from ptce_assist.cli._files import CommandError, fail, read_bytes, write_atomic
from ptce_assist.docx_export import (
    UnknownLayout,
    build_docx,
    docx_filename,
    export_preset_id,
    export_warnings,
)
from ptce_assist.layout.presets import PRESETS
from ptce_assist.plaintext import dossier_markdown, dossier_text


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="Produit le document Word (.docx) du dossier, selon le modèle de dossier de l'appel.",
        description=(
            "Produit le dossier selon le modèle de dossier de l'appel : .docx (par défaut), "
            "ou texte brut (.txt) ou Markdown (.md) selon l'extension du fichier de sortie."
        ),
    )
    parser.add_argument("dossier", metavar="DOSSIER.json", help="sauvegarde du dossier (.json)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="SORTIE",
        help="fichier à écrire (.docx, .txt ou .md) ; par défaut un nom tiré du projet",
    )
    parser.add_argument(
        "--layout",
        metavar="MISE_EN_PAGE",
        help="préréglage de mise en page : "
        + ", ".join(PRESETS)
        + " (par défaut celui du dossier)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except CommandError as error:
        return fail(error)


def _run(args: argparse.Namespace) -> int:
    raw = read_bytes(args.dossier, MAX_BACKUP_BYTES)
    try:
        dossier = read_backup(raw)
    except BackupError as error:
        raise CommandError(str(error)) from None
    try:
        preset_id = export_preset_id(dossier, args.layout)
    except UnknownLayout as error:
        raise CommandError(str(error), code=2) from None
    output: str = args.output or docx_filename(dossier)
    suffix = output.lower().rsplit(".", 1)[-1] if "." in output else ""
    if suffix == "txt":
        data = dossier_text(dossier).encode("utf-8")
    elif suffix == "md":
        data = dossier_markdown(dossier).encode("utf-8")
    elif suffix == "docx":
        for warning in export_warnings(dossier, layout=preset_id):
            print(f"Attention : {warning}", file=sys.stderr)
        data = build_docx(dossier, layout=preset_id)
    else:
        raise CommandError(
            f"Extension de sortie non prise en charge : « {output} » "
            "(choisissez .docx, .txt ou .md).",
            code=2,
        )
    write_atomic(output, data)
    print(f"Écrit : {output}", file=sys.stderr)
    return 0
