"""The dossier store on SQLite and PostgreSQL: drafts, field merges, conflicts, odd input."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import (
    DossierStore,
    FieldConflict,
    UnknownDossier,
    VersionConflict,
    make_engine,
)
from ptce_assist.storage.tokens import token_hash


@pytest.fixture
def store(store_url: str) -> DossierStore:
    return DossierStore(make_engine(store_url))


def test_create_and_load(store: DossierStore) -> None:
    token, created = store.create(Dossier.model_validate({"project": {"name": "Solilab"}}))
    loaded = store.load(token)
    assert loaded is not None
    assert loaded.dossier.project.name == "Solilab"
    assert loaded.version == created.version == 1
    assert store.load("x" * 32) is None
    assert len(token) >= 32  # 192 bits in URL-safe base64


def test_only_the_token_hash_is_stored(store: DossierStore) -> None:
    token, _ = store.create()
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM dossiers").scalar_one()
    assert stored == token_hash(token) != token


def test_field_saves_from_two_tabs_merge_when_fields_differ(store: DossierStore) -> None:
    token, _ = store.create()
    store.set_field(token, "rubrics.objectifs", "Texte A", expected="")
    store.set_field(token, "rubrics.perimetre", "Texte B", expected="")
    loaded = store.load(token)
    assert loaded is not None
    assert loaded.dossier.rubrics == {"objectifs": "Texte A", "perimetre": "Texte B"}
    assert loaded.version == 3


def test_a_stale_writer_is_told_instead_of_overwriting(store: DossierStore) -> None:
    token, _ = store.create()
    store.set_field(token, "rubrics.objectifs", "Version de l'onglet 1", expected="")
    with pytest.raises(FieldConflict) as conflict:
        store.set_field(token, "rubrics.objectifs", "Version de l'onglet 2", expected="")
    assert conflict.value.current_value == "Version de l'onglet 1"
    loaded = store.load(token)
    assert loaded is not None
    assert loaded.dossier.rubrics["objectifs"] == "Version de l'onglet 1"


def test_replace_checks_the_version(store: DossierStore) -> None:
    token, created = store.create()
    store.set_field(token, "project.name", "Réuniverre", expected="")
    with pytest.raises(VersionConflict):
        store.replace(token, Dossier(), expected_version=created.version)
    replaced = store.replace(token, Dossier(), expected_version=created.version + 1)
    assert replaced.dossier.project.name == ""


def test_unknown_token_is_refused(store: DossierStore) -> None:
    with pytest.raises(UnknownDossier):
        store.set_field("inconnu" * 4, "project.name", "x", expected="")


def test_invalid_value_does_not_reach_the_database(store: DossierStore) -> None:
    token, _ = store.create()
    with pytest.raises(ValueError):
        store.set_field(token, "project.name", ["not", "a", "string"], expected="")
    loaded = store.load(token)
    assert loaded is not None and loaded.version == 1


@pytest.mark.parametrize(
    "text",
    [
        "é" * 1_000_000,  # a 1 MB paste (2 MB of UTF-8)
        "Emoji 😊🎉 et idéogrammes 漢字, arabe مرحبا",
        "Guillemets « » et espaces\u00a0insécables\u202f; tirets – —",
    ],
)
def test_large_and_unusual_texts_round_trip(store: DossierStore, text: str) -> None:
    token, _ = store.create()
    store.set_field(token, "rubrics.acteurs", text, expected="")
    loaded = store.load(token)
    assert loaded is not None and loaded.dossier.rubrics["acteurs"] == text


def test_threads_hammering_different_fields_lose_nothing(store: DossierStore) -> None:
    token, _ = store.create()
    rubrics = ["structure", "objectifs", "acteurs", "gouvernance"]
    errors: list[BaseException] = []

    def typist(rubric: str) -> None:
        text = ""
        try:
            for i in range(25):
                new = text + f"{i} "
                store.set_field(token, f"rubrics.{rubric}", new, expected=text)
                text = new
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=typist, args=(r,)) for r in rubrics]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    loaded = store.load(token)
    assert loaded is not None
    expected = "".join(f"{i} " for i in range(25))
    assert all(loaded.dossier.rubrics[r] == expected for r in rubrics)
    assert loaded.version == 1 + 25 * len(rubrics)


def test_on_sqlite_reading_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """Every page run reads the dossier: a read must not queue behind the write lock (it
    did, behind BEGIN IMMEDIATE, and 40 typing sessions then timed out). While another
    connection holds the write lock, a load finishes; a save waits for the lock."""
    import sqlite3

    path = tmp_path / "locked.sqlite3"
    store = DossierStore(make_engine(f"sqlite:///{path}"))
    token, _ = store.create(Dossier(rubrics={"objectifs": "Avant."}))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    loaded: list[str] = []
    saved: list[bool] = []

    def read() -> None:
        stored = store.load(token)
        assert stored is not None
        loaded.append(stored.dossier.rubric_text("objectifs"))

    def write() -> None:
        store.set_field(token, "rubrics.objectifs", "Après.", expected="Avant.")
        saved.append(True)

    reader = threading.Thread(target=read)
    writer = threading.Thread(target=write)
    try:
        reader.start()
        writer.start()
        reader.join(timeout=10)  # the busy timeout is 30 s: a blocked read would still wait
        assert loaded == ["Avant."]
        writer.join(timeout=1)
        assert writer.is_alive() and saved == []  # the save waits for the lock
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    writer.join(timeout=30)
    assert saved == [True]
    read()
    assert loaded[-1] == "Après."
