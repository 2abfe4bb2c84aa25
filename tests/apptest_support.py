"""AppTest helpers: a fresh SQLite store per test and dossiers opened by token."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
TIMEOUT = 60


def new_store(tmp_path: Path) -> DossierStore:
    """A store on a fresh SQLite file, which the app under test will use too."""
    import os

    from ptce_assist.ui.context import get_store

    url = f"sqlite:///{tmp_path / 'apptest.sqlite3'}"
    os.environ["PTCE_DATABASE_URL"] = url
    get_store.clear()  # the app caches its store: make it open this file
    return DossierStore(make_engine(url))


def app_with(token: str | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if token:
        at.session_state["dossier_token"] = token
    return at.run()


def rubric_app(token: str, rubric_id: str) -> AppTest:
    """The real app on a rubric page.

    Rubric pages are callables (one per rubric of the call file), which `switch_page` cannot
    select by file; Streamlit identifies every page by the hash of its URL path, so that is
    what is set here.
    """
    from streamlit.util import calc_hash

    at = app_with(token)
    at._page_hash = calc_hash(rubric_id)
    return at.run()


def full_dossier(call_id: str | None = None) -> Dossier:
    """A dossier with every field and rubric filled, for `call_id` (the current edition)."""
    from ptce_assist.call import load_call

    call = load_call(call_id)
    text = "Le pôle réunit douze structures de l'ESS ; il vise 8 emplois d'ici 2027 !"
    return Dossier.model_validate(
        {
            "call_id": call.id,
            "project": {"name": "Recyclerie du Val", "region": "84"},
            "structure": {
                "name": "Val Solidaire",
                "address": "12 rue des Lilas, 26100 Romans-sur-Isère",
                "legal_form": "scic",
                "siret": "73282932000074",
            },
            "referent": {
                "name": "Camille Martin",
                "role": "Coordinatrice",
                "email": "camille@val-solidaire.fr",
                "phone": "06 12 34 56 78",
            },
            "maturity": "existant",
            "rubrics": {r.id: text for r in call.rubrics},
            "completed_rubrics": [r.id for r in call.rubrics],
        }
    )


def shown(markdown: str) -> str:
    """The text a Markdown element shows when everything in it is escaped (`md_escape`:
    backslashes, and invisible word joiners that keep URLs from becoming links)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
