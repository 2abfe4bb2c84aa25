"""A download clicked while a run is redrawing the page still downloads.

A download button built on click (`data=` a callable) is known to the browser by an id that
Streamlit registers anew on every run of the page, dropping the previous run's id when the run
ends. A click made on the button as drawn by one run, whose request reaches the server once the
next run is over, asked for a dropped id: no file, and « Failed to generate file for download »
in English under the button (CI, busy machine: the click came right after a fresh tab's first
run, while the tab's report run, static/ptce/member.js, was redrawing the page).

Here the crossing is made certain: the test stands in the WebSocket, asks the server for a run
of the same page, holds that run's messages back from the browser until the run is over, and
clicks the button the browser still shows.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import expect
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.relay import STREAM, Relay
from tests.browser.server import AppServer
from tests.browser.waits import eventually, open_page, wait_tab_told

pytestmark = pytest.mark.browser


class Middle(Relay):
    """Between the page and the server: forwards everything, remembers the page's last rerun
    request, and can hold the server's messages of one run back from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.last_rerun: bytes | None = None
        self.holding = False
        self.held: list[bytes | str] = []
        self.run_over = False
        self.spoil_downloads = False  # ask for a file the server does not know

    def _from_page(self, message: bytes | str) -> None:
        if isinstance(message, bytes):
            back = BackMsg.FromString(message)
            if back.HasField("rerun_script"):
                self.last_rerun = message
            if self.spoil_downloads and back.backend_operation_request.HasField("deferred_file"):
                back.backend_operation_request.deferred_file.file_id = "0" * 32
                message = back.SerializeToString()
        self.server_side.send(message)

    def _from_server(self, message: bytes | str) -> None:
        if not self.holding:
            self.page_side.send(message)
            return
        self.held.append(message)
        if isinstance(message, bytes):
            forward = ForwardMsg.FromString(message)
            if forward.WhichOneof("type") == "script_finished":
                self.holding = False  # what comes next (the download's answer) goes through
                self.run_over = True

    def rerun_held(self) -> None:
        """The server runs the page again; the page does not see that run yet."""
        assert self.last_rerun is not None
        self.holding = True
        self.server_side.send(self.last_rerun)

    def release(self) -> None:
        for message in self.held:
            self.page_side.send(message)
        self.held.clear()


def _open_export(server: AppServer, page: Any) -> Middle:
    """The export page of a new dossier, with the test in its WebSocket."""
    store = DossierStore(make_engine(server.database_url))
    token, _ = store.create(Dossier(rubrics={"gouvernance": "Trois collèges, une voix."}))
    middle = Middle()
    page.route_web_socket(STREAM, middle.route)
    open_page(page, f"{server.url}/export?d={token}")
    wait_tab_told(page)
    return middle


def test_a_download_clicked_as_a_run_redraws_the_page_still_downloads(
    app_server: AppServer, page: Any
) -> None:
    middle = _open_export(app_server, page)
    button = page.get_by_role("button", name="Document Word (.docx)")
    button.wait_for()

    middle.rerun_held()
    eventually(lambda: middle.run_over, message="the server's run never ended", page=page)
    error = page.get_by_test_id("stDownloadButtonError")
    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    button.click()
    eventually(
        lambda: bool(downloads) or error.count() > 0,
        message="ni téléchargement ni message après le clic",
        page=page,
    )
    assert error.count() == 0, f"le clic n'a rien téléchargé : {error.all_inner_texts()}"
    middle.release()

    document = docx.Document(io.BytesIO(Path(downloads[0].path()).read_bytes()))
    assert document.paragraphs[0].text == "Dossier de candidature AMI PTCE"
    assert any("Trois collèges, une voix." in p.text for p in document.paragraphs)


def test_a_download_that_fails_says_so_in_french(app_server: AppServer, page: Any) -> None:
    # A file that cannot be made (here: asked under an id the server does not know; in use,
    # the database unreachable as the file is built) leaves a message under the button.
    middle = _open_export(app_server, page)
    middle.spoil_downloads = True
    page.get_by_role("button", name="Texte brut (.txt)").click()
    error = page.get_by_test_id("stDownloadButtonError")
    expect(error).to_have_text(
        "Le fichier n'a pas pu être préparé. Cliquez de nouveau sur le bouton."
    )
