"""static/ptce/guard.js reads Streamlit's protobuf frames without the schema: checked here on
real messages serialized by Streamlit's own Python classes (a length was once added to the
offset before the length itself was read, and every frame was misread)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from ptce_assist.ui.web import STATIC_DIR

pytestmark = pytest.mark.browser


@pytest.fixture
def guard_page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    page.set_content("<!doctype html><html lang='fr'><meta charset='utf-8'><body></body></html>")
    page.add_script_tag(type="module", content=(STATIC_DIR / "guard.js").read_text("utf-8"))
    page.wait_for_function("() => Boolean(globalThis.ptceGuard)")
    yield page
    page.close()


def _fields(page: Any, message: Any) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """(bytes) => {
          const found = globalThis.ptceGuard.protoFields(new Uint8Array(bytes));
          return Object.fromEntries([...found].map(([k, v]) => [k, v instanceof Uint8Array
            ? "bytes" : v]));
        }""",
            list(message.SerializeToString()),
        )
    )


def test_forward_messages_are_told_apart(guard_page: Any) -> None:
    started = ForwardMsg(hash="a" * 40)
    started.new_session.page_script_hash = "b" * 32
    started.metadata.delta_path.extend([0, 1])
    assert "4" in _fields(guard_page, started)
    for status, code in [
        ("FINISHED_SUCCESSFULLY", 0),
        ("FINISHED_EARLY_FOR_RERUN", 2),
        ("FINISHED_FRAGMENT_RUN_SUCCESSFULLY", 3),
    ]:
        finished = ForwardMsg(hash="c" * 40)
        finished.script_finished = ForwardMsg.ScriptFinishedStatus.Value(status)
        assert _fields(guard_page, finished).get("6") == code, status
    delta = ForwardMsg(hash="d" * 40)
    delta.delta.new_element.markdown.body = "Un texte assez long " * 50
    fields = _fields(guard_page, delta)
    assert "4" not in fields and "6" not in fields


def _is_commit(page: Any, message: Any) -> bool:
    return bool(
        page.evaluate(
            "(bytes) => globalThis.ptceGuard.isCommit(new Uint8Array(bytes))",
            list(message.SerializeToString()),
        )
    )


def test_only_a_rerun_the_person_caused_releases_a_held_click(guard_page: Any) -> None:
    commit = BackMsg()
    widget = commit.rerun_script.widget_states.widgets.add()
    widget.id = "$$ID-0123456789abcdef-p:project.name#field"
    widget.json_value = '{"payload": {"v": "Pôle Été", "base": "0", "seq": "a:1"}}'
    commit.rerun_script.page_script_hash = "e" * 32
    assert _is_commit(guard_page, commit)
    timer = BackMsg()
    timer.rerun_script.is_auto_rerun = True
    timer.rerun_script.fragment_id = "f" * 32
    assert not _is_commit(guard_page, timer)
    heartbeat = BackMsg()
    heartbeat.app_heartbeat = True
    assert not _is_commit(guard_page, heartbeat)


def _rerun(page_hash: str, *, tick: bool = False) -> BackMsg:
    message = BackMsg()
    message.rerun_script.page_script_hash = page_hash
    if tick:  # a fragment's timer (the sidebar's team check, every few seconds)
        message.rerun_script.is_auto_rerun = True
        message.rerun_script.fragment_id = "f" * 32
    return message


def _run_started(page_hash: str) -> ForwardMsg:
    message = ForwardMsg(hash="a" * 40)
    message.new_session.page_script_hash = page_hash
    return message


def _may_leave(page: Any, message: Any) -> bool:
    return bool(
        page.evaluate(
            "(bytes) => globalThis.ptceGuard.mayLeave(new Uint8Array(bytes))",
            list(message.SerializeToString()),
        )
    )


def _hear(page: Any, message: Any) -> None:
    page.evaluate(
        "(bytes) => { globalThis.ptceGuard.heard(new Uint8Array(bytes)); }",
        list(message.SerializeToString()),
    )


def test_a_timers_tick_does_not_overtake_a_page_change_waiting_on_the_server(
    guard_page: Any,
) -> None:
    """Streamlit folds a request arriving before the pending one started into it and keeps the
    newer one's page: a tick of the sidebar's fragment, which names the page on screen, sent the
    person back from « Rubrique suivante → » on a busy machine."""
    shown, next_page = "a" * 32, "b" * 32
    _hear(guard_page, _run_started(shown))
    assert _may_leave(guard_page, _rerun(shown, tick=True))  # nothing pending: ticks go
    assert _may_leave(guard_page, _rerun(shown))  # a commit on the same page
    assert _may_leave(guard_page, _rerun(shown, tick=True))
    assert _may_leave(guard_page, _rerun(next_page))  # the click on the link
    assert not _may_leave(guard_page, _rerun(shown, tick=True))  # kept back
    _hear(guard_page, _run_started(next_page))  # the new page's run has started
    assert _may_leave(guard_page, _rerun(next_page, tick=True))


def _page_changing(page: Any) -> bool:
    return bool(page.evaluate("() => globalThis.ptceGuard.pageChanging()"))


def test_fields_are_told_while_a_page_change_waits_on_the_server(guard_page: Any) -> None:
    """A field's send names the page on screen: sent between the click on a link and the start
    of the new page's run, it cancelled the page change (static/ptce/sync.js asks first)."""
    shown, next_page = "a" * 32, "b" * 32
    _hear(guard_page, _run_started(shown))
    assert not _page_changing(guard_page)
    assert _may_leave(guard_page, _rerun(shown))  # a commit on the page: no page change
    assert not _page_changing(guard_page)
    assert _may_leave(guard_page, _rerun(next_page))  # the click on the link
    assert _page_changing(guard_page)
    _hear(guard_page, _run_started(shown))  # a run asked before the click: still waiting
    assert _page_changing(guard_page)
    _hear(guard_page, _run_started(next_page))
    assert not _page_changing(guard_page)


def _navigation(page_hash: str) -> ForwardMsg:
    message = ForwardMsg(hash="d" * 40)
    message.navigation.page_script_hash = page_hash
    return message


def test_the_first_commit_on_a_page_loaded_by_its_address_is_no_page_change(
    guard_page: Any,
) -> None:
    """A page loaded by its address asks for no page: its run starts with the main script's
    page, and only the navigation message names the page shown. Taken for the page shown,
    the main page made the first commit look like a page change, so the link clicked next
    was not held and the typed name was lost (CI, busy machine)."""
    main, shown = "m" * 32, "a" * 32
    assert _may_leave(guard_page, _rerun(""))  # the page's first run
    _hear(guard_page, _run_started(main))
    _hear(guard_page, _navigation(shown))
    _hear(guard_page, _run_finished())
    assert _may_leave(guard_page, _rerun(shown))  # a field's commit
    assert not _page_changing(guard_page)


def _run_finished() -> ForwardMsg:
    message = ForwardMsg(hash="c" * 40)
    message.script_finished = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")
    return message


def test_a_page_change_that_led_elsewhere_does_not_hold_fields_back(guard_page: Any) -> None:
    """The page asked for sent the person to another one: once a run started after the click
    has finished, fields send again (they are not held for the 15 s a change may take)."""
    shown, asked, elsewhere = "a" * 32, "b" * 32, "c" * 32
    _hear(guard_page, _run_started(shown))
    assert _may_leave(guard_page, _rerun(asked))
    _hear(guard_page, _run_finished())  # the end of a run started before the click
    assert _page_changing(guard_page)
    _hear(guard_page, _run_started(elsewhere))
    assert _page_changing(guard_page)
    _hear(guard_page, _run_finished())
    assert not _page_changing(guard_page)


# A page of its own origin with a same-origin link, and a WebSocket answered by the test (as
# the Streamlit server would): what the guard does with a real, trusted click.
LINK_PAGE = """<!doctype html><html lang='fr'><meta charset='utf-8'><body>
<a id='next' href='/plan_action'>Plan d'action</a>
<script>
  window.followed = 0;
  document.getElementById('next').addEventListener('click', (event) => {
    event.preventDefault();
    window.followed += 1;
  });
</script></body></html>"""


@pytest.fixture
def socket_page(browser: Any) -> Iterator[tuple[Any, list[Any]]]:
    page = browser.new_page()
    page.route(
        "http://ptce.test/",
        lambda route: route.fulfill(content_type="text/html", body=LINK_PAGE),
    )
    servers: list[Any] = []
    page.route_web_socket("ws://ptce.test/_stcore/stream", lambda ws: servers.append(ws))
    page.goto("http://ptce.test/")
    page.add_script_tag(type="module", content=(STATIC_DIR / "guard.js").read_text("utf-8"))
    page.wait_for_function("() => Boolean(globalThis.ptceGuard)")
    page.add_script_tag(content=(STATIC_DIR / "sync.js").read_text("utf-8"))
    page.evaluate(
        """() => new Promise((done) => {
          window.socket = new WebSocket("ws://ptce.test/_stcore/stream");
          window.socket.binaryType = "arraybuffer";
          window.heard = 0;
          window.socket.addEventListener("message", () => { window.heard += 1; });
          window.socket.onopen = done;
        })"""
    )
    # The guard listens to a socket from its first message (in the app: the first rerun).
    heartbeat = BackMsg()
    heartbeat.app_heartbeat = True
    _send_from_page(page, heartbeat)
    yield page, servers
    page.close()


def _from_server(page: Any, server: Any, message: Any) -> None:
    """The server sends `message`; returns once the page has received it."""
    count = page.evaluate("() => window.heard")
    server.send(message.SerializeToString())
    page.wait_for_function("n => window.heard > n", arg=count)


def _send_from_page(page: Any, message: Any) -> None:
    page.evaluate(
        "(bytes) => window.socket.send(new Uint8Array(bytes))", list(message.SerializeToString())
    )


def _field_commit(page_hash: str, path: str, value: str) -> BackMsg:
    """The rerun request carrying a field's payload, as Streamlit sends it."""
    commit = _rerun(page_hash)
    widget = commit.rerun_script.widget_states.widgets.add()
    widget.id = f"$$ID-0123456789abcdef-p:{path}#field"
    payload = {"payload": {"v": value, "base": "d0", "seq": "a:1"}}
    widget.json_value = json.dumps(payload, ensure_ascii=False)
    return commit


def test_a_link_clicked_after_a_commit_left_waits_for_its_run(
    socket_page: tuple[Any, list[Any]],
) -> None:
    """A value committed (its message already gone) then a click on a link: the page change's
    request, arriving before the commit's run started, would replace it on the server and the
    value would be dropped (a rubric pasted then left at once was not saved, 3 times in 6 runs
    on a busy machine). The link waits for the commit's run to be over."""
    page, servers = socket_page
    shown = "a" * 32
    (server,) = servers
    _from_server(page, server, _run_started(shown))
    _send_from_page(page, _field_commit(shown, "rubrics.actions", "Actions : été"))

    page.click("#next")
    assert page.evaluate("() => window.followed") == 0  # held: the commit has not run
    _from_server(page, server, _run_started(shown))  # the commit's run
    assert page.evaluate("() => window.followed") == 0
    _from_server(page, server, _run_finished())
    page.wait_for_function("() => window.followed === 1")
    assert page.evaluate("() => globalThis.ptceGuard.stats.held") == 1


def test_a_link_clicked_with_no_commit_on_its_way_is_not_held(
    socket_page: tuple[Any, list[Any]],
) -> None:
    page, servers = socket_page
    (server,) = servers
    _from_server(page, server, _run_started("a" * 32))
    page.click("#next")
    assert page.evaluate("() => window.followed") == 1
    assert page.evaluate("() => globalThis.ptceGuard.stats.held") == 0


# A field of the app (static/ptce/sync.js) whose sends leave on the test's socket as a rerun
# request, as Streamlit sends a component's value; `window.run` is a run drawing the field.
FIELD = """(bytes) => {
  window.value = "";
  window.seqs = [];
  window.sync = new PtceSync({ read: () => window.value, write: (v) => { window.value = v; } });
  window.run = (over) => window.sync.update({
    scope: "", path: "project.name", seed_id: 0, seed: null, saved: "", saved_digest: "d0",
    status: "ok", ack: null, rebase: null, readonly: false, ...over,
  }, (key, payload) => {
    window.seqs.push(payload.seq);
    window.socket.send(new Uint8Array(bytes));
  });
  window.run({});
}"""


def _after_pending_timers(page: Any) -> None:
    """Returns once the timers the page had already set for now have run (a replay)."""
    page.evaluate("() => new Promise((done) => setTimeout(done, 0))")


def test_a_link_waits_for_the_run_that_saved_the_field_not_for_any_run(
    socket_page: tuple[Any, list[Any]],
) -> None:
    """A run the server started before the field's commit reached it (the run of a send made
    while typing) can reach the page after the commit has left, and finish. The guard took it
    for the commit's run and followed the link; the page change then replaced the commit on
    the server and the text was lost (CI, loaded machine: a project name typed, then
    « Récapitulatif » clicked at once). The link waits for the field's own acknowledgement."""
    page, servers = socket_page
    shown = "a" * 32
    (server,) = servers
    _from_server(page, server, _run_started(shown))
    commit = _field_commit(shown, "project.name", "Val solidaire")
    page.evaluate(FIELD, list(commit.SerializeToString()))
    page.evaluate("() => { window.value = 'Val solidaire'; window.sync.flush(); }")

    page.click("#next")
    _from_server(page, server, _run_started(shown))  # a run started before the commit came
    _from_server(page, server, _run_finished())
    _after_pending_timers(page)
    assert page.evaluate("() => window.followed") == 0  # held: the field's value not saved

    _from_server(page, server, _run_started(shown))  # the commit's run: the field is drawn
    page.evaluate(
        "() => window.run({saved: 'Val solidaire', saved_digest: 'd1', ack: window.seqs[0]})"
    )
    _from_server(page, server, _run_finished())
    page.wait_for_function("() => window.followed === 1")
