"""Several writers on one dossier: compare-and-set saves, no lost update, no stray exception."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine

from ptce_assist.storage import DossierStore, FieldConflict
from ptce_assist.storage.history import HistoryStore

THREADS = 6
INCREMENTS = 15


def _run_threads(target: Callable[[int], None], count: int) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def guarded(index: int) -> None:
        try:
            start.wait()
            target(index)
        except BaseException as error:  # noqa: BLE001 - collected and asserted on below
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a writer is stuck"
    return errors


def test_hammered_appends_lose_no_update(store_engine: Engine) -> None:
    """Each writer reads the text, appends its own mark, saves with what it read; on a
    conflict it reads again. Every mark must be there exactly once at the end."""
    store = DossierStore(store_engine)
    token, _ = store.create()
    conflicts = [0] * THREADS

    def writer(index: int) -> None:
        done = 0
        while done < INCREMENTS:
            current = store.load(token)
            assert current is not None
            seen = current.dossier.rubrics.get("objectifs", "")
            value = f"{seen} w{index}-{done}".strip()
            try:
                store.set_field(token, "rubrics.objectifs", value, expected=seen)
            except FieldConflict:
                conflicts[index] += 1
                continue
            done += 1

    errors = _run_threads(writer, THREADS)
    assert errors == []
    final = store.load(token)
    assert final is not None
    marks = final.dossier.rubrics["objectifs"].split()
    expected = {f"w{i}-{n}" for i in range(THREADS) for n in range(INCREMENTS)}
    assert sorted(marks) == sorted(expected)  # none lost, none twice
    assert final.version == 1 + THREADS * INCREMENTS
    # Each writer's own marks stay in its order.
    for i in range(THREADS):
        own = [m for m in marks if m.startswith(f"w{i}-")]
        assert own == [f"w{i}-{n}" for n in range(INCREMENTS)]
    # History kept up: its latest version is the final text.
    versions = HistoryStore(store_engine).versions(final.id, "objectifs")
    assert versions[-1].text == final.dossier.rubrics["objectifs"]


def test_two_writers_on_different_fields_both_land(store_engine: Engine) -> None:
    store = DossierStore(store_engine)
    token, _ = store.create()
    paths = ["rubrics.objectifs", "rubrics.acteurs"]

    def writer(index: int) -> None:
        previous = ""
        for step in range(INCREMENTS):
            text = f"texte {index} étape {step}"
            store.set_field(token, paths[index], text, expected=previous)
            previous = text

    assert _run_threads(writer, 2) == []
    final = store.load(token)
    assert final is not None
    last = INCREMENTS - 1
    assert final.dossier.rubrics == {
        "objectifs": f"texte 0 étape {last}",
        "acteurs": f"texte 1 étape {last}",
    }


def test_second_tab_is_told_not_overwritten(store_engine: Engine) -> None:
    """Two tabs opened on the same text; the second save is refused with the first's text."""
    store = DossierStore(store_engine)
    token, _ = store.create()
    store.set_field(token, "rubrics.structure", "Départ", expected="")
    store.set_field(token, "rubrics.structure", "Onglet 1", expected="Départ")
    try:
        store.set_field(token, "rubrics.structure", "Onglet 2", expected="Départ")
    except FieldConflict as conflict:
        assert conflict.current_value == "Onglet 1"
    else:
        raise AssertionError("the second tab overwrote the first silently")
    final = store.load(token)
    assert final is not None and final.dossier.rubrics["structure"] == "Onglet 1"


def test_same_field_blind_writers_never_overwrite_silently(store_engine: Engine) -> None:
    """Writers that all saw the same value: exactly one wins, the others get a conflict."""
    store = DossierStore(store_engine)
    token, _ = store.create()
    outcomes: list[str] = []
    lock = threading.Lock()

    def writer(index: int) -> None:
        try:
            store.set_field(token, "rubrics.actions", f"version {index}", expected="")
        except FieldConflict:
            with lock:
                outcomes.append("conflict")
        else:
            with lock:
                outcomes.append(f"saved {index}")

    assert _run_threads(writer, THREADS) == []
    saved = [o for o in outcomes if o.startswith("saved")]
    assert len(saved) == 1 and outcomes.count("conflict") == THREADS - 1
    final = store.load(token)
    assert final is not None
    assert final.dossier.rubrics["actions"] == f"version {saved[0].split()[1]}"
