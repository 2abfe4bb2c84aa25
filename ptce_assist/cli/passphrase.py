"""`passphrase`: turn the administrator passphrase into the argon2 hash the server needs."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from ptce_assist.workshops.passphrase import (
    HASH_ENV,
    SECRETS_KEY,
    hash_passphrase,
    passphrase_problem,
)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "passphrase",
        help="Calcule l'empreinte (argon2) de la phrase secrète d'administration des ateliers.",
    )
    parser.add_argument(
        "--stdin",
        action="store_true",
        help="Lire la phrase secrète sur l'entrée standard (une ligne) au lieu de la demander.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.stdin:
        passphrase = sys.stdin.readline().rstrip("\r\n")
    else:
        try:
            passphrase = getpass.getpass("Phrase secrète : ")
            again = getpass.getpass("Répétez-la : ")
        except EOFError:
            print("Aucune phrase secrète saisie.", file=sys.stderr)
            return 2
        if again != passphrase:
            print("Les deux saisies diffèrent : rien n'a été calculé.", file=sys.stderr)
            return 2
    problem = passphrase_problem(passphrase)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    digest = hash_passphrase(passphrase)
    print(digest)
    print(
        "\nÀ placer dans la configuration du serveur, au choix :\n"
        f"  - variable d'environnement : {HASH_ENV}='{digest}'\n"
        f'  - fichier .streamlit/secrets.toml : {SECRETS_KEY} = "{digest}"',
        file=sys.stderr,
    )
    return 0
