"""Rubric history: coalesced versions, milestones, texts as they were at a given moment."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from ptce_assist.storage.history import COALESCE_ENV, HistoryStore


def _type(store: DossierStore, token: str, path: str, texts: list[str]) -> None:
    previous = ""
    for text in texts:
        store.set_field(token, path, text, expected=previous)
        previous = text


def test_typing_is_coalesced_into_one_version(store_engine: Engine) -> None:
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token, stored = store.create()
    _type(store, token, "rubrics.objectifs", ["N", "No", "Nos", "Nos objectifs"])
    versions = history.versions(stored.id, "objectifs")
    assert [v.text for v in versions] == ["Nos objectifs"]


def test_new_version_after_the_window(
    store_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(COALESCE_ENV, "0")  # every save is "later than the window"
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token, stored = store.create()
    _type(store, token, "rubrics.objectifs", ["un", "deux", "trois"])
    assert [v.text for v in history.versions(stored.id, "objectifs")] == ["un", "deux", "trois"]


def test_marking_complete_closes_the_version(store_engine: Engine) -> None:
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token, stored = store.create()
    _type(store, token, "rubrics.acteurs", ["Version terminée"])
    store.set_field(token, "completed_rubrics", ["acteurs"], expected=[])
    store.set_field(token, "rubrics.acteurs", "Version reprise", expected="Version terminée")
    texts = [v.text for v in history.versions(stored.id, "acteurs")]
    assert texts == ["Version terminée", "Version reprise"]


def test_creation_and_replacement_are_milestones(store_engine: Engine) -> None:
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token, stored = store.create(Dossier(rubrics={"structure": "Texte importé"}))
    store.set_field(
        token, "rubrics.structure", "Texte importé, puis modifié", expected="Texte importé"
    )
    current = store.load(token)
    assert current is not None
    restored = Dossier(rubrics={"structure": "Sauvegarde restaurée"})
    store.replace(token, restored, expected_version=current.version)
    store.set_field(
        token, "rubrics.structure", "Après restauration", expected="Sauvegarde restaurée"
    )
    texts = [v.text for v in history.versions(stored.id, "structure")]
    assert texts == [
        "Texte importé",
        "Texte importé, puis modifié",
        "Sauvegarde restaurée",
        "Après restauration",
    ]


def test_latest_version_is_the_current_text(store_engine: Engine) -> None:
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token, stored = store.create()
    _type(store, token, "rubrics.gouvernance", ["a", "ab", "abc"])
    store.set_field(token, "project.name", "Pôle", expected="")  # not a rubric: no version
    assert history.versions(stored.id, "gouvernance")[-1].text == "abc"
    assert history.versions(stored.id, "project.name") == []


def test_texts_at_a_moment(store_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(COALESCE_ENV, "0")
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token, stored = store.create()
    store.set_field(token, "rubrics.objectifs", "Avant l'atelier", expected="")
    between = dt.datetime.now(dt.UTC)
    store.set_field(token, "rubrics.objectifs", "Après l'atelier", expected="Avant l'atelier")
    store.set_field(token, "rubrics.acteurs", "Nouveau", expected="")
    assert history.texts_at(stored.id, between) == {"objectifs": "Avant l'atelier"}
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    assert history.texts_at(stored.id, later) == {
        "objectifs": "Après l'atelier",
        "acteurs": "Nouveau",
    }
    before_all = between - dt.timedelta(days=1)
    assert history.texts_at(stored.id, before_all) == {}


def test_history_is_per_dossier(store_engine: Engine) -> None:
    store, history = DossierStore(store_engine), HistoryStore(store_engine)
    token_a, a = store.create()
    token_b, b = store.create()
    store.set_field(token_a, "rubrics.objectifs", "Texte A", expected="")
    store.set_field(token_b, "rubrics.objectifs", "Texte B", expected="")
    assert [v.text for v in history.versions(a.id, "objectifs")] == ["Texte A"]
    assert [v.text for v in history.versions(b.id, "objectifs")] == ["Texte B"]
