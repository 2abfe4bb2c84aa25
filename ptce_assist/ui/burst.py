"""A run's output sent to the browser in one burst rather than element by element.

Streamlit sends each element to the browser as soon as the script draws it, and the browser
redraws the page for every element that arrives: a page of 120 elements drawn over 150 ms of
Python arrived as a trickle and was laid out dozens of times. Measured on the self-assessment
page (10 visits from the summary, three rounds alternated with the old way, same machine),
holding the run's elements and sending them together at its end took the visit from 275–298
ms to 217–222 ms (p50) and the browser's blocking work from 96–104 ms to 55–66 ms.

A person must still see a slow run's first elements: the elements are held at most `WINDOW`
seconds from the run's start, after which everything held is sent and the rest goes out as
Streamlit sends it (a timer sends what is held even when the run draws nothing more, e.g.
during a long import).

Each held element is still a yield point: Streamlit stops or restarts a run when the script
hands it an element while a newer request waits, and `st.rerun`, `st.stop` and
`st.switch_page` stop the script that way (they draw an empty element). So the runner's check
is made for each element held, as Streamlit makes it for each element sent; what a run held
before it stopped is sent without a second check, as Streamlit would have sent it (a page
that explains itself and then calls `st.stop()` still shows its explanation).

Streamlit has no setting for this: the hooks are the run context's `_enqueue` (the function
it hands each message to: the script runner's, which checks then passes the message on as an
event) and that runner's check (Streamlit 1.67, pinned in requirements.txt;
tests/browser/test_burst.py fails if they change, and without them nothing is held).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from streamlit.runtime.scriptrunner.script_runner import ScriptRunnerEvent
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

WINDOW = 0.3  # seconds: navigation runs take 60–250 ms here

Send = Callable[[Any], None]


class _Held:
    """The messages of one run, held until `release` or until `window` has passed."""

    def __init__(self, runner: Any, send: Send, window: float) -> None:
        self._send = send  # Streamlit's: yield check, then pass on
        self._check: Callable[[], None] = runner._maybe_handle_execution_control_request
        self._runner = runner
        self._deadline = time.perf_counter() + window
        self._held: list[Any] = []
        self._passing = False
        self._lock = threading.Lock()

    def __call__(self, message: Any) -> None:
        with self._lock:
            if not self._passing and time.perf_counter() < self._deadline:
                self._check()  # may stop the run here: the message is then not sent
                self._held.append(message)
                return
            self._release_locked()
        self._send(message)

    def release(self) -> None:
        with self._lock:
            self._release_locked()

    def _release_locked(self) -> None:
        self._passing = True
        held, self._held = self._held, []
        for message in held:  # already checked when held: passed on as Streamlit does
            self._runner.on_event.send(
                self._runner, event=ScriptRunnerEvent.ENQUEUE_FORWARD_MSG, forward_msg=message
            )


@contextmanager
def one_burst(window: float = WINDOW) -> Iterator[None]:
    """Within the block, this run's elements reach the browser together (see the module)."""
    context = get_script_run_ctx(suppress_warning=True)
    send = getattr(context, "_enqueue", None)
    if context is None or not callable(send):
        yield
        return
    runner = getattr(send, "__self__", None)
    if not callable(getattr(runner, "_maybe_handle_execution_control_request", None)):
        yield  # not Streamlit's runner as this module knows it: sent as Streamlit sends it
        return
    held = _Held(runner, send, window)
    timer = threading.Timer(window, held.release)
    timer.daemon = True
    context._enqueue = held  # no public hook (see the module)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        context._enqueue = send
        held.release()
