// guard.js: a click made right after typing both saves the text and does what was clicked.
//
// Why: pressing the mouse on a link or a button first takes the focus away from the field
// being typed in; the field then commits its value, but Streamlit sends that commit a few
// milliseconds later, after the click's own message. The server then runs the click (a page
// change, a button) and at once the commit's rerun, which carries the old page and no click:
// the click is lost (Streamlit issue #8725 and its duplicates; seen here 5 times out of 8).
//
// How: when a field with unsent changes loses the focus (or a component says it is about to
// send), a click on something that acts on click is held back, then replayed on the same
// element once the commit is safe from it:
// - a button, a box, a tab...: as soon as the commit's message has left on the WebSocket (the
//   click's own message then carries every widget of the page, the new value included);
// - a link to another page: only once the server has run the commit. A page change sends only
//   the widgets that stay on screen, and a rerun request that arrives before the previous one
//   is picked up replaces it: the new value would be dropped before any callback saw it.
//   So the link waits for a run that started after the commit was sent to finish (the
//   server's "new_session" then "script_finished" messages, read from the protobuf frames).
// A link clicked once the commit's message has already left waits too, until that commit's
// run is over: the page change's request would otherwise replace it on the server if it had
// not started yet, and the value typed would be dropped.
// A run seen starting after the commit left may still be one the server started before the
// commit reached it (the run of a send made while typing): taken for the commit's run, it let
// a link go too early and a typed name was lost (CI, busy machine). So a link also waits until
// every field of ours (static/ptce/sync.js) whose payload has left has been drawn by a run that
// processed it (its `ack`): that run's change callback saved the value.
// If nothing comes in time the click is replayed anyway. Installed once per page load (the
// component is drawn on every run, in the sidebar).
//
// A page change waiting on the server is also kept from a fragment's timer: Streamlit folds a
// rerun request that arrives before the pending one has started into it, and takes the newer
// request's page; the sidebar's fragment (every 3 s) asks for the page still on screen, so a
// tick landing in that gap sent the person back to the page they had just left (seen on a
// busy machine). Until a run of the requested page starts, such ticks are not sent.

(() => {
  if (globalThis.ptceGuard) return;
  const HOLD_MS = 700; // longest wait for the commit's message to leave
  const RUN_WAIT_MS = 4000; // longest wait for the commit's run, before a page change
  const ACK_WAIT_MS = 10000; // longest wait for a field's payload to be processed, likewise
  // Field numbers of streamlit/proto (ForwardMsg, BackMsg, ClientState) and a status value.
  const NEW_SESSION = 4;
  const SCRIPT_FINISHED = 6;
  const FINISHED_SUCCESSFULLY = 0;
  const RERUN_SCRIPT = 11;
  const PAGE_SCRIPT_HASH = 3; // of ClientState
  const IS_AUTO_RERUN = 6;
  const NEW_SESSION_PAGE = 9; // NewSession.page_script_hash
  const NAVIGATION = 23;
  const NAVIGATION_PAGE = 4; // Navigation.page_script_hash
  const PAGE_CHANGE_MAX_MS = 15000; // longest time a page change keeps the timers' ticks back
  const ACTIONABLE = "a[href], button, summary, label, [role='button'], [role='link'], " +
    "[role='tab'], [role='checkbox'], [role='radio'], [role='switch'], [role='menuitem'], " +
    "[role='option'], input[type='checkbox'], input[type='radio'], input[type='submit'], " +
    "input[type='button']";
  const TEXT_TYPES = new Set(["text", "search", "email", "tel", "url", "number", "password", ""]);
  let expectedUntil = 0; // a Streamlit message is expected before this time (ms)
  let held = null; // the element whose click waits
  let heldTwin = null; // how to find it again if a run replaced it
  let heldIsNavigation = false;
  let fallback = null;
  let commitAt = 0; // when the last commit left, until a run started after it has finished
  let commitRunStarted = false;
  const awaitingAck = new Set(); // fields whose last payload no run has processed yet
  const watchedSockets = new WeakSet();
  const focusValues = new WeakMap();
  const stats = { held: 0, replayed: 0, timedOut: 0, ticksKept: 0 };
  let shownPage = null; // the page of the last run the server started
  let pendingPage = null; // a page asked for and not started yet
  let pendingSince = 0;
  let pendingRunStarted = false; // a run started since the page change was asked
  const decoder = new TextDecoder();

  function now() {
    return performance.now();
  }

  function isTextField(el) {
    if (!el || el.nodeType !== 1) return false;
    if (el.tagName === "TEXTAREA") return !el.readOnly;
    if (el.tagName === "INPUT") return TEXT_TYPES.has(el.type) && !el.readOnly;
    return el.isContentEditable === true;
  }

  function valueOf(el) {
    return el.isContentEditable ? el.textContent : el.value;
  }

  // The top-level fields of one protobuf message: field number -> its varint value, or the
  // bytes of a length-delimited field (enough to tell a message's kind, without the schema).
  function protoFields(bytes) {
    const fields = new Map();
    let i = 0;
    const varint = () => {
      let value = 0;
      let scale = 1;
      let byte = 0;
      do {
        byte = bytes[i++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80 && i < bytes.length);
      return value;
    };
    while (i < bytes.length) {
      const key = varint();
      const wire = key % 8;
      const field = Math.floor(key / 8);
      let value = null;
      if (wire === 0) value = varint();
      else if (wire === 1) i += 8;
      else if (wire === 2) {
        const length = varint();
        value = bytes.subarray(i, i + length);
        i += length;
      } else if (wire === 5) i += 4;
      else break;
      if (!fields.has(field)) fields.set(field, value);
    }
    return fields;
  }

  // What a message from the page is: "other" (a heartbeat...), "tick" (a rerun asked by a
  // timer: a fragment's), or a rerun the person caused, with the page it asks for.
  function kindOf(data) {
    const bytes = asBytes(data);
    if (bytes === null) return { commit: true, page: "" };
    const rerun = protoFields(bytes).get(RERUN_SCRIPT);
    if (!(rerun instanceof Uint8Array)) return { other: true };
    const state = protoFields(rerun);
    if (state.get(IS_AUTO_RERUN) === 1) return { tick: true };
    return { commit: true, page: pageOf(state.get(PAGE_SCRIPT_HASH)) };
  }

  function isCommit(data) {
    return kindOf(data).commit === true;
  }

  function asBytes(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    return null;
  }

  function pageOf(bytes) {
    return bytes instanceof Uint8Array ? decoder.decode(bytes) : "";
  }

  // Whether a message from the page may leave: false for a timer's tick while a page change
  // waits on the server (see the top of this file).
  function mayLeave(data) {
    return mayLeaveAs(kindOf(data));
  }

  function mayLeaveAs(kind) {
    if (kind.other) return true;
    if (pendingPage !== null && now() - pendingSince > PAGE_CHANGE_MAX_MS) pendingPage = null;
    if (kind.tick) {
      if (pendingPage === null) return true;
      stats.ticksKept += 1;
      return false;
    }
    const page = kind.page;
    // A page other than the one shown (or any, before the first run is known).
    if (page !== "" && page !== shownPage) {
      pendingPage = page;
      pendingSince = now();
      pendingRunStarted = false;
    }
    return true;
  }

  // Whether a page change has been asked and its run has not started: a field's send now
  // would carry the old page and cancel it (static/ptce/sync.js waits).
  function pageChanging() {
    return pendingPage !== null && now() - pendingSince <= PAGE_CHANGE_MAX_MS;
  }

  function shown(page) {
    if (page === "") return;
    shownPage = page;
    if (page === pendingPage) pendingPage = null;
  }

  // What the server says: the page of each run it starts, and the page `st.navigation` shows.
  // A run asked with no page (the first one of a page loaded by its address) starts with the
  // main script's page; only its navigation message names the page shown. The guard hears the
  // socket only from the page's first message after it is installed, so each run also tells
  // it its page (`drawnOn`). A page shown unknown or wrong made the first commit on a freshly
  // loaded page look like a page change: the link clicked next was not held, and the typed
  // name was lost (CI, busy machine).
  function heard(data) {
    const bytes = asBytes(data);
    if (bytes === null) return null;
    const fields = protoFields(bytes);
    const session = fields.get(NEW_SESSION);
    const navigation = fields.get(NAVIGATION);
    if (navigation instanceof Uint8Array) {
      shown(pageOf(protoFields(navigation).get(NAVIGATION_PAGE)));
    } else if (session instanceof Uint8Array) {
      pendingRunStarted = pendingPage !== null;
      shown(pageOf(protoFields(session).get(NEW_SESSION_PAGE)));
    } else if (fields.get(SCRIPT_FINISHED) === FINISHED_SUCCESSFULLY && pendingRunStarted) {
      // A whole run started after the request and ran to its end on another page (the page
      // asked for sent the person elsewhere, or no longer exists): nothing is pending now.
      pendingPage = null;
      pendingRunStarted = false;
    }
    return fields;
  }

  function onServerMessage(event) {
    const fields = heard(event.data);
    if (fields === null) return;
    if (commitAt !== 0) {
      if (fields.has(NEW_SESSION)) commitRunStarted = true;
      // A whole run finished (not a fragment's, not one cut short by a newer request).
      else if (fields.get(SCRIPT_FINISHED) === FINISHED_SUCCESSFULLY && commitRunStarted) {
        commitAt = 0;
      }
    }
    followIfSafe();
  }

  // Whether a field of ours still waits for a run to process its payload (see the top).
  function fieldsAwaiting() {
    for (const field of awaitingAck) {
      if (!field.awaitingAck()) awaitingAck.delete(field);
    }
    return awaitingAck.size > 0;
  }

  // A held link is followed once the commit's message has left, its run is over and every
  // field's payload has been processed.
  function followIfSafe() {
    if (held === null || !heldIsNavigation) return;
    if (expectedUntil !== 0 || commitAt !== 0 || fieldsAwaiting()) return;
    replay(false);
  }

  function waitForRuns() {
    if (fallback !== null) clearTimeout(fallback);
    const longest = fieldsAwaiting() ? ACK_WAIT_MS : RUN_WAIT_MS;
    fallback = setTimeout(() => replay(true), longest);
  }

  function describe(el) {
    return { tag: el.tagName, href: el.getAttribute("href"), text: el.textContent.trim() };
  }

  function findTwin(twin) {
    if (twin === null) return null;
    for (const el of document.querySelectorAll(twin.tag)) {
      if (el.getAttribute("href") === twin.href && el.textContent.trim() === twin.text) {
        return el;
      }
    }
    return null;
  }

  function release(timedOut) {
    // The commit's message has left (or will not come).
    expectedUntil = 0;
    if (fallback !== null) {
      clearTimeout(fallback);
      fallback = null;
    }
    if (held === null) return;
    if (heldIsNavigation) {
      waitForRuns();
      followIfSafe();
      return;
    }
    replay(timedOut);
  }

  function replay(timedOut) {
    if (fallback !== null) {
      clearTimeout(fallback);
      fallback = null;
    }
    if (held === null) return;
    const target = held;
    held = null;
    if (timedOut) stats.timedOut += 1;
    const twin = heldTwin;
    heldTwin = null;
    // After the current task: the message has been handed to the socket.
    setTimeout(() => {
      // The commit's run may have drawn the page again: the element clicked is then a new one
      // (same link, same button), found by what the person saw.
      const element = target.isConnected ? target : findTwin(twin);
      if (element === null) return;
      stats.replayed += 1;
      element.click();
    }, 0);
  }

  // A message is about to leave; `field`, one of ours, then waits for a run to process it
  // (it says so with `fieldDrawn`).
  function expectSend(field) {
    if (field) awaitingAck.add(field);
    expectedUntil = now() + HOLD_MS;
    if (fallback !== null) clearTimeout(fallback);
    fallback = setTimeout(() => release(true), HOLD_MS);
  }

  const socketSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function send(...args) {
    if (!watchedSockets.has(this)) {
      watchedSockets.add(this);
      this.addEventListener("message", onServerMessage);
    }
    const kind = kindOf(args[0]);
    if (!mayLeaveAs(kind)) return undefined;
    const result = socketSend.apply(this, args);
    if (kind.commit && !pageChanging()) {
      commitAt = now();
      commitRunStarted = false;
    }
    if (expectedUntil !== 0 && kind.commit) release(false);
    return result;
  };

  document.addEventListener("focusin", (event) => {
    const el = event.composedPath()[0];
    if (isTextField(el)) focusValues.set(el, valueOf(el));
  }, true);

  document.addEventListener("keydown", (event) => {
    // Enter commits a Streamlit text input (Ctrl+Enter a text area): that value is sent.
    const el = event.composedPath()[0];
    if (event.key === "Enter" && isTextField(el)) focusValues.set(el, valueOf(el));
  }, true);

  document.addEventListener("focusout", (event) => {
    const el = event.composedPath()[0];
    if (!isTextField(el)) return;
    // Our own components tell the guard themselves (expectSend); a Streamlit input commits
    // on blur when its value changed since it got the focus or since Enter.
    if (el.closest && el.closest("[data-ptce-field]")) return;
    if (el.getRootNode() instanceof ShadowRoot) return;
    if (focusValues.has(el) && focusValues.get(el) !== valueOf(el)) expectSend();
  }, true);

  function isPageLink(actionable) {
    const link = actionable.closest("a[href]");
    return Boolean(link && link.origin === window.location.origin && link.target !== "_blank");
  }

  window.addEventListener("click", (event) => {
    if (!event.isTrusted) return;
    const expected = expectedUntil !== 0 && now() <= expectedUntil;
    const commitRunning = commitAt !== 0 && now() - commitAt < RUN_WAIT_MS;
    if (!expected && !commitRunning && !fieldsAwaiting()) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const actionable = target.closest(ACTIONABLE);
    if (!actionable || isTextField(actionable)) return;
    const navigation = isPageLink(actionable);
    if (!expected && !navigation) return; // the commit's message has left with the click's
    event.preventDefault();
    event.stopImmediatePropagation();
    held = target;
    heldTwin = describe(actionable);
    heldIsNavigation = navigation;
    stats.held += 1;
    if (!expected) waitForRuns(); // the commit has left: wait for its run, as after a release
  }, true);

  // A field was drawn by a run, or left the page: a held link may go now.
  function fieldDrawn() {
    followIfSafe();
  }

  globalThis.ptceGuard = {
    expectSend, fieldDrawn, pageChanging, stats, protoFields, isCommit, mayLeave, heard,
    shownPage: () => shownPage, drawnOn: shown,
  };
})();

// Drawn on every run with the page of that run (ptce_assist/ui/click_guard.py).
export default function (component) {
  const page = component && component.data ? component.data.page : "";
  if (typeof page === "string") globalThis.ptceGuard.drawnOn(page);
  return undefined;
}
