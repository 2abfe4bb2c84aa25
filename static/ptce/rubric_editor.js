// The rubric editor (Streamlit components v2, shadow DOM): layout.js (the counter, given the
// rules Python writes to layout_rules.json beside it) and sync.js (the saving) are imported
// for their globals.
//
// Streamlit calls the default export again on every rerun, against the same DOM: the
// textarea is written only when a new seed arrives (the editor appears, or the person chose
// another version), so a rerun cannot clobber typing. PtceSync sends the text to Python while
// typing and on blur, and keeps what the server does not have yet in this browser.
// User text reaches the DOM only through textContent and value, never innerHTML.

const VERSION = new URL(import.meta.url).search;
await import(`./layout.js${VERSION}`);
await import(`./sync.js${VERSION}`);
const RULES_URL = new URL(`./layout_rules.json${VERSION}`, import.meta.url);
const rules = await (await fetch(RULES_URL)).json();
const { PtceSync, PTCE_STATE_WORDS } = globalThis;
const PtceLayout = globalThis.createPtceLayout(rules);

// The icon of each state is an inline SVG (sync.css: .ptce-svg-ok, -near, -over), never a
// character that the machine's fonts may lack.
const STATE_WORDING = {
  ok: { words: "Dans la limite" },
  near: { words: "Proche de la limite" },
  over: { words: "Limite dépassée" },
};

function frenchInt(n) {
  // 1234 -> "1 234" with a narrow no-break space, as French writes it.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

// plaintext.pasteable's twin: no-break spaces become spaces, invisible characters go.
const NO_BREAK_SPACES = /[\u00a0\u202f\u2007]/g;
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;

function pasteableLength(text) {
  const pasted = text.replace(/\r\n?/g, "\n").replace(NO_BREAK_SPACES, " ").replace(INVISIBLE, "");
  return Array.from(pasted).length;
}

function characterWord(n) {
  return n === 1 ? "1 caractère" : `${frenchInt(n)} caractères`;
}

function createEditor(root) {
  const el = {
    label: root.querySelector(".ptce-label"),
    textarea: root.querySelector("textarea"),
    counter: root.querySelector(".ptce-counter"),
    icon: root.querySelector(".ptce-icon"),
    state: root.querySelector(".ptce-state"),
    lines: root.querySelector(".ptce-lines"),
    detail: root.querySelector(".ptce-detail"),
    warning: root.querySelector(".ptce-warning"),
    save: root.querySelector(".ptce-save"),
    preview: root.querySelector(".ptce-preview"),
    page: root.querySelector(".ptce-page"),
    note: root.querySelector(".ptce-note"),
    offer: root.querySelector(".ptce-offer"),
  };
  const editor = {
    data: null,
    font: null,
    fontKey: null,
    result: null,
    laidText: null, // the text and font `result` was laid out from
    laidFont: null,
  };
  editor.sync = new PtceSync({
    read: () => el.textarea.value,
    write: (value) => {
      el.textarea.value = value === null || value === undefined ? "" : String(value);
      refresh();
    },
    onState: (state, words) => {
      el.save.dataset.state = state;
      el.save.textContent = words;
    },
    offerBox: el.offer,
    host: root,
    describe: (value) => String(value ?? ""),
  });

  function renderPreview() {
    if (!el.preview.open || !editor.result) return;
    const { lines } = editor.result;
    const budget = editor.data.budget;
    const preset = editor.data.preset;
    const fragment = document.createDocumentFragment();
    lines.forEach((line, index) => {
      if (index === budget) {
        const limit = document.createElement("div");
        limit.className = "ptce-limit";
        limit.textContent = `Limite : ${budget} lignes — la suite dépasse`;
        fragment.appendChild(limit);
      }
      const row = document.createElement("div");
      row.className = index >= budget ? "ptce-line ptce-over" : "ptce-line";
      row.dataset.n = String(index + 1);
      row.textContent = line.text; // user text: textContent only
      fragment.appendChild(row);
    });
    el.page.replaceChildren(fragment);
    // Scale the font so that the page's line width fills the preview's width (2 % spare:
    // the browser's font may be slightly wider than the document's).
    const width = el.page.clientWidth - 48; // minus the line-number gutter
    if (width > 0) {
      const linePt = preset.line_width_twips / 20;
      el.page.style.fontSize = `${(0.98 * width * preset.size_pt) / linePt}px`;
    }
  }

  function refresh() {
    if (!editor.font || !editor.data) return;
    const data = editor.data;
    // Every run calls update(): the text laid out again only when it or the font changed (a
    // pasted megabyte takes the renderer seconds to lay out, once is enough).
    const text = el.textarea.value;
    if (editor.result === null || editor.laidText !== text || editor.laidFont !== editor.font) {
      editor.result = PtceLayout.layoutText(text, editor.font);
      editor.laidText = text;
      editor.laidFont = editor.font;
    }
    const result = editor.result;
    // An empty rubric takes no line of the document (the export marks a mandatory one as
    // missing): « vide », 0 lines, not the one line of an empty paragraph.
    const empty = !el.textarea.value.trim();
    const used = empty ? 0 : result.line_count;
    const status = PtceLayout.budgetStatus(used, data.budget);
    const wording = STATE_WORDING[status.state];
    el.counter.dataset.state = status.state;
    el.counter.dataset.lines = String(used);
    el.counter.dataset.budget = String(data.budget);
    el.icon.className = `ptce-icon ptce-svg ptce-svg-${status.state}`;
    el.icon.dataset.icon = status.state;
    el.state.textContent = empty ? "Rubrique vide" : wording.words;
    el.lines.textContent = `${used} / ${data.budget} lignes`;
    const rest = status.message.slice(status.message.indexOf("—"));
    // The characters of the text as « Copier » gives it (plaintext.pasteable), line breaks
    // included: the count démarches-simplifiées will see.
    const pages = PtceLayout.formatPages(empty ? 0 : result.pages);
    el.detail.textContent = `${rest} · ${pages} · ` +
      `${characterWord(pasteableLength(el.textarea.value))} (espaces et retours à la ligne ` +
      "compris)";
    const missing = PtceLayout.unsupportedIn(result.text, editor.font);
    if (missing.length) {
      el.warning.hidden = false;
      el.warning.textContent = "Caractères absents de la police du document : " +
        missing.join(" ") + " — ils seront dessinés avec une autre police et le décompte " +
        "des lignes peut être inexact ; remplacez-les si possible.";
    } else {
      el.warning.hidden = true;
      el.warning.textContent = "";
    }
    renderPreview();
  }

  el.textarea.addEventListener("input", () => {
    refresh();
    editor.sync.changed();
  });
  el.textarea.addEventListener("blur", () => editor.sync.flush());
  el.preview.addEventListener("toggle", renderPreview);

  editor.update = (data, setStateValue) => {
    editor.data = data;
    const preset = data.preset;
    const fontKey = `${preset.id}`;
    if (editor.fontKey !== fontKey) {
      editor.font = PtceLayout.makeFont(preset.metrics, preset);
      editor.fontKey = fontKey;
    }
    el.label.textContent = data.label;
    el.note.textContent = `Décompte en direct pour la mise en page « ${preset.label} », ` +
      "tel que LibreOffice met en page le document exporté (Word peut différer de 1 %).";
    el.page.style.fontFamily = preset.css_font;
    el.textarea.readOnly = Boolean(data.readonly);
    editor.sync.update(data, setStateValue);
    refresh();
  };
  return editor;
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".ptce-editor");
  if (!root) return undefined;
  if (!root.ptceEditor) root.ptceEditor = createEditor(root);
  root.ptceEditor.update(data, setStateValue);
  return undefined;
}
