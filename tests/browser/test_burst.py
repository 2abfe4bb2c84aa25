"""A run's elements reach the browser together (ptce_assist/ui/burst.py), and a slow run
still shows what it drew after the window.

The harness (burst_app.py) draws « Alpha », works 1.5 s, then draws « Bravo »; the page
records when each text first shows. As Streamlit sends it (no window), Alpha shows 1.5 s
before Bravo; held for the run, both show together; with a window shorter than that,
Alpha shows when the window ends, before Bravo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.server import AppServer, harness_server
from tests.browser.waits import open_page

pytestmark = pytest.mark.browser

SEEN = """
(() => {
  window.__seen = {};
  new MutationObserver(() => {
    const text = document.body ? document.body.innerText : "";
    for (const word of ["Alpha", "Bravo"]) {
      if (!(word in window.__seen) && text.includes(word)) window.__seen[word] = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();
"""


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("burst-harness")
    with harness_server(folder, Path(__file__).with_name("burst_app.py")) as server:
        yield server


def gap_ms(page: Any, url: str) -> float:
    """Milliseconds between « Alpha » and « Bravo » first showing, for a load of `url`."""
    page.context.add_init_script(SEEN)
    open_page(page, url)  # waits for the run to be over: both texts are drawn
    page.get_by_text("Bravo").wait_for()
    seen = page.evaluate("() => window.__seen")
    return float(seen["Bravo"] - seen["Alpha"])


def test_as_streamlit_sends_it_the_first_text_shows_first(harness: AppServer, page: Any) -> None:
    # The measure sees the gap when nothing is held (window 0): the other two can fail.
    assert gap_ms(page, f"{harness.url}/?window=0") > 900


def test_a_run_shows_in_one_piece(harness: AppServer, page: Any) -> None:
    assert gap_ms(page, f"{harness.url}/?window=5") < 450


def test_a_slow_run_shows_what_it_drew_when_the_window_ends(harness: AppServer, page: Any) -> None:
    assert gap_ms(page, f"{harness.url}/?window=0.2") > 700
