"""« J'ai terminé cette rubrique » saves the person's tick, and only theirs: a teammate's
change is shown, never written back."""

from __future__ import annotations

from pathlib import Path

from ptce_assist.dossier import Dossier
from ptce_assist.services import DossierService
from ptce_assist.storage import DossierStore
from tests.apptest_support import new_store, rubric_app

KEY = "p:done:objectifs"


def _completed(store: DossierStore, token: str) -> list[str]:
    stored = store.load(token)
    assert stored is not None
    return stored.dossier.completed_rubrics


def test_a_teammates_untick_is_shown_not_undone(tmp_path: Path) -> None:
    # The box kept its state across runs: after a teammate unticked the rubric, this tab's
    # next run (any: the team's live check reruns it) saw a ticked box over an unticked
    # rubric, took it for a tick, and marked the rubric done again.
    store = new_store(tmp_path)
    token, _ = store.create(Dossier(rubrics={"objectifs": "Créer 8 emplois."}))
    page = rubric_app(token, "objectifs")
    page.checkbox(key=KEY).check().run()
    assert _completed(store, token) == ["objectifs"]

    DossierService(store).set_rubric_done(token, "objectifs", False)  # the teammate
    page.run()
    assert not page.exception, [e.value for e in page.exception]
    assert _completed(store, token) == []
    assert page.checkbox(key=KEY).value is False

    page.checkbox(key=KEY).check().run()  # and the person's own tick still saves
    assert _completed(store, token) == ["objectifs"]
    page.checkbox(key=KEY).uncheck().run()
    assert _completed(store, token) == []


def test_a_teammates_tick_is_shown(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(Dossier(rubrics={"objectifs": "Créer 8 emplois."}))
    page = rubric_app(token, "objectifs")
    assert page.checkbox(key=KEY).value is False
    DossierService(store).set_rubric_done(token, "objectifs", True)
    page.run()
    assert page.checkbox(key=KEY).value is True
    assert _completed(store, token) == ["objectifs"]
