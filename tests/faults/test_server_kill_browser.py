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
from tests.browser.conftest import screenshot, wait_idle
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
        pages = [new_page() for _ in RUBRICS]
        for page, token, rubric in zip(pages, tokens, RUBRICS, strict=True):
            page.goto(f"{server.url}/{rubric}?d={token}")
            wait_idle(page)
        witnesses: list[str] = ["", "", ""]
        for round_number, chunk in enumerate(CHUNKS):
            for page in pages:
                area = page.get_by_label("Votre texte")
                area.click()
                page.keyboard.press("End")
                page.keyboard.type(chunk, delay=2)
                area.blur()  # saves
            if round_number == 2:
                for page in pages:
                    wait_idle(page)
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
        for page, token, rubric, stored in zip(pages, tokens, RUBRICS, after, strict=True):
            page.goto(f"{server.url}/{rubric}?d={token}")
            wait_idle(page)
            assert page.get_by_label("Votre texte").input_value() == stored
        screenshot(pages[0], "fault-after-kill-9")
    finally:
        server.stop()
