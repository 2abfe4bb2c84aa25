"""`migrate`: bring the database (PTCE_DATABASE_URL, else the SQLite file) to this version's
schema. Run it before starting the server processes; it is safe to run again."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy import exc

from ptce_assist.storage import database_url, make_engine
from ptce_assist.storage.migrate import migrate


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        help="Met la base de données au schéma de cette version (avant de démarrer).",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="URL SQLAlchemy de la base (par défaut : PTCE_DATABASE_URL, sinon le fichier "
        "SQLite data/ptce-assist.sqlite3)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = args.database_url or database_url()
    engine = make_engine(url)
    try:
        before, after = migrate(engine)
    except exc.SQLAlchemyError as error:
        print(f"Échec de la mise à jour de la base : {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    if before == after:
        print(f"La base est déjà à jour (version {after}).")
    else:
        print(f"Base mise à jour : version {before or 'vide'} → {after}.")
    return 0
