"""`import`: a Word draft written from Annexe 1 to a dossier backup (.json).

    python -m ptce_assist import DRAFT.docx -o DOSSIER.json [--base EXISTANT.json] [--force]
                                [--appel ÉDITION]

What was recognised and what was set aside is printed on stderr; nothing is written when the
draft cannot be read, holds nothing recognisable, or does not look like a dossier (unless
--force says it is one). Set-aside passages are not imported; « note interne ? » passages are
imported as the preview page would by default.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import Any

from ptce_assist.backup import MAX_BACKUP_BYTES, BackupError, load_backup
from ptce_assist.call import Call, available_calls, current_call_id, load_call
from ptce_assist.cli._files import CommandError, fail, read_bytes, write_atomic
from ptce_assist.docx_import import (
    MAX_FILE_BYTES,
    DocxImportError,
    ImportResult,
    apply_import,
)
from ptce_assist.docx_import.guard import too_big_message
from ptce_assist.docx_import.isolation import import_docx_isolated
from ptce_assist.dossier import Dossier

PREVIEW_CHARS = 80


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help=(
            "Lit un brouillon Word (.docx) rédigé d'après le modèle de dossier de l'appel et "
            "en fait un dossier."
        ),
        description=(
            "Reconnaît les rubriques et l'identité d'un brouillon Word et écrit une sauvegarde "
            "de dossier (.json). Le compte rendu (reconnu, laissé de côté) s'affiche sur la "
            "sortie d'erreur."
        ),
    )
    parser.add_argument("draft", metavar="BROUILLON.docx", help="document Word à lire")
    parser.add_argument(
        "-o", "--output", metavar="DOSSIER.json", required=True, help="sauvegarde à écrire"
    )
    parser.add_argument(
        "--base",
        metavar="EXISTANT.json",
        help="dossier existant à compléter (ses rubriques absentes du brouillon sont gardées)",
    )
    parser.add_argument(
        "--appel",
        metavar="ÉDITION",
        choices=available_calls(),
        help="édition de l'appel pour laquelle le brouillon a été écrit (défaut : celle du "
        f"dossier --base, sinon la plus récente, {current_call_id()}) : "
        + ", ".join(available_calls())
        + ".",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="importer même un document qui ne ressemble pas à un dossier de candidature",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except CommandError as error:
        return fail(error)


def _run(args: argparse.Namespace) -> int:
    base = Dossier(call_id=args.appel or current_call_id())
    if args.base:
        try:
            restored = load_backup(read_bytes(args.base, MAX_BACKUP_BYTES))
        except BackupError as error:
            raise CommandError(str(error)) from None
        base = restored.dossier
        if args.appel and args.appel != base.call_id:
            raise CommandError(
                f"{args.base} est un dossier de l'édition {base.call_id}, pas {args.appel} : "
                "reprenez-le d'abord pour cette édition dans l'application."
            )
        for note in restored.notes:
            print(f"Remarque : {note}", file=sys.stderr)
    with contextlib.suppress(OSError):  # unreadable files are reported by read_bytes
        if os.path.getsize(args.draft) > MAX_FILE_BYTES:
            raise CommandError(too_big_message(os.path.getsize(args.draft)))
    data = read_bytes(args.draft, MAX_FILE_BYTES)
    try:
        result = import_docx_isolated(data, base.call_id)
    except DocxImportError as error:
        raise CommandError(str(error)) from None
    report(result, load_call(base.call_id))
    if not result.recognised_anything:
        raise CommandError(
            "Aucune rubrique ni aucun champ d'identité n'a été reconnu dans ce document : "
            "rien n'a été écrit."
        )
    if not result.looks_like_dossier and not args.force:
        raise CommandError(
            result.not_a_dossier
            + " Rien n'a été écrit ; relancez avec --force pour l'importer quand même."
        )
    dossier = apply_import(base, result)
    write_atomic(args.output, dossier.to_json().encode("utf-8"))
    print(f"Écrit : {args.output}", file=sys.stderr)
    return 0


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def report(result: ImportResult, call: Call) -> None:
    labels = {f.path: f.label for f in call.identity_fields}
    out = sys.stderr
    print("Reconnu :", file=out)
    for path, value in result.identity.items():
        print(f"  {labels.get(path, path)} : {_preview(value)}", file=out)
    for rubric in call.rubrics:
        text = result.rubrics.get(rubric.id)
        if text is not None:
            print(f"  Rubrique « {rubric.short_fr} » : {len(text)} caractères", file=out)
    if not result.identity and not result.rubrics:
        print("  (rien)", file=out)
    print("Laissé de côté :", file=out)
    for leftover in result.leftovers:
        kept = " (gardé dans le texte)" if leftover.kept else ""
        text = _preview(leftover.text or leftover.heading)
        print(f"  {leftover.context}{kept} : {text}", file=out)
    if not result.leftovers:
        print("  (rien)", file=out)
    for note in result.notes:
        print(f"Remarque : {note}", file=out)
