"""A live fragment's tick never hides the element after it (ptce_assist/ui/live_slot.py).

The harness (live_slot_app.py) draws « Avant », a fragment, then the field « Après », and a
fragment in the sidebar, ticking with the first, reruns the page every other tick (as a
teammate's save does). With the fragment called as Streamlit calls it, the field after it
ends up hidden (the page run's fragment elements are dropped, see live_slot.py): the first
test shows the measure sees it; in a block of its own, the field stays.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.server import AppServer, harness_server
from tests.browser.waits import finished_runs, open_page

pytestmark = pytest.mark.browser

RUNS = 24  # about 8 page runs


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    folder = tmp_path_factory.mktemp("live-slot-harness")
    with harness_server(folder, Path(__file__).with_name("live_slot_app.py")) as server:
        yield server


def field_stays(page: Any, url: str) -> bool:
    """Whether « Après » is still shown at the end of each of the page's next RUNS runs (its
    own and its fragments')."""
    open_page(page, url)
    field = page.get_by_label("Après", exact=True)
    for _ in range(RUNS):
        try:  # the next run ends (ticks keep coming: the page is never settled for long)
            page.wait_for_function(
                "n => window.__ptceRuns.finished > n", arg=finished_runs(page), timeout=5_000
            )
        except PlaywrightTimeoutError:
            # Streamlit sometimes stops a page's ticks (it happens with or without the
            # block): nothing more to see on this load.
            break
        if not field.is_visible():
            return False
    return field.is_visible()


def test_as_streamlit_calls_it_the_tick_hides_the_field_after_it(
    harness: AppServer, page: Any
) -> None:
    # The measure sees the fault when the fragment is not in a block of its own (within
    # three loads of the page, should Streamlit stop the ticks of one early).
    assert not all(field_stays(page, f"{harness.url}/?slot=0") for _ in range(3))


def test_in_a_block_of_its_own_the_field_stays(harness: AppServer, page: Any) -> None:
    assert all(field_stays(page, f"{harness.url}/?slot=1") for _ in range(3))
