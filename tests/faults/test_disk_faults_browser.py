"""A full disk or a read-only database file: the page shows the French error of
`DossierService.save_value` (`ptce_assist/services/dossier_service.py`, which every field
bound to the dossier reaches through `ptce_assist/ui/bound.py`) and the typed text stays in
the page.

Both use real file systems (`tests/faults/disks.py`), so they need root (CI runs as root; the
Python of this machine lives where an unprivileged user cannot run it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.faults.disks import BEFORE, fill

pytestmark = pytest.mark.browser
ERROR = "L'enregistrement a échoué (base de données indisponible ou pleine)"
# Long enough that SQLite must grow its files: it cannot fit in pages it already holds.
TYPED = BEFORE + "\n" + "Le pôle « Val solidaire » crée 12 emplois ; ancrage local ! " * 6000
# With 360 000 characters in the editor, every keystroke lays the whole text out again in
# the browser and every save and run carries it: measured with both cores busy, typing the 5
# characters of " Fin." took 8.8 s, and a save once took more than 15 s to be shown. These
# are real processes slow under load, hence a longer deadline for the steps with that text.
BIG_TEXT_TIMEOUT_MS = 60_000


def _stored(url: str, token: str) -> str:
    engine = make_engine(url)
    try:
        stored = DossierStore(engine).load(token)
        assert stored is not None
        return stored.dossier.rubric_text("objectifs")
    finally:
        engine.dispose()


def _paste_over(person: Person, text: str) -> None:
    """Select the whole rubric and paste `text` over it (as Ctrl+A, Ctrl+V: one insertion;
    typing 360 000 characters key by key would take the test's whole budget)."""
    person.field("Votre texte").click()
    person.page.keyboard.press("Control+A")
    person.page.keyboard.insert_text(text)


def test_full_disk_shows_error_and_keeps_text(
    tiny_disk: Path, tmp_path: Path, new_page: Any
) -> None:
    url = f"sqlite:///{tiny_disk / 'ptce.sqlite3'}"
    token, _ = DossierStore(make_engine(url)).create(Dossier())
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        person = Person(new_page(), server, token)
        page = person.page
        person.open("objectifs")
        person.type_in("Votre texte", BEFORE)
        person.wait_field_saved("Votre texte")
        assert _stored(url, token) == BEFORE
        assert page.get_by_text(ERROR).count() == 0

        filler = fill(tiny_disk)
        _paste_over(person, TYPED)
        page.get_by_text(ERROR).wait_for(timeout=BIG_TEXT_TIMEOUT_MS)
        assert person.field("Votre texte").input_value() == TYPED
        assert _stored(url, token) == BEFORE  # nothing half-written
        screenshot(page, "fault-disk-full")

        # Space comes back: the next change saves everything that stayed in the page.
        filler.unlink()
        person.type_in("Votre texte", " Fin.")
        person.wait_field_saved("Votre texte", timeout=BIG_TEXT_TIMEOUT_MS)
        stored = _stored(url, token)
        # Once (CI, two oracle tiers side by side, load average 15–17): « Enregistré » shown
        # with only « … F » stored. Say what the page held then, to tell a late save from
        # keystrokes that never reached the field (or a field drawn anew, its text offered).
        assert stored == TYPED + " Fin.", (
            f"stored …{stored[-8:]!r}; page …{person.field('Votre texte').input_value()[-8:]!r}, "
            f"status {person.status_of('Votre texte').all_inner_texts()}, offer shown: "
            f"{page.get_by_role('button', name='Reprendre cette saisie').count()}"
        )
        expect(page.get_by_text(ERROR)).to_have_count(0)
    finally:
        server.stop()


def test_read_only_database_shows_error_and_keeps_text(
    read_only_file: tuple[str, str], tmp_path: Path, new_page: Any
) -> None:
    url, token = read_only_file
    with pytest.raises(OSError):  # really read-only, even for root
        os.close(os.open(url.split("///", 1)[1], os.O_RDWR))
    server = AppServer(url, log_dir=tmp_path)
    server.start()
    try:
        person = Person(new_page(), server, token)
        page = person.page
        person.open("objectifs")
        assert person.field("Votre texte").input_value() == BEFORE  # reading works
        added = "\nDeuxième paragraphe, qui ne peut pas être enregistré."
        person.type_in("Votre texte", added)
        page.get_by_text(ERROR).wait_for()
        assert person.field("Votre texte").input_value() == BEFORE + added
        assert _stored(url, token) == BEFORE
        screenshot(page, "fault-read-only")
    finally:
        server.stop()
