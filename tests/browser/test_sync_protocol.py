"""static/ptce/sync.js alone in Chromium: what a field sends while an earlier send is still
on its way.

A value put back to what the server held before the last send (a row deleted then restored at
once, a letter typed then erased) must be sent too: the server is about to hold the other one.
Seen in the actors table: the restored row was never saved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ptce_assist.ui.web import STATIC_DIR

pytestmark = pytest.mark.browser

HARNESS = """() => {
  window.sent = [];
  window.value = "";
  window.sync = new PtceSync({
    read: () => window.value,
    write: (v) => { window.value = v ?? ""; },
  });
  window.run = (over) => window.sync.update({
    scope: "", path: "p", seed_id: 0, seed: null, saved: "", saved_digest: "d0",
    status: "ok", ack: null, rebase: null, readonly: false, ...over,
  }, (key, payload) => window.sent.push(payload));
  window.run({});
}"""


@pytest.fixture
def sync_page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    page.set_content("<!doctype html><html lang='fr'><meta charset='utf-8'><body></body></html>")
    page.add_script_tag(content=(STATIC_DIR / "sync.js").read_text(encoding="utf-8"))
    page.evaluate(HARNESS)
    yield page
    page.close()


def test_a_value_put_back_while_a_send_is_on_its_way_is_sent(sync_page: Any) -> None:
    sent = sync_page.evaluate(
        """() => {
          window.value = "a"; window.sync.flush();  // leaves, not yet processed
          window.value = ""; window.sync.flush();   // back to what the server held
          return window.sent.map((p) => p.v);
        }"""
    )
    assert sent == ["a", ""]
    assert sync_page.evaluate("() => window.sync.state()") == "pending"  # not « Enregistré »
    # The run of the first payload: the server holds "a" and the second is on its way.
    sync_page.evaluate("() => window.run({saved: 'a', saved_digest: 'd1', ack: sent[0].seq})")
    assert sync_page.evaluate("() => window.sync.state()") == "pending"
    # The run of the second: saved.
    sync_page.evaluate("() => window.run({saved: '', saved_digest: 'd2', ack: sent[1].seq})")
    assert sync_page.evaluate("() => window.sync.state()") == "saved"
    assert sync_page.evaluate("() => window.sent.length") == 2


def test_nothing_is_sent_again_once_processed(sync_page: Any) -> None:
    sync_page.evaluate(
        """() => {
          window.value = "a"; window.sync.flush();
          window.run({saved: "a", saved_digest: "d1", ack: window.sent[0].seq});
          window.sync.flush();
        }"""
    )
    assert sync_page.evaluate("() => window.sent.map((p) => p.v)") == ["a"]
    assert sync_page.evaluate("() => window.sync.state()") == "saved"
