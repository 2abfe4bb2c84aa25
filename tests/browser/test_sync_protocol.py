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


def test_an_untouched_empty_field_with_nothing_stored_is_saved(sync_page: Any) -> None:
    # Nothing stored yet (a criterion never answered: None) and nothing typed: the field is
    # not « Enregistrement… » for ever, and leaving it sends nothing.
    state, sent = sync_page.evaluate(
        """() => {
          const sent = [];
          const field = new PtceSync({ read: () => "", write: () => {} });
          field.update({
            scope: "", path: "q", seed_id: 0, seed: null, saved: null, saved_digest: "d0",
            status: "ok", ack: null, rebase: null, readonly: false,
          }, (key, payload) => sent.push(payload));
          const state = field.state();
          field.flush();
          return [state, sent.length];
        }"""
    )
    assert (state, sent) == ("saved", 0)


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


# A field left behind by a page change (or about to be): what it sends carries the page shown
# at that moment, and such a send, right after a click on a link, asked the server for the old
# page again: the person's page change was undone (seen on a busy machine: a rubric editor
# of an earlier page retried a payload whose acknowledgement it never saw).
LEFT_BEHIND_HARNESS = """() => {
  window.sent = [];
  window.value = "";
  window.host = document.createElement("div");
  document.body.appendChild(window.host);
  window.changing = false;
  globalThis.ptceGuard = {
    expectSend() {}, fieldDrawn() {}, pageChanging: () => window.changing,
  };
  window.sync = new PtceSync({
    read: () => window.value,
    write: (v) => { window.value = v ?? ""; },
    host: window.host,
  });
  window.sync.update({
    scope: "dossier", path: "rubrics.actions", seed_id: 0, seed: null, saved: "",
    saved_digest: "d0", status: "ok", ack: null, rebase: null, readonly: false,
  }, (key, payload) => window.sent.push(payload.v));
}"""


@pytest.fixture
def clocked_sync_page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    page.clock.install()
    # A page of its own origin (about:blank has no localStorage, where drafts are kept).
    page.route(
        "http://ptce.test/",
        lambda route: route.fulfill(
            content_type="text/html",
            body="<!doctype html><html lang='fr'><meta charset='utf-8'><body></body></html>",
        ),
    )
    page.goto("http://ptce.test/")
    page.add_script_tag(content=(STATIC_DIR / "sync.js").read_text(encoding="utf-8"))
    page.evaluate(LEFT_BEHIND_HARNESS)
    yield page
    page.close()


def test_a_field_gone_from_the_page_sends_nothing_more(clocked_sync_page: Any) -> None:
    page = clocked_sync_page
    page.evaluate("() => { window.value = 'Périmètre'; window.sync.changed(); }")
    page.clock.run_for(1_000)  # the send after the last keystroke
    assert page.evaluate("() => window.sent") == ["Périmètre"]
    # The page changes before this field hears that its payload was saved.
    page.evaluate("() => { window.host.remove(); window.sync.flush(); }")
    page.clock.run_for(120_000)  # every retry it had planned is due by then
    assert page.evaluate("() => window.sent") == ["Périmètre"]
    draft = page.evaluate(
        "() => JSON.parse(localStorage.getItem('ptce:brouillon:dossier:rubrics.actions'))"
    )
    assert draft["v"] == "Périmètre"  # still in this browser, offered back on return


def test_nothing_is_sent_while_a_page_change_is_on_its_way(clocked_sync_page: Any) -> None:
    page = clocked_sync_page
    page.evaluate("() => { window.changing = true; window.value = 'Gouvernance'; }")
    page.evaluate("() => window.sync.flush()")  # the field loses the focus
    page.clock.run_for(5_000)
    assert page.evaluate("() => window.sent") == []
    # The page change did not happen (or this page is shown again): the value leaves.
    page.evaluate("() => { window.changing = false; }")
    page.clock.run_for(1_000)
    assert page.evaluate("() => window.sent") == ["Gouvernance"]
