"""The rubric editor in a real Chromium, served by `streamlit run tests/layout/harness_app.py`.

Typing past the limit turns the counter red while the text area still has the focus, before
any blur and before Python has the text; the text then reaches Python while typing (at least
every 2 s, and 800 ms after the last key), keystrokes are never lost to a rerun, and Python's
count equals the browser's. Every wait is for the run an action caused or for the content
expected (see tests/browser/waits.py), never for time.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from ptce_assist.layout.engine import layout_text
from tests.browser import waits

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("layout-browser")]

REPO = Path(__file__).resolve().parents[2]
HARNESS = REPO / "tests" / "layout" / "harness_app.py"
SENTENCE = (
    "Le pôle territorial de coopération économique réunit des entreprises de l'économie "
    "sociale et solidaire, des collectivités et des centres de recherche ; il met en "
    "œuvre une stratégie commune de mutualisation au service de projets innovants."
)
WORDS = tuple(SENTENCE.split())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def harness_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = (tmp_path_factory.mktemp("harness") / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(HARNESS),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("le banc d'essai Streamlit n'a pas démarré") from None
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1200, "height": 1000})
    context.set_default_timeout(30_000)
    waits.install(context)
    yield context.new_page()
    context.close()


def _open(page: Any, url: str) -> None:
    waits.open_page(page, url)
    page.locator(".ptce-editor textarea").wait_for()
    page.locator(".ptce-counter[data-budget]").wait_for()  # the editor's module has run


def _server(page: Any) -> dict[str, int]:
    server = page.locator("#server")
    return {
        name: int(server.get_attribute(f"data-{name}") or -1)
        for name in ("length", "lines", "saves", "runs")
    }


def _wait_server_length(page: Any, length: int, timeout: float = 15) -> dict[str, int]:
    """Wait for the run that drew what the server holds with `length` characters."""
    try:
        page.wait_for_function(
            "n => document.querySelector('#server')?.getAttribute('data-length') === String(n)",
            arg=length,
            timeout=timeout * 1000,
        )
    except PlaywrightTimeoutError:
        state = _server(page)
        raise AssertionError(f"le serveur a {state['length']} caractères, pas {length}") from None
    return _server(page)


def _prefix_with_lines(lines: int, preset_id: str) -> str:
    """The longest run of WORDS that takes `lines` lines (measured by the Python engine)."""
    words: list[str] = []
    index = 0
    while True:
        candidate = " ".join([*words, WORDS[index % len(WORDS)]])
        if layout_text(candidate, preset_id).line_count > lines:
            return " ".join(words) + " "
        words.append(WORDS[index % len(WORDS)])
        index += 1


def _snapshot(page: Any) -> dict[str, Any]:
    """In one turn of the page: is the editor focused, what its counter says, and how many
    characters the server holds (so the order of the three is certain)."""
    return dict(
        page.evaluate(
            "() => { let root = null;"
            " for (const el of document.querySelectorAll('*')) {"
            " if (el.shadowRoot && el.shadowRoot.querySelector('.ptce-editor')) {"
            " root = el.shadowRoot; break; } }"
            " const counter = root?.querySelector('.ptce-counter');"
            " return { focused: root?.activeElement?.tagName === 'TEXTAREA',"
            " state: counter?.getAttribute('data-state'),"
            " text: counter?.innerText ?? '',"
            " server: Number(document.querySelector('#server')?.getAttribute('data-length')) }; }"
        )
    )


def test_counter_turns_red_while_typing_then_python_gets_every_keystroke(
    page: Any, harness_url: str
) -> None:
    _open(page, f"{harness_url}/?budget=15&layout=arial11")
    counter = page.locator(".ptce-counter")
    assert counter.get_attribute("data-state") == "ok"
    # An empty rubric counts no line (the export leaves it out or marks it missing).
    assert "Rubrique vide" in counter.inner_text() and "0 / 15 lignes" in counter.inner_text()

    textarea = page.locator(".ptce-editor textarea")
    textarea.click()
    start = _prefix_with_lines(11, "arial11")
    page.keyboard.insert_text(start)
    assert counter.get_attribute("data-state") == "ok"
    assert counter.get_attribute("data-lines") == "11"
    _wait_server_length(page, len(start))  # debounced, without any blur

    # Type word after word until the Python engine says 16 lines: past the budget of 15.
    typed = start
    more = ""
    for word in WORDS * 4:
        more += word + " "
        if layout_text(typed + more, "arial11").line_count >= 16:
            break
    page.keyboard.type(more)
    typed += more
    # Still focused, no blur: the counter is red, with an icon and words, at once...
    now = _snapshot(page)
    assert now["focused"]
    assert now["state"] == "over"
    text = now["text"]
    assert "Limite dépassée" in text and "16 / 15 lignes" in text and "de trop" in text
    # ...before Python has the whole text (its end is sent 800 ms after the last key).
    assert now["server"] < len(typed)
    assert page.locator(".ptce-icon").get_attribute("data-icon") == "over"

    state = _wait_server_length(page, len(typed))
    assert textarea.input_value() == typed
    assert state["lines"] == int(counter.get_attribute("data-lines") or -1) == 16

    # A pause long enough for a send and its rerun, in the middle of a word: nothing lost.
    page.keyboard.type("coopé")
    _wait_server_length(page, len(typed + "coopé"))  # sent, and its run drew the page
    page.keyboard.type("ration durable.")
    typed += "coopération durable."
    assert textarea.input_value() == typed
    page.keyboard.press("Tab")  # blur: sent at once
    state = _wait_server_length(page, len(typed), timeout=5)
    assert textarea.input_value() == typed
    assert state["lines"] == int(counter.get_attribute("data-lines") or -1)


def test_near_state_preview_and_no_html_injection(page: Any, harness_url: str) -> None:
    _open(page, f"{harness_url}/?budget=15&layout=calibri11")
    textarea = page.locator(".ptce-editor textarea")
    textarea.click()
    page.keyboard.insert_text(_prefix_with_lines(13, "calibri11"))
    counter = page.locator(".ptce-counter")
    assert counter.get_attribute("data-state") == "near"
    assert "Proche de la limite" in counter.inner_text()
    assert page.locator(".ptce-icon").get_attribute("data-icon") == "near"

    page.keyboard.insert_text('\n<img src=x onerror="window.__ptceXss=1"><b>gras</b>\n\n')
    page.keyboard.insert_text(_prefix_with_lines(3, "calibri11"))
    page.locator(".ptce-preview summary").click()
    lines = page.locator(".ptce-page .ptce-line")
    total = int(counter.get_attribute("data-lines") or -1)
    assert total > 15
    # The preview is drawn on the box's `toggle` event, which comes after the click returns.
    expect(lines).to_have_count(total)
    assert page.locator(".ptce-page .ptce-line.ptce-over").count() == total - 15
    assert page.locator(".ptce-page .ptce-limit").count() == 1
    assert "<img src=x" in page.locator(".ptce-page").inner_text()  # shown as text
    waits.wait_resources_loaded(page)  # an injected onerror would have run by now
    assert page.evaluate("() => window.__ptceXss") is None
    assert page.locator(".ptce-page img, .ptce-page b").count() == 0


def test_unsupported_characters_are_flagged_in_french(page: Any, harness_url: str) -> None:
    _open(page, f"{harness_url}/?budget=15&layout=times12")
    page.locator(".ptce-editor textarea").click()
    page.keyboard.insert_text("Un pôle engagé 😀 pour demain")
    warning = page.locator(".ptce-warning")
    assert warning.is_visible()
    assert "Caractères absents de la police" in warning.inner_text()
    assert "😀" in warning.inner_text()


def test_character_count_is_the_copy_s_and_arrows_are_not_flagged(
    page: Any, harness_url: str
) -> None:
    """The counter said 972 characters where the copy to démarches-simplifiées held 975: the
    line breaks were left out. And « → » was flagged as missing from a font that draws it."""
    _open(page, f"{harness_url}/?budget=15&layout=arial11")
    page.locator(".ptce-editor textarea").click()
    text = "Premier paragraphe → suite.\nDeuxième paragraphe.\n\nTroisième."
    for index, part in enumerate(text.split("\n")):
        if index:
            page.keyboard.press("Enter")
        page.keyboard.type(part)
    counter = page.locator(".ptce-counter")
    expected = f"{len(text)} caractères"
    from playwright.sync_api import expect

    expect(counter).to_contain_text(expected, timeout=15_000)
    assert page.locator(".ptce-warning:visible").count() == 0
