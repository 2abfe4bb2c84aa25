"""kill -9 of the streamlit server while three candidates are saving rubric text.

Witness of the saves acknowledged to the pages: the database, sampled just before the kill
(what a page shows as saved is what it reads back from there). After a restart every sampled
text is still there (texts only grow here, so it is a prefix of what is stored), the database
passes `PRAGMA integrity_check`, and the pages reload with their text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.person import Person
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser
RUBRICS = ["objectifs", "gouvernance", "perimetre"]
CHUNKS = [f"Phrase {n} : le pôle crée des emplois. " for n in range(1, 7)]


def _texts(store: DossierStore, tokens: list[str]) -> list[str]:
    texts = []
    for token, rubric in zip(tokens, RUBRICS, strict=True):
        stored = store.load(token)
        assert stored is not None
        texts.append(stored.dossier.rubric_text(rubric))
    return texts


def test_kill_9_while_saving(tmp_path: Path, new_page: Any) -> None:
    db = tmp_path / "ptce.sqlite3"
    url = f"sqlite:///{db}"
    store = DossierStore(make_engine(url))
    tokens = [store.create(Dossier())[0] for _ in RUBRICS]
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        people = [Person(new_page(), server, token) for token in tokens]
        for person, rubric in zip(people, RUBRICS, strict=True):
            person.open(rubric)
        witnesses: list[str] = ["", "", ""]
        for round_number, chunk in enumerate(CHUNKS):
            for person in people:
                person.type_in("Votre texte", chunk, delay=2)
                person.page.keyboard.press("Tab")  # leaves the field: sent at once
            if round_number == 2:
                for person in people:
                    person.wait_field_saved("Votre texte")
                # all three pages have shown their saved text by now
            witnesses = _texts(store, tokens)
        # The last round's saves are in flight: kill now.
        server.stop(kill=True)
        store.engine.dispose()

        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert all(w.startswith("".join(CHUNKS[:3])) for w in witnesses), witnesses

        server.start()
        after = _texts(DossierStore(make_engine(url)), tokens)
        for witness, stored in zip(witnesses, after, strict=True):
            assert stored.startswith(witness), (witness, stored)
        # The pages reload with their text. Read the database again: a page not yet reloaded
        # sends its unacknowledged text again to the restarted server (by design), so a
        # dossier may have grown since `after` was read.
        for person, rubric in zip(people, RUBRICS, strict=True):
            person.open(rubric)
            assert person.field("Votre texte").input_value() == person.stored().rubric_text(rubric)
        screenshot(people[0].page, "fault-after-kill-9")
    finally:
        server.stop()
