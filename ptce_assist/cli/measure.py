"""`measure`: how many lines and pages a text takes in the exported document.

    python -m ptce_assist measure FILE --layout arial11 [--json] [--budget 1 --unit page]
    python -m ptce_assist measure FILE --rubrique gouvernance [--appel ami_2024]

Each line of FILE is one paragraph (an empty line is an empty paragraph, one line), as in
the rubric editor. The text goes through the same typography as the export (`prepare_text`)
and the same layout engine as the live counter. `--rubrique` takes the limit of that rubric in
the edition of the call (`--appel`, the current one by default).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ptce_assist.call import available_calls, current_call_id, load_call
from ptce_assist.cli._files import CommandError, fail, read_bytes
from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.line_budget import budget_lines, budget_status, format_pages
from ptce_assist.layout.presets import DEFAULT_PRESET, PRESETS, get_preset
from ptce_assist.layout.typography import unsupported_characters

MAX_TEXT_BYTES = 10_000_000


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "measure",
        help="Lignes et pages qu'un texte occupe dans le document exporté.",
        description="Mesure un texte (une ligne du fichier = un paragraphe) dans la mise en "
        "page choisie, exactement comme le compteur de l'éditeur et l'export DOCX.",
    )
    parser.add_argument(
        "file", metavar="FICHIER", help="Fichier texte UTF-8 (- : entrée standard)."
    )
    parser.add_argument(
        "--layout",
        metavar="MISE_EN_PAGE",
        default=DEFAULT_PRESET,
        choices=sorted(PRESETS),
        help=f"Préréglage de mise en page (défaut : {DEFAULT_PRESET}) : "
        + ", ".join(f"{p.id} = {p.label}" for p in PRESETS.values())
        + ".",
    )
    parser.add_argument("--json", action="store_true", help="Sortie JSON (pour des scripts).")
    parser.add_argument(
        "--budget",
        type=float,
        metavar="QUANTITÉ",
        help="Limite de la rubrique, par exemple 1 (page), 0.5 (page) ou 15 (lignes).",
    )
    parser.add_argument(
        "--unit",
        choices=("page", "ligne"),
        default="page",
        help="Unité de --budget (défaut : page).",
    )
    parser.add_argument(
        "--rubrique",
        metavar="RUBRIQUE",
        help="Prend la limite de cette rubrique de l'appel (par exemple gouvernance) au lieu "
        "de --budget.",
    )
    parser.add_argument(
        "--appel",
        metavar="ÉDITION",
        choices=available_calls(),
        help=f"Édition de l'appel de --rubrique (défaut : {current_call_id()}) : "
        + ", ".join(available_calls())
        + ".",
    )
    parser.add_argument(
        "--lines", action="store_true", help="Affiche aussi chaque ligne telle qu'elle sera coupée."
    )
    parser.set_defaults(func=run)


def _read_text(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    else:
        data = read_bytes(path, MAX_TEXT_BYTES)
    if len(data) > MAX_TEXT_BYTES:
        raise CommandError(f"{path} dépasse {MAX_TEXT_BYTES // 1_000_000} Mo.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{path} n'est pas un texte UTF-8.") from None
    # One line of the file = one paragraph; the file's final line end is not a paragraph.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:-1] if text.endswith("\n") else text


def measure(
    text: str, preset_id: str, budget: float | None = None, unit: str = "page"
) -> dict[str, Any]:
    preset = get_preset(preset_id)
    result = layout_text(text, preset.id)
    report: dict[str, Any] = {
        "lines": result.line_count,
        "pages": round(result.pages, 4),
        "layout": preset.id,
        "layout_label": preset.label,
        "paragraphs": result.paragraph_count,
        "characters": result.characters,
        "lines_per_page": preset.lines_per_page,
        "height_twips": result.height_twips,
        "unsupported_characters": sorted(unsupported_characters(text, preset)),
    }
    if budget is not None:
        allowed = budget_lines(budget, "ligne" if unit == "ligne" else "page", preset.id)
        status = budget_status(result.line_count, allowed)
        report["budget"] = {
            "lines": allowed,
            "remaining": status.remaining,
            "state": status.state,
            "message": status.message,
        }
    report["line_texts"] = [line.text for line in result.lines]
    return report


def _human(report: dict[str, Any], show_lines: bool) -> str:
    out = [
        f"Mise en page : {report['layout_label']} ({report['lines_per_page']} lignes par page)",
        f"{report['lines']} ligne{'s' if report['lines'] > 1 else ''}, soit "
        f"{format_pages(report['pages'])} ; {report['paragraphs']} paragraphe"
        f"{'s' if report['paragraphs'] > 1 else ''}, {report['characters']} caractères "
        "(espaces compris).",
    ]
    if "budget" in report:
        out.append(f"Limite : {report['budget']['message']}")
    if report["unsupported_characters"]:
        out.append(
            "Attention : caractères absents de la police, décompte approximatif : "
            + " ".join(report["unsupported_characters"])
        )
    if show_lines:
        width = len(str(report["lines"]))
        out += [f"{n:>{width}} | {text}" for n, text in enumerate(report["line_texts"], 1)]
    return "\n".join(out)


def rubric_limit(rubric_id: str, call_id: str | None) -> tuple[float, str]:
    """(amount, unit) of a rubric's limit in an edition of the call."""
    call = load_call(call_id)
    if rubric_id not in call.rubric_ids:
        raise CommandError(
            f"L'appel {call.id} n'a pas de rubrique « {rubric_id} » ; ses rubriques : "
            + ", ".join(call.rubric_ids)
            + "."
        )
    limit = call.rubric(rubric_id).limit
    return limit.amount, limit.unit


def run(args: argparse.Namespace) -> int:
    try:
        text = _read_text(args.file)
        budget, unit = args.budget, args.unit
        if args.rubrique is not None:
            if budget is not None:
                raise CommandError("Donnez --budget ou --rubrique, pas les deux.")
            budget, unit = rubric_limit(args.rubrique, args.appel)
        elif args.appel is not None:
            raise CommandError("--appel va avec --rubrique.")
        if budget is not None and budget <= 0:
            raise CommandError("--budget doit être positif.")
        report = measure(text, args.layout, budget, unit)
    except CommandError as error:
        return fail(error)
    if args.json:
        if not args.lines:
            report.pop("line_texts")
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(_human(report, args.lines))
    if "budget" in report and report["budget"]["state"] == "over":
        return 3  # over the limit: scripts can tell
    return 0
