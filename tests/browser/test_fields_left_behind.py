"""A field sends only while its page is shown.

Streamlit sends a field's value with the page on screen at that moment. A rubric editor
left behind by a page change (its payload saved, the acknowledgement not yet drawn when the
page changed) went on retrying from the next pages: every retry reran the page shown, and
one sent just after a click on a link asked the server for the old page again, so the
person's page change never happened (CI: « Plan d'action » clicked after pasting into
« Actions », the page stayed). On the old code every walk through the rubrics had such sends,
on a quiet machine too.

Every rerun request the page sends is recorded with the page shown then; the walk pastes
into each rubric and leaves it at once by the sidebar, as in the full journey.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from ptce_assist.call import load_call
from tests.browser.person import Person
from tests.browser.server import AppServer

pytestmark = pytest.mark.browser

CALL = load_call()
FIELD_MARK = "#field"

# Each rerun request sent: the page shown (URL path) and the ids of the widgets it carries
# (BackMsg.rerun_script = 11, ClientState.widget_states = 2, WidgetStates.widgets = 1,
# WidgetState.id = 1), and the fragment runs finished (ForwardMsg.script_finished = 6, 3).
RECORDER = """
(() => {
  if (window.__reruns) return;
  const reruns = []; window.__reruns = reruns; window.__fragmentRuns = 0;
  const decoder = new TextDecoder();
  const fields = (bytes) => {
    const found = []; let i = 0;
    const varint = () => { let v = 0, s = 1, b = 0;
      do { b = bytes[i++]; v += (b & 0x7f) * s; s *= 128; } while (b & 0x80 && i < bytes.length);
      return v; };
    while (i < bytes.length) {
      const key = varint(), wire = key % 8, number = Math.floor(key / 8);
      if (wire === 0) found.push([number, varint()]);
      else if (wire === 2) {
        const n = varint(); found.push([number, bytes.subarray(i, i + n)]); i += n;
      }
      else if (wire === 1) i += 8; else if (wire === 5) i += 4; else break;
    }
    return found;
  };
  const first = (list, number) => (list.find(([n]) => n === number) || [])[1];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (...args) {
    if (args[0] instanceof ArrayBuffer || args[0] instanceof Uint8Array) {
      const rerun = first(fields(new Uint8Array(args[0])), 11);
      if (rerun instanceof Uint8Array) {
        const states = first(fields(rerun), 2);
        const ids = states instanceof Uint8Array ? fields(states).filter(([n]) => n === 1)
          .map(([, w]) => decoder.decode(first(fields(w), 1))) : [];
        reruns.push({ path: location.pathname, ids });
      }
    }
    if (!this.__recorded) {
      this.__recorded = true;
      this.addEventListener("message", (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        if (first(fields(new Uint8Array(event.data)), 6) === 3) window.__fragmentRuns += 1;
      });
    }
    return send.apply(this, args);
  };
})();
"""


def _rubric_of(widget_id: str) -> str | None:
    """`…-p:rubrics.<id>#field` -> the rubric id."""
    if not widget_id.endswith(FIELD_MARK) or "p:rubrics." not in widget_id:
        return None
    return widget_id.rsplit("p:rubrics.", 1)[1].removesuffix(FIELD_MARK)


def test_a_rubric_left_sends_nothing_from_the_next_pages(
    app_server: AppServer, new_page: Any
) -> None:
    page = new_page()
    page.context.add_init_script(RECORDER)
    person = Person(page, app_server)
    person.create_dossier()
    walked = CALL.rubrics[:7]
    person.open(walked[0].id)
    for rubric, following in itertools.pairwise(walked):
        page.get_by_label("Votre texte").click()
        page.keyboard.insert_text(f"{rubric.short_fr} : un pôle « Val solidaire », été 2027.")
        person.go_by_sidebar(following.short_fr, following.id)  # at once, as a person does
        person.wait_settled()
    # Long enough for the retries a field left behind would make (the first after 1.5 s, the
    # next 3 s later): two runs of the sidebar's fragment, which ticks every 3 s.
    ticks = page.evaluate("() => window.__fragmentRuns")
    page.wait_for_function("n => window.__fragmentRuns >= n + 2", arg=ticks, timeout=30_000)

    reruns = page.evaluate("() => window.__reruns")
    sent_elsewhere = [
        (rerun["path"], rubric_id)
        for rerun in reruns
        for rubric_id in filter(None, map(_rubric_of, rerun["ids"]))
        if not rerun["path"].endswith(f"/{rubric_id}")
    ]
    assert sent_elsewhere == [], "champ d'une rubrique quittée envoyé depuis une autre page"
    stored = person.stored()
    for rubric in walked[:-1]:
        assert stored.rubric_text(rubric.id).startswith(rubric.short_fr), rubric.id
