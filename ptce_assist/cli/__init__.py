"""`python -m ptce_assist <command>`: each module of this package may add a command.

A command module defines `register(subparsers)`, which adds its subparser and sets
`func=run` where `run(args) -> int` is the exit code. Modules are discovered, so adding a
command touches no shared file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from ptce_assist.cli.french import use_french


def build_parser() -> argparse.ArgumentParser:
    use_french()  # before any parser is made: the -h help is written at construction
    parser = argparse.ArgumentParser(
        prog="python -m ptce_assist",
        description="ptce-assist : outils en ligne de commande pour le dossier AMI PTCE.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", required=True)
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("Interrompu.", file=sys.stderr)
        return 130
    return code
