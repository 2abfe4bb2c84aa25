"""The hostile corpus uploaded to a real `streamlit run` server through Chromium, the way a
candidate holding a dossier link would: every file accepted or refused costs at most
COST_BOUND_MB above the idle server, the memory comes back, the answer is French and
literal, no traceback and no remote image.

Cost of one file = rise of the server's peak resident memory (VmHWM, reset before the file)
+ the peak of the child process that read it (its own VmHWM, written to the server log).
On the code before issue 14 the 110 header parts alone took the server to 1.9 GB.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.conftest import screenshot
from tests.browser.server import AppServer
from tests.browser.waits import SETTLED, open_page
from tests.hostile.make_corpus import CASES, OK, Case
from tests.hostile.memory import reset_peak, status_kb

pytestmark = pytest.mark.browser

COST_BOUND_MB = 300
RETURNED_MB = 64
"""How far above idle the server may stay once the sessions that uploaded the files are
gone (Streamlit keeps a closed session's uploads for server.disconnectedSessionTTL: 5 s
here, 120 s by default). Measured 24-33 MB: caches and the allocator's free lists, against
1.9 GB held before issue 14."""
_CHILD_PEAK = re.compile(r"Word import: \w+, \d+ bytes, child peak (\d+) MB")
DOCX_CASES = [case for case in CASES if case.kind == "docx"]
JSON_CASES = [case for case in CASES if case.kind == "json"]


class Server:
    """The app, its process and its log, with a dossier to import into."""

    def __init__(self, folder: Path) -> None:
        url = f"sqlite:///{folder / 'ptce.sqlite3'}"
        self.token, _ = DossierStore(make_engine(url)).create(Dossier())
        env = {"PTCE_DEBUG": "0", "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": "5"}
        self.app = AppServer(url, env, log_dir=folder)
        self.app.start()
        assert self.app.process is not None
        self.pid = self.app.process.pid
        self.idle_kb = 0

    def log(self) -> str:
        return self.app.log_path.read_text("utf-8", errors="replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("hostile"))
    yield running
    running.app.stop()


@pytest.fixture(scope="module")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    files = {}
    for case in CASES:
        files[case.name] = folder / f"{case.name}.{case.kind}"
        files[case.name].write_bytes(case.build())
    return files


def flat(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _import_page(server: Server, page: Any) -> None:
    open_page(page, f"{server.app.url}/importer?d={server.token}")
    page.locator("input[type='file']").wait_for(state="attached")


def _upload_draft(server: Server, page: Any, path: Path, *, slow: bool = False) -> str:
    """Upload on « Importer un brouillon Word »; the text of the answer (the first
    subheader when the draft was read, the error otherwise)."""
    _import_page(server, page)
    page.locator("input[type='file']").set_input_files(str(path))
    if slow:  # the stages of the child are shown while it reads
        # (the sidebar has a progress bar of its own once the dossier's run has drawn it)
        page.locator("[data-testid='stMain'] [data-testid='stProgress']").wait_for()
    read = page.get_by_role("heading", name="Reconnu")
    refused = page.locator("[data-testid='stAlertContentError']")
    read.or_(refused).first.wait_for(timeout=90_000)
    page.wait_for_function(SETTLED, timeout=90_000)
    return OK if read.count() else str(refused.first.inner_text())


def _restore_backup(server: Server, page: Any, path: Path) -> str:
    """Upload on the home page and create a dossier from it; OK or the error shown."""
    open_page(page, server.app.url)
    page.locator("input[type='file']").wait_for(state="attached")
    page.locator("input[type='file']").set_input_files(str(path))
    button = page.get_by_role("button", name="Créer un dossier à partir de cette sauvegarde")
    button.wait_for()
    button.click()
    done = page.get_by_role("heading", name="Récapitulatif")
    refused = page.locator("[data-testid='stAlertContentError']")
    done.or_(refused).first.wait_for(timeout=60_000)
    page.wait_for_function(SETTLED, timeout=60_000)
    return OK if done.count() else str(refused.first.inner_text())


def _check_page(page: Any, remote: list[str]) -> None:
    """Nothing a file wrote was drawn: no traceback, no link or image of its own."""
    assert page.locator("[data-testid='stException']").count() == 0
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Error" not in body
    assert page.locator("a[href*='evil.example'], img[src*='evil.example']").count() == 0
    assert remote == []


def _cost(server: Server, log_before: int) -> tuple[float, float]:
    """(rise of the server's peak, the child's peak) in MB since the last reset."""
    server_mb = (status_kb(server.pid, "VmHWM") - server.idle_kb) / 1024
    children = [int(m) for m in _CHILD_PEAK.findall(server.log()[log_before:])]
    return server_mb, float(max(children, default=0))


def test_hostile_files_cost_bounded_memory_and_get_french_answers(
    server: Server, corpus_files: dict[str, Path], new_page: Any
) -> None:
    page = new_page()
    remote: list[str] = []
    page.on(
        "request",
        lambda request: remote.append(request.url) if "evil.example" in request.url else None,
    )
    # Idle: the import page served and one honest draft read (modules loaded, caches warm).
    warm = corpus_files["document_utf16le_bom"]
    assert _upload_draft(server, page, warm) == OK
    server.idle_kb = status_kb(server.pid, "VmRSS")

    figures: list[str] = []
    cases: list[tuple[Case, Any]] = [(c, _upload_draft) for c in DOCX_CASES]
    cases += [(c, _restore_backup) for c in JSON_CASES]
    for case, upload in cases:
        reset_peak(server.pid)
        log_before = len(server.log())
        kwargs = {"slow": True} if case.name == "paragraphs_at_limit" else {}
        answer = upload(server, page, corpus_files[case.name], **kwargs)
        server_mb, child_mb = _cost(server, log_before)
        rss_mb = (status_kb(server.pid, "VmRSS") - server.idle_kb) / 1024
        figures.append(
            f"{case.name:24} server peak +{server_mb:4.0f} MB, child peak "
            f"{child_mb:4.0f} MB, server after {rss_mb:+4.0f} MB"
        )
        if case.expect == OK:
            assert answer == OK, (case.name, answer)
        else:
            assert case.expect in flat(answer), (case.name, answer)
        _check_page(page, remote)
        assert server_mb + child_mb <= COST_BOUND_MB, figures[-1]
        if case.name.startswith("markdown"):
            screenshot(page, f"hostile-{case.name}")
    print("\n".join(figures))

    page.close()  # the last session goes too
    deadline = time.monotonic() + 60
    while True:
        returned_mb = (status_kb(server.pid, "VmRSS") - server.idle_kb) / 1024
        if returned_mb <= RETURNED_MB or time.monotonic() > deadline:
            break
        time.sleep(1)
    print(f"after every file, sessions closed: server {returned_mb:+.0f} MB from idle")
    assert returned_mb <= RETURNED_MB
