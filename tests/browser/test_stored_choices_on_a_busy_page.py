"""A stored choice shown in a Streamlit widget is never replaced by the widget's default.

A select box, a radio, a box or a number shows what is stored because the page gives the
widget its value (through `st.session_state`). Streamlit 1.67 sends that value with that run's
element only; when a newer run replaced the element before the browser had drawn it, the
browser drew the widget at its default (the first option, an unticked box, an empty number),
then sent that default with its next request as if the person had chosen it, and the change
callback saved it. Seen in CI on a busy machine: a fresh tab's first run, followed at once by
its report run (static/ptce/member.js); the person typed an amount, and the budget on three
years was stored as an annual one.

Here the crossing is made certain: the test stands in the WebSocket, holds back the page's
first run, has the server run the page a second time, and gives the browser both runs at
once. Then the person types in a text field of the page, as anyone would. On the old code the
stored choice was gone before the person typed (the tab's report run, sent by the browser,
carried the defaults): the first check fails.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.relay import STREAM, Relay
from tests.browser.server import AppServer
from tests.browser.tables import cell, wait_saved
from tests.browser.waits import eventually, wait_tab_told

pytestmark = pytest.mark.browser


class TwoRunsAtOnce(Relay):
    """Between the page and the server: the page's first run and a second one asked at once
    reach the page together, once both are over; then everything goes through."""

    def __init__(self) -> None:
        super().__init__()
        self.first_request: bytes | None = None
        self.held: list[bytes | str] = []
        self.finished = 0

    def _from_page(self, message: bytes | str) -> None:
        if (
            self.first_request is None
            and isinstance(message, bytes)
            and BackMsg.FromString(message).HasField("rerun_script")
        ):
            self.first_request = message
        self.server_side.send(message)

    def _from_server(self, message: bytes | str) -> None:
        if self.finished >= 2:
            self.page_side.send(message)
            return
        self.held.append(message)
        if not isinstance(message, bytes):
            return
        if ForwardMsg.FromString(message).WhichOneof("type") != "script_finished":
            return
        self.finished += 1
        if self.finished == 1:
            assert self.first_request is not None
            self.server_side.send(self.first_request)  # the page's second run
        else:
            for held in self.held:
                self.page_side.send(held)
            self.held.clear()


def _stored(store: DossierStore, token: str) -> Dossier:
    found = store.load(token)
    assert found is not None
    return found.dossier


def _open(server: AppServer, page: Any, dossier: Dossier, path: str) -> tuple[DossierStore, str]:
    store = DossierStore(make_engine(server.database_url))
    token, _ = store.create(dossier)
    middle = TwoRunsAtOnce()
    page.route_web_socket(STREAM, middle.route)
    page.goto(f"{server.url}/{path}?d={token}")
    eventually(lambda: middle.finished >= 2, message="the two runs never ended", page=page)
    wait_tab_told(page)  # the tab's report run (its request holds the widgets drawn) is over
    return store, token


def test_identity_region_stays_when_a_field_is_typed(app_server: AppServer, page: Any) -> None:
    dossier = Dossier()
    dossier.project.region = "84"
    store, token = _open(app_server, page, dossier, "identite")
    assert _stored(store, token).project.region == "84"  # the page shown changed nothing
    name = page.get_by_label("Nom du projet", exact=True)
    name.click()
    name.press_sequentially("Pôle Rhône")
    page.keyboard.press("Tab")
    eventually(
        lambda: _stored(store, token).project.name == "Pôle Rhône",
        message="le nom tapé n'a jamais été enregistré",
        page=page,
    )
    assert _stored(store, token).project.region == "84"
    expect(page.get_by_role("combobox", name="Région")).to_have_value("Auvergne-Rhône-Alpes")


def test_budget_duration_and_year_stay_when_an_amount_is_typed(
    app_server: AppServer, page: Any
) -> None:
    dossier = Dossier()
    dossier.budget.first_year = 2027
    store, token = _open(app_server, page, dossier, "budget")
    budget = _stored(store, token).budget
    assert (budget.mode, budget.first_year) == ("trois_ans", 2027)
    cell(page, "Dépenses", "2027 (€)", 1).click()  # Personnel, year N
    page.keyboard.type("12 000 €")
    page.keyboard.press("Tab")
    wait_saved(page, "Dépenses")
    eventually(
        lambda: _stored(store, token).budget.expense_totals()[0] == 1_200_000,
        message="le montant tapé n'a jamais été enregistré",
        page=page,
    )
    budget = _stored(store, token).budget
    assert (budget.mode, budget.first_year) == ("trois_ans", 2027)
    expect(page.get_by_role("radio", name="Budget sur 3 ans")).to_be_checked()
    expect(page.get_by_label("Année de N (facultatif)")).to_have_value("2027")


def test_a_rubric_marked_done_stays_done_when_its_text_is_typed(
    app_server: AppServer, page: Any
) -> None:
    dossier = Dossier(rubrics={"gouvernance": "Trois collèges."}, completed_rubrics=["gouvernance"])
    store, token = _open(app_server, page, dossier, "gouvernance")
    assert _stored(store, token).completed_rubrics == ["gouvernance"]
    editor = page.get_by_label("Votre texte", exact=True)
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Une voix chacun.")
    page.keyboard.press("Tab")
    eventually(
        lambda: "Une voix chacun." in _stored(store, token).rubric_text("gouvernance"),
        message="le texte tapé n'a jamais été enregistré",
        page=page,
    )
    assert "gouvernance" in _stored(store, token).completed_rubrics
    expect(page.get_by_role("checkbox", name="J'ai terminé cette rubrique")).to_be_checked()
