"""A person using the app in Chromium: what they do, and what the database then holds.

Every action is done as people do it (a real click into a field, keyboard typing with
accents, a click right after typing) and waits for what it caused: the run it triggered
(`waits.expect_run`), the field saying it is saved, or the database holding the value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.server import AppServer
from tests.browser.waits import (
    eventually,
    expect_run,
    open_page,
    wait_animations_done,
    wait_components_drawn,
    wait_settled,
)

SAVED_WORDS = "Enregistré"


def stored_dossier(server: AppServer, token: str) -> Dossier:
    """The dossier as the database holds it now."""
    return stored_row(server, token)[0]


def stored_row(server: AppServer, token: str) -> tuple[Dossier, int]:
    """The dossier and its version (each save adds one)."""
    engine = make_engine(server.database_url)
    try:
        stored = DossierStore(engine).load(token)
        assert stored is not None, "le dossier n'est pas dans la base"
        return stored.dossier, stored.version
    finally:
        engine.dispose()


class Person:
    def __init__(self, page: Any, server: AppServer, token: str | None = None) -> None:
        self.page = page
        self.server = server
        self.token = token

    @classmethod
    def with_new_dossier(
        cls, page: Any, server: AppServer, dossier: Dossier | None = None
    ) -> Person:
        """A person holding the link of a dossier just put in the database."""
        engine = make_engine(server.database_url)
        try:
            token, _ = DossierStore(engine).create(dossier or Dossier())
        finally:
            engine.dispose()
        return cls(page, server, token)

    # -- pages -------------------------------------------------------------------------------
    def open(self, path: str = "") -> None:
        query = f"?d={self.token}" if self.token else ""
        open_page(self.page, f"{self.server.url}/{path}{query}")
        # A person sees the page once drawn: until its components have drawn, what is below
        # them is not yet where it will be.
        wait_components_drawn(self.page)

    def wait_settled(self) -> None:
        wait_settled(self.page)

    def create_dossier(self) -> str:
        self.open("")
        with expect_run(self.page):
            self.page.get_by_role("button", name="Créer un nouveau dossier").click()
        self.page.wait_for_url("**/identite?d=*")
        self.page.get_by_label("Nom du projet").wait_for()
        self.token = self.page.url.split("d=", 1)[1]
        return self.token

    def in_sidebar(self, name: str) -> Any:
        return self.page.locator("[data-testid='stSidebar'] a", has_text=name).first

    def go_by_sidebar(self, name: str, url_path: str) -> None:
        with expect_run(self.page):
            self.in_sidebar(name).click()
        self.page.wait_for_url(f"**/{url_path}?d=*")

    # -- typing ------------------------------------------------------------------------------
    def field(self, label: str, nth: int = 0) -> Any:
        return self.page.get_by_label(label, exact=True).nth(nth)

    def type_in(self, label: str, text: str, *, nth: int = 0, delay: float = 0) -> None:
        """Click into the field and type at its end, key by key."""
        field = self.field(label, nth)
        field.scroll_into_view_if_needed()
        field.click()
        self.page.keyboard.press("Control+End")
        self.page.keyboard.type(text, delay=delay)

    def replace_in(self, label: str, text: str, *, nth: int = 0) -> None:
        """Click into the field, select what it holds and type `text` over it."""
        field = self.field(label, nth)
        field.scroll_into_view_if_needed()
        field.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)

    def click_at_once(self, target: Any, *, hold_ms: float = 0) -> None:
        """Click where `target` is now, with no wait for it to be stable or enabled: a
        person's click right after the last keystroke. `hold_ms` is how long the button
        stays pressed (a person: about 100 ms)."""
        box = target.bounding_box()
        assert box is not None, "l'élément à cliquer n'est pas affiché"
        self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        self.page.mouse.down()
        if hold_ms:
            self.page.wait_for_timeout(hold_ms)  # the press itself, not a wait for the app
        self.page.mouse.up()

    def status_of(self, label: str, nth: int = 0) -> Any:
        """The saving state shown under a bound field."""
        field = self.field(label, nth)
        return field.locator("xpath=ancestor::div[@data-ptce-field][1]").locator(".ptce-status")

    def wait_field_saved(self, label: str, nth: int = 0, timeout: float = 15_000) -> None:
        # The saved state itself: the error state's words (« Pas encore enregistré : … ») hold
        # « enregistré » too, and a wait for the text alone ended during a failed save (CI33).
        status = self.status_of(label, nth)
        expect(status).to_have_attribute("data-state", "saved", timeout=timeout)
        expect(status).to_have_text(SAVED_WORDS, timeout=timeout)

    def choose(self, label: str, option: str, nth: int = 0, *, in_form: bool = False) -> None:
        """Pick an option of a select box; in a form (`in_form`) the choice causes no run
        until the form is sent, so the wait is for the box to show the option."""
        box = self.page.get_by_label(label, exact=True).nth(nth)
        box.scroll_into_view_if_needed()
        wait_animations_done(self.page)
        box.click()
        option_item = self.page.get_by_role("option", name=option, exact=True)
        if in_form:
            option_item.click()
            expect(box).to_have_value(option)
            return
        with expect_run(self.page):
            option_item.click()

    # -- the database ------------------------------------------------------------------------
    def stored(self) -> Dossier:
        assert self.token is not None
        return stored_dossier(self.server, self.token)

    def version(self) -> int:
        assert self.token is not None
        return stored_row(self.server, self.token)[1]

    def eventually_stored(
        self, check: Callable[[Dossier], bool], message: str, timeout: float = 15.0
    ) -> Dossier:
        found: list[Dossier] = []

        def holds() -> bool:
            found[:] = [self.stored()]
            return check(found[0])

        eventually(holds, timeout=timeout, message=message, page=self.page)
        return found[0]
