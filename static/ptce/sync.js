// sync.js: how a value typed in a field travels to Python, and what the browser keeps until
// the server has it. Shared by every input component (text field, rubric editor, table
// editor), which import it for its globals: PtceSync, PtceDrafts, PTCE_STATE_WORDS, ptceKey.
//
// The contract (see ptce_assist/ui/bound.py for the Python side):
// - Python gives, on every run: `seed_id` and `seed` (what to show; a new seed_id replaces
//   what the field holds: an explicit choice of the person), `saved` and `saved_digest` (what
//   the server holds), `status` of the last save ("ok", "conflict", "error": retried,
//   "refused": not retried, Python says why), `ack` (the last
//   payload Python processed for this field, "<instance>:<n>"), `scope` (the dossier, for
//   drafts), `path`, `readonly`, and `rebase` ({id, digest}: send again from that base, when
//   the person chose to keep their version after a conflict).
// - The field sends its state `payload` = `{v, base, seq}`: the value, the fingerprint of the stored value it was
//   edited from (Python saves only if the server still holds that), the payload's number.
// - Sends happen SEND_DELAY_MS after the last keystroke, at least every SEND_MAX_WAIT_MS while
//   typing steadily, and at once on blur. A send that no run acknowledges (lost connection,
//   server restart) or that failed is sent again, with growing delays.
// - Until the server holds the value, it is kept in localStorage (per dossier and field) and
//   offered back after a reload, a closed tab or a lost connection: never applied silently.
// - A field sends only while it is on the page (`host` connected) and no page change is on its
//   way (the click guard says so). Streamlit sends a value with the page shown when it is
//   sent: a retry from a field left behind, or any send in the instant after a click on a link,
//   asked the server for the old page again and undid the person's page change (seen on a
//   busy machine). A field left behind stops for good; its value stays in the browser.

const PTCE_SEND_DELAY_MS = 800;
const PTCE_SEND_MAX_WAIT_MS = 2000;
const PTCE_RETRY_MS = [1500, 3000, 6000, 12000, 30000];
const PTCE_DRAFT_WRITE_MS = 300;
const PTCE_DRAFT_PREFIX = "ptce:brouillon:";

function ptceKey(value) {
  // Nothing stored yet (null) is an empty text: an untouched empty field is not « being saved ».
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function ptceWhen(ms) {
  const date = new Date(ms);
  const pad = (n) => String(n).padStart(2, "0");
  return `le ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} à ` +
    `${pad(date.getHours())} h ${pad(date.getMinutes())}`;
}

const PtceDrafts = {
  key(scope, path) {
    return `${PTCE_DRAFT_PREFIX}${scope}:${path}`;
  },
  read(scope, path) {
    try {
      const raw = window.localStorage.getItem(this.key(scope, path));
      const draft = raw ? JSON.parse(raw) : null;
      return draft && typeof draft === "object" && "v" in draft ? draft : null;
    } catch (error) {
      return null; // storage disabled or a damaged entry: nothing to offer
    }
  },
  write(scope, path, draft) {
    try {
      window.localStorage.setItem(this.key(scope, path), JSON.stringify(draft));
      return true;
    } catch (error) {
      return false; // quota or private mode: the page still holds the text
    }
  },
  clear(scope, path) {
    try {
      window.localStorage.removeItem(this.key(scope, path));
    } catch (error) {
      /* nothing to clear */
    }
  },
};

// `read()` returns the field's value, `write(value)` shows a value in the field,
// `onState(state, words)` is told "saved", "typing", "pending", "error", "refused",
// "conflict", "readonly" or "remote" (a value saved elsewhere taken), with the French words
// to show; `offerBox` is an element where a draft found in this browser is offered back (and
// after which the choice between two versions appears); `describe(value)` says in a few
// words what a value holds (its text for a text field).
class PtceSync {
  constructor({ read, write, onState, offerBox, describe, host }) {
    this.host = host || null; // the field's element: gone from the page, the field is done
    this.read = read;
    this.write = write;
    this.onState = onState || (() => {});
    this.offerBox = offerBox || null;
    this.describe = describe || ((value) => ptceKey(value));
    this.send = null;
    this.data = null;
    this.seedId = undefined;
    this.rebaseId = undefined;
    this.base = null; // fingerprint of the stored value the current edits started from
    this.baseKey = null; // that stored value itself (ptceKey), when this page knows it
    this.remote = null; // « Mis à jour par … » after taking a value saved elsewhere
    this.divergence = null; // the panel offering the choice when both changed
    this.seq = 0;
    // Payloads are numbered per instance: Python echoes "<instance>:<seq>" in `ack`.
    this.instance = Math.random().toString(36).slice(2, 10);
    this.sentKey = null; // the value of the last payload handed to Streamlit
    this.ackedKey = null; // the value of the last payload Python said it saved
    this.ackHandled = null; // the last acknowledgement taken into account
    this.timer = null;
    this.firstPendingAt = null;
    this.retryTimer = null;
    this.retryIndex = 0;
    this.draftTimer = null;
    this.editedSinceSeed = false;
    window.addEventListener("pagehide", () => this.writeDraftNow());
  }

  // --- what the person does -------------------------------------------------------------
  changed() {
    if (!this.data || this.data.readonly) return;
    this.editedSinceSeed = true;
    this.remote = null;
    const now = Date.now();
    if (this.firstPendingAt === null) this.firstPendingAt = now;
    if (this.timer !== null) clearTimeout(this.timer);
    const waited = now - this.firstPendingAt;
    const delay = Math.max(0, Math.min(PTCE_SEND_DELAY_MS, PTCE_SEND_MAX_WAIT_MS - waited));
    this.timer = setTimeout(() => this.flush(), delay);
    this.scheduleDraft();
    this.showState();
  }

  flush() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.firstPendingAt = null;
    if (!this.data || this.data.readonly || !this.send) return;
    const value = this.read();
    const key = ptceKey(value);
    if (key === this.sentKey || this.isSaved(key)) {
      this.showState();
      return;
    }
    this.sendNow(value);
  }

  sendNow(value) {
    if (this.host !== null && !this.host.isConnected) {
      this.stop();
      return;
    }
    if (globalThis.ptceGuard && globalThis.ptceGuard.pageChanging()) {
      // Sent now, it would cancel the page change: send it if this page is still shown then.
      this.writeDraftNow();
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), PTCE_SEND_DELAY_MS);
      return;
    }
    this.seq += 1;
    this.sentKey = ptceKey(value);
    this.writeDraftNow();
    // Tell the click guard (static/ptce/guard.js) that Streamlit is about to send: a click made
    // now waits for that message, so that it is not overtaken by it.
    if (globalThis.ptceGuard) globalThis.ptceGuard.expectSend(this);
    this.send("payload", { v: value, base: this.base, seq: `${this.instance}:${this.seq}` });
    // If no run acknowledges it (the connection was lost, the server restarted), send again.
    this.planRetry();
    this.showState();
  }

  // The field is no longer on the page: no timer sends for it again; what the server may not
  // have is kept in this browser and offered back when the field is shown again.
  stop() {
    for (const name of ["timer", "retryTimer"]) {
      if (this[name] !== null) clearTimeout(this[name]);
      this[name] = null;
    }
    this.writeDraftNow();
    if (globalThis.ptceGuard) globalThis.ptceGuard.fieldDrawn(this);
  }

  // For the click guard: a payload has left that no run has processed, and the field is
  // still on the page (a link clicked now waits for that run).
  awaitingAck() {
    return this.inFlight() && (this.host === null || this.host.isConnected);
  }

  // --- what Python says, on every run -----------------------------------------------------
  update(data, setStateValue) {
    const first = this.data === null;
    this.send = setStateValue;
    this.data = data;
    if (first || data.seed_id !== this.seedId) {
      this.seedId = data.seed_id;
      const seed = data.seed === null || data.seed === undefined ? data.saved : data.seed;
      this.write(seed);
      this.baseKey = ptceKey(seed);
      this.sentKey = null;
      this.ackedKey = null;
      this.editedSinceSeed = false;
      this.retryIndex = 0;
      this.base = data.saved_digest;
      if (first) this.offerDraft();
    }
    const rebase = data.rebase || null;
    if (rebase && rebase.id !== this.rebaseId) {
      // The person chose to keep their version over the one saved elsewhere: send it again,
      // edited from that saved one.
      const known = this.rebaseId !== undefined || !first;
      this.rebaseId = rebase.id;
      if (known) {
        this.base = rebase.digest;
        this.baseKey = null; // the other version's text is not known here
        this.sendNow(this.read());
      }
    }
    const current = ptceKey(this.read());
    const newAck = this.seq > 0 && data.ack === this.lastSeq() && this.ackHandled !== data.ack;
    if (newAck && data.status === "ok") {
      // Our last payload is saved (possibly cleaned of invisible characters): later edits
      // start from what the server now holds. Once: later runs carry the same ack while
      // others may have saved since.
      this.ackHandled = data.ack;
      this.ackedKey = this.sentKey;
      this.base = data.saved_digest;
      this.baseKey = this.sentKey;
      this.retryIndex = 0;
    } else if (current === ptceKey(data.saved) && !this.inFlight()) {
      this.ackedKey = current;
      this.base = data.saved_digest;
      this.baseKey = current;
      this.retryIndex = 0;
    }
    this.followSavedElsewhere(current);
    if (this.isSaved(ptceKey(this.read()))) this.clearDraftIfSaved(ptceKey(this.read()));
    this.planRetry();
    this.showState();
    if (globalThis.ptceGuard) globalThis.ptceGuard.fieldDrawn(this);
  }

  // Someone else saved this field (another member, another tab) and the run brought it.
  // Nothing unsaved here: take it, and say who. Something unsaved here: replace nothing,
  // offer the choice with both texts side by side.
  followSavedElsewhere(current) {
    const data = this.data;
    const savedKey = ptceKey(data.saved);
    const elsewhere = data.saved_digest !== this.base && !this.inFlight() && !data.readonly;
    if (!elsewhere || data.status === "conflict" || current === savedKey) {
      if (current === savedKey || data.status === "conflict") this.hideDivergence();
      return;
    }
    if (this.baseKey !== null && current === this.baseKey && this.timer === null) {
      this.write(data.saved);
      this.base = data.saved_digest;
      this.baseKey = savedKey;
      this.ackedKey = savedKey;
      this.sentKey = savedKey;
      this.hideDivergence();
      const change = data.last_change;
      this.remote = change && change.author
        ? `Mis à jour par ${change.author} à ${change.time}`
        : "Mis à jour ailleurs (un membre de l'équipe ou un autre onglet)";
      return;
    }
    this.showDivergence(data.saved, data.last_change);
  }

  showDivergence(theirs, change) {
    if (!this.offerBox) return;
    if (!this.divergence) {
      this.divergence = document.createElement("div");
      this.divergence.className = "ptce-offer ptce-divergence";
      this.divergence.setAttribute("role", "region");
      this.divergence.setAttribute("aria-label", "Deux versions à départager");
      this.offerBox.after(this.divergence);
    }
    const panel = this.divergence;
    panel.replaceChildren();
    const known = change && change.author;
    const who = known ? `${change.author} a enregistré une autre version à ${change.time}`
      : "Une autre version a été enregistrée (un membre de l'équipe ou un autre onglet)";
    const intro = document.createElement("p");
    intro.className = "ptce-offer-warning";
    intro.textContent = `${who} pendant que vous écriviez. Rien n'a été remplacé : ` +
      "choisissez la version à garder.";
    const sides = document.createElement("div");
    sides.className = "ptce-sides";
    for (const [title, value] of [["Votre version (pas encore enregistrée)", this.read()],
      ["La version enregistrée", theirs]]) {
      const side = document.createElement("div");
      const heading = document.createElement("p");
      heading.className = "ptce-side-title";
      heading.textContent = title;
      const text = document.createElement("div");
      text.className = "ptce-offer-text";
      text.textContent = this.describe(value); // user text: textContent only
      side.append(heading, text);
      sides.appendChild(side);
    }
    const keep = document.createElement("button");
    keep.type = "button";
    keep.className = "ptce-offer-take";
    keep.textContent = "Garder ma version";
    const take = document.createElement("button");
    take.type = "button";
    take.textContent = "Prendre la version enregistrée";
    keep.addEventListener("click", () => {
      this.hideDivergence();
      this.base = this.data.saved_digest; // the person chose to replace what is stored
      this.baseKey = ptceKey(this.data.saved);
      this.sendNow(this.read());
    });
    take.addEventListener("click", () => {
      this.hideDivergence();
      const saved = this.data.saved;
      this.write(saved);
      this.base = this.data.saved_digest;
      this.baseKey = ptceKey(saved);
      this.ackedKey = this.baseKey;
      this.sentKey = this.baseKey;
      if (this.data.scope) PtceDrafts.clear(this.data.scope, this.data.path);
      this.showState();
    });
    const actions = document.createElement("div");
    actions.className = "ptce-offer-actions";
    actions.append(keep, take);
    panel.append(intro, sides, actions);
    panel.hidden = false;
  }

  hideDivergence() {
    if (this.divergence) {
      this.divergence.remove();
      this.divergence = null;
    }
  }

  lastSeq() {
    return `${this.instance}:${this.seq}`;
  }

  // A payload has left that no run has processed yet: what the server holds is about to
  // change, so matching what it held before says nothing.
  inFlight() {
    return this.seq > 0 && this.data !== null && this.data.ack !== this.lastSeq();
  }

  isSaved(currentKey) {
    // E.g. a row deleted then restored at once: the restored table equals what the server
    // held before the deletion was saved, yet the deletion is on its way: send it again.
    if (this.inFlight()) return false;
    return currentKey === ptceKey(this.data.saved) || currentKey === this.ackedKey;
  }

  planRetry() {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const data = this.data;
    const stopped = data.status === "conflict" || data.status === "refused";
    if (data.readonly || stopped || this.timer !== null) return;
    const current = ptceKey(this.read());
    if (this.isSaved(current) || this.sentKey !== current) return;
    // Sent, not saved: the save failed, or the payload never reached a run (connection lost,
    // server restarted: a new server session ignores a value sent before it drew the field).
    // Send it again, later each time.
    if (data.ack === this.lastSeq() && data.status !== "error") return;
    const delay = PTCE_RETRY_MS[Math.min(this.retryIndex, PTCE_RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryIndex += 1;
      const value = this.read();
      if (!this.isSaved(ptceKey(value))) this.sendNow(value);
    }, delay);
  }

  // --- the draft kept in this browser -----------------------------------------------------
  scheduleDraft() {
    if (this.draftTimer !== null) return;
    this.draftTimer = setTimeout(() => this.writeDraftNow(), PTCE_DRAFT_WRITE_MS);
  }

  writeDraftNow() {
    if (this.draftTimer !== null) {
      clearTimeout(this.draftTimer);
      this.draftTimer = null;
    }
    const data = this.data;
    if (!data || data.readonly || !data.scope || !this.editedSinceSeed) return;
    const value = this.read();
    if (this.isSaved(ptceKey(value))) {
      PtceDrafts.clear(data.scope, data.path);
      return;
    }
    PtceDrafts.write(data.scope, data.path, { v: value, base: this.base, at: Date.now() });
  }

  clearDraftIfSaved(currentKey) {
    const data = this.data;
    if (!data.scope) return;
    const draft = PtceDrafts.read(data.scope, data.path);
    if (draft && (ptceKey(draft.v) === currentKey || ptceKey(draft.v) === ptceKey(data.saved))) {
      PtceDrafts.clear(data.scope, data.path);
      this.hideOffer();
    }
  }

  offerDraft() {
    const data = this.data;
    if (!this.offerBox || !data.scope || data.readonly) return;
    const draft = PtceDrafts.read(data.scope, data.path);
    if (!draft) return;
    if (ptceKey(draft.v) === ptceKey(data.saved)) {
      PtceDrafts.clear(data.scope, data.path);
      return;
    }
    const box = this.offerBox;
    box.replaceChildren();
    box.hidden = false;
    const text = document.createElement("p");
    text.textContent = "Une saisie non enregistrée a été retrouvée dans ce navigateur " +
      `(${ptceWhen(draft.at)}).`;
    box.appendChild(text);
    if (draft.base !== data.saved_digest) {
      const warning = document.createElement("p");
      warning.className = "ptce-offer-warning";
      warning.textContent = "Attention : une autre version a été enregistrée depuis (dans un " +
        "autre onglet ou par un membre de l'équipe). La reprendre remplacera cette version.";
      box.appendChild(warning);
    }
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Voir la saisie retrouvée";
    const shown = document.createElement("div");
    shown.className = "ptce-offer-text";
    shown.textContent = this.describe(draft.v); // user text: textContent only
    details.append(summary, shown);
    box.appendChild(details);
    const take = document.createElement("button");
    take.type = "button";
    take.className = "ptce-offer-take";
    take.textContent = "Reprendre cette saisie";
    const drop = document.createElement("button");
    drop.type = "button";
    drop.className = "ptce-offer-drop";
    drop.textContent = "L'écarter";
    take.addEventListener("click", () => {
      this.hideOffer();
      this.write(draft.v);
      this.editedSinceSeed = true;
      this.base = this.data.saved_digest; // the person chose to replace what is stored
      this.baseKey = ptceKey(this.data.saved);
      this.sendNow(this.read());
    });
    drop.addEventListener("click", () => {
      PtceDrafts.clear(this.data.scope, this.data.path);
      this.hideOffer();
    });
    const actions = document.createElement("div");
    actions.className = "ptce-offer-actions";
    actions.append(take, drop);
    box.appendChild(actions);
  }

  hideOffer() {
    if (!this.offerBox) return;
    this.offerBox.hidden = true;
    this.offerBox.replaceChildren();
  }

  // --- what the person is told ------------------------------------------------------------
  state() {
    const data = this.data;
    if (!data) return "saved";
    if (data.readonly) return "readonly";
    const current = ptceKey(this.read());
    if (this.isSaved(current)) return "saved";
    if (data.status === "conflict") return "conflict";
    if (this.timer !== null) return "typing";
    if (data.status === "error" && this.sentKey === current) return "error";
    if (data.status === "refused" && this.sentKey === current) return "refused";
    return "pending";
  }

  showState() {
    const state = this.state();
    if (state === "saved" && this.remote) this.onState("remote", this.remote);
    else this.onState(state, PTCE_STATE_WORDS[state]);
  }
}

const PTCE_STATE_WORDS = {
  saved: "Enregistré",  // with a check drawn before it (sync.css), not a font's ✓
  typing: "Modifications en cours\u2026",
  pending: "Enregistrement\u2026",
  error: "Pas encore enregistré : nouvel essai automatique. Votre saisie est gardée dans ce " +
    "navigateur.",
  conflict: "Modifié ailleurs entre-temps : choisissez la version à garder ci-dessous.",
  refused: "Non enregistré : voir le message ci-dessous.",
  readonly: "Lecture seule",
};

Object.assign(globalThis, { PtceSync, PtceDrafts, PTCE_STATE_WORDS, ptceKey });
