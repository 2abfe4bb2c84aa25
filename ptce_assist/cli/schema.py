"""`schema`: print the JSON Schema of the dossier file."""

from __future__ import annotations

import argparse
from typing import Any

from ptce_assist.dossier import json_schema_text


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema", help="Affiche le schéma JSON d'un dossier (sauvegarde .json)."
    )
    parser.set_defaults(func=run)


def run(_args: argparse.Namespace) -> int:
    print(json_schema_text())
    return 0
