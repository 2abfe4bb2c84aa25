"""The actors and territories tables save every change, and never overwrite silently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from tests.apptest_support import app_with, new_store

KEY = "w:diagnostic.actors"


def _open(tmp_path: Path, dossier: Dossier) -> tuple[AppTest, DossierStore, str]:
    store = new_store(tmp_path)
    token, _ = store.create(dossier)
    at = app_with(token)
    at.switch_page("app_pages/acteurs.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at, store, token


def _edit(at: AppTest, key: str = KEY, **state: Any) -> None:
    at.session_state[key] = {
        "edited_rows": state.get("edited_rows", {}),
        "added_rows": state.get("added_rows", []),
        "deleted_rows": state.get("deleted_rows", []),
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def _actors(store: DossierStore, token: str) -> list[tuple[str, str, str]]:
    stored = store.load(token)
    assert stored is not None
    return [(a.name, a.kind, a.status) for a in stored.dossier.diagnostic.actors]


def test_rows_added_edited_and_deleted_are_saved(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier())
    assert at.data_editor[0].editing_mode == "dynamic"
    _edit(
        at,
        added_rows=[
            {"name": "Recyclerie du Val", "kind": "ess", "status": "implique"},
            {"name": "Menuiserie Durand", "kind": "hors_ess", "status": "pressenti"},
        ],
    )
    assert _actors(store, token) == [
        ("Recyclerie du Val", "ess", "implique"),
        ("Menuiserie Durand", "hors_ess", "pressenti"),
    ]
    assert at.get("graphviz_chart")
    # away and back: the table is seeded again from the stored list
    at.switch_page("app_pages/recevabilite.py").run()
    at.switch_page("app_pages/acteurs.py").run()
    assert list(at.data_editor[0].value["name"]) == ["Recyclerie du Val", "Menuiserie Durand"]
    _edit(at, edited_rows={1: {"status": "implique"}}, deleted_rows=[0])
    assert _actors(store, token) == [("Menuiserie Durand", "hors_ess", "implique")]


def test_a_change_made_elsewhere_is_not_overwritten(tmp_path: Path) -> None:
    seeded = Dossier.model_validate(
        {"diagnostic": {"actors": [{"name": "Recyclerie du Val", "kind": "ess"}]}}
    )
    at, store, token = _open(tmp_path, seeded)
    before = [a.model_dump() for a in seeded.diagnostic.actors]
    theirs = [*before, {"name": "Mairie de Die", "kind": "collectivite", "role": "", "status": ""}]
    store.set_field(token, "diagnostic.actors", theirs, expected=before)  # another tab

    _edit(at, added_rows=[{"name": "Laboratoire PACTE", "kind": "recherche"}])
    assert [a[0] for a in _actors(store, token)] == ["Recyclerie du Val", "Mairie de Die"]
    assert any("modifié ailleurs" in w.value for w in at.warning)

    next(b for b in at.button if b.key == "take:diagnostic.actors").click().run()
    assert not at.exception
    assert list(at.data_editor[0].value["name"]) == ["Recyclerie du Val", "Mairie de Die"]
    assert not any("modifié ailleurs" in w.value for w in at.warning)


def test_keeping_mine_after_a_conflict(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier())
    store.set_field(
        token,
        "diagnostic.actors",
        [{"name": "Mairie de Die", "kind": "collectivite", "role": "", "status": ""}],
        expected=[],
    )
    _edit(at, added_rows=[{"name": "Laboratoire PACTE", "kind": "recherche"}])
    next(b for b in at.button if b.key == "keep:diagnostic.actors").click().run()
    assert _actors(store, token) == [("Laboratoire PACTE", "recherche", "")]


def test_fragile_territories_table_is_saved(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(Dossier())
    at = app_with(token)
    at.switch_page("app_pages/eligibilite.py").run()
    _edit(
        at,
        "w:diagnostic.fragile_territories",
        added_rows=[{"kind": "frr", "communes": "Die, Saillans"}],
    )
    stored = store.load(token)
    assert stored is not None
    (territory,) = stored.dossier.diagnostic.fragile_territories
    assert (territory.kind, territory.communes, territory.name) == ("frr", "Die, Saillans", "")
    assert any("ne mentionne pas ce territoire" in e.value for e in at.error)
