"""Waiting in browser tests for what an action caused, never for time.

Streamlit marks its root element `data-test-script-state` "running" while a script run is in
progress and "notRunning" otherwise; "notRunning" is also the state *before* the run that a
click or a `goto` causes has started, so waiting for it alone races (a fresh clone failed
that way), and a fast run can go from "notRunning" back to "notRunning" without the
attribute ever changing in between. So an init script (`RUN_WATCHER`, installed on every
context by the fixtures) counts the runs the server reports: the `script_finished` messages
on the app's WebSocket (a ForwardMsg's field 6, read from the protobuf frame), except those
of a run cut short by a newer one. `expect_run` reads the count, does the action, and waits
for a later run to finish and for the page to be settled (no loading skeleton, no stale
element).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

DEFAULT_TIMEOUT_MS = 30_000

RUN_WATCHER = """
(() => {
  if (window.__ptceRuns) return;
  const runs = { started: 0, finished: 0, ended: 0, finishedAt: [] };
  window.__ptceRuns = runs;
  const NEW_SESSION = 4, SCRIPT_FINISHED = 6, FINISHED_EARLY_FOR_RERUN = 2;
  // Top-level fields of a protobuf message: field number -> first varint value (or -1).
  const fieldsOf = (bytes) => {
    const fields = new Map();
    let i = 0;
    const varint = () => {
      let value = 0, scale = 1, byte = 0;
      do { byte = bytes[i++]; value += (byte & 0x7f) * scale; scale *= 128; }
      while (byte & 0x80 && i < bytes.length);
      return value;
    };
    while (i < bytes.length) {
      const key = varint(), wire = key % 8, field = Math.floor(key / 8);
      if (wire === 0) { const v = varint(); if (!fields.has(field)) fields.set(field, v); }
      else {
        if (!fields.has(field)) fields.set(field, -1);
        if (wire === 1) i += 8; else if (wire === 2) { const n = varint(); i += n; }
        else if (wire === 5) i += 4; else break;
      }
    }
    return fields;
  };
  const onMessage = (event) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const fields = fieldsOf(new Uint8Array(event.data));
    if (fields.has(NEW_SESSION)) runs.started += 1;
    if (fields.has(SCRIPT_FINISHED)) runs.ended += 1;  // cut short for a rerun included
    if (fields.has(SCRIPT_FINISHED) && fields.get(SCRIPT_FINISHED) !== FINISHED_EARLY_FOR_RERUN) {
      runs.finished += 1;
      runs.finishedAt.push(performance.now());
    }
  };
  const watched = new WeakSet();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (...args) {
    if (!watched.has(this)) { watched.add(this); this.addEventListener("message", onMessage); }
    return send.apply(this, args);
  };
})();
"""

SETTLED = """
() => {
  const app = document.querySelector("[data-testid='stApp']");
  return Boolean(app) && app.getAttribute("data-test-script-state") === "notRunning" &&
    !document.querySelector("[data-testid='stSkeleton'], [data-stale='true']");
}
"""


RESOURCES_LOADED = """
() => {
  const found = [];
  const walk = (root) => {
    root.querySelectorAll("img, iframe").forEach((el) => found.push(el));
    root.querySelectorAll("*").forEach((el) => { if (el.shadowRoot) walk(el.shadowRoot); });
  };
  walk(document);
  return found.every((el) => {
    if (el.tagName === "IMG") return el.complete;
    try { return el.contentDocument === null || el.contentDocument.readyState === "complete"; }
    catch (error) { return true; }  // another origin: not ours to inspect
  });
}
"""


# Every component has its HTML and has drawn its labels and buttons (its module sets their
# text once loaded): until then a component is a few pixels high, and what is below it is not
# where it will be. A shadow root still empty has no label either, hence the first test.
COMPONENTS_DRAWN = """
() => [...document.querySelectorAll("[data-testid='stBidiComponentIsolated']")].every((host) => {
  const root = host.shadowRoot || host;
  return root.querySelector("*:not(style):not(link)") !== null &&
    [...root.querySelectorAll("label, button")].every((node) => node.textContent.trim() !== "");
})
"""


def install(context: Any) -> None:
    """Count script runs in every page of `context` (call before opening pages)."""
    context.add_init_script(RUN_WATCHER)


def finished_runs(page: Any) -> int:
    return int(page.evaluate("() => window.__ptceRuns ? window.__ptceRuns.finished : 0"))


def wait_run_after(page: Any, count: int, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until a run finished after `count` runs had, and the page is settled."""
    page.wait_for_function(
        "n => window.__ptceRuns && window.__ptceRuns.finished > n", arg=count, timeout=timeout
    )
    page.wait_for_function(SETTLED, timeout=timeout)


@contextmanager
def expect_run(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> Iterator[None]:
    """`with expect_run(page): page.click(...)`: returns once the run it caused is over."""
    before = finished_runs(page)
    yield
    wait_run_after(page, before, timeout)


def wait_settled(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """No run in progress, no loading skeleton, no stale element (after a wait for a run or
    for content that a run shows)."""
    page.wait_for_function(SETTLED, timeout=timeout)


def wait_components_drawn(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    page.wait_for_function(COMPONENTS_DRAWN, timeout=timeout)


def wait_tab_told(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """After a fresh load: the components drawn and, on a team's dossier, the run the tab
    causes by telling its id (static/ptce/member.js) over, as a person finds the page."""
    wait_components_drawn(page, timeout)
    member = page.locator(".ptce-member")
    if member.count():
        page.locator(".ptce-member[data-tab-known]").wait_for(state="attached", timeout=timeout)
    wait_settled(page, timeout)


def open_page(page: Any, url: str, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Load `url` and wait for its first run to be over."""
    page.goto(url)
    wait_run_after(page, 0, timeout)


def reload_page(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """F5, and wait for the first run of the reloaded page to be over."""
    page.reload()
    wait_run_after(page, 0, timeout)


def wait_resources_loaded(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until every image and frame of the page (shadow roots included) has loaded or
    failed: a handler injected in one (onerror, onload, a frame's script) has run by then."""
    page.wait_for_function(RESOURCES_LOADED, timeout=timeout)


def eventually(
    check: Callable[[], bool], *, timeout: float = 15.0, message: str = "", page: Any = None
) -> None:
    """Poll a condition outside the page (the database) until it holds, with a deadline.

    With `page`, Playwright's own wait is used between polls, so the page's events (runs,
    WebSocket frames) keep being processed by the synchronous API meanwhile."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(message or "la condition attendue n'est jamais devenue vraie")
        if page is not None:
            page.wait_for_timeout(50)  # a poll interval, not a wait for the app
        else:
            time.sleep(0.05)


def wait_animations_done(page: Any, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait until no animation or transition runs (an expander opening, a list unfolding): a
    person clicks what they see in place; a click on a box still sliding open is lost."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=timeout
    )
