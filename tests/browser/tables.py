"""Helpers for the table editors in a real browser (ptce_assist/ui/table_editor).

Cells are found as a screen reader names them (« Nom, ligne 1 »), inside the table named by
its caption; waits are on what is expected (the database, or « Enregistré » in the table),
never a fixed delay.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine

SAVED = "Enregistré"

# A page's first run after a server start can take longer than the 5 s `expect` waits by
# default when the machine is busy: wait as long as the pages' own default (30 s).
expect.set_options(timeout=30_000)


def table(page: Any, caption: str) -> Any:
    return page.get_by_role("table", name=caption, exact=True)


def table_root(page: Any, caption: str) -> Any:
    """The whole component of a table: its cells, its buttons, its state and remarks."""
    return page.locator(".ptce-table", has=table(page, caption))


def cell(page: Any, caption: str, label: str, row: int) -> Any:
    """The input or select of column `label`, row `row` (1-based)."""
    return table(page, caption).get_by_label(f"{label}, ligne {row}", exact=True)


def wait_saved(page: Any, caption: str, timeout: float = 20_000) -> None:
    """Wait until the table says the server holds what it shows."""
    expect(table_root(page, caption).locator(".ptce-status")).to_have_text(SAVED, timeout=timeout)


class Database:
    """The app's SQLite file, read as the test goes."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        self.store = DossierStore(self.engine)

    def create(self, dossier: Dossier | None = None) -> str:
        token, _ = self.store.create(dossier or Dossier())
        return token

    def dossier(self, token: str) -> Dossier:
        stored = self.store.load(token)
        assert stored is not None
        return stored.dossier

    def wait_for(
        self, token: str, check: Callable[[Dossier], bool], what: str, timeout: float = 20
    ) -> Dossier:
        """Poll the database until `check` holds; fail with `what` and the last state."""
        deadline = time.monotonic() + timeout
        while True:
            dossier = self.dossier(token)
            if check(dossier):
                return dossier
            if time.monotonic() > deadline:
                shown = {"actors": dossier.diagnostic.actors, "budget": dossier.budget}
                raise AssertionError(f"{what}: never stored; the database holds {shown}")
            time.sleep(0.1)

    def close(self) -> None:
        self.engine.dispose()


def focused_label(page: Any) -> str | None:
    """The accessible name of the element that has the focus (inside the components too)."""
    return page.evaluate(
        """() => {
          let el = document.activeElement;
          while (el && el.shadowRoot && el.shadowRoot.activeElement) {
            el = el.shadowRoot.activeElement;
          }
          return el ? el.getAttribute('aria-label') : null;
        }"""
    )
