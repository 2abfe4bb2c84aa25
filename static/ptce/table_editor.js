// A table bound to one list of the dossier (sync.js is imported for its globals).
//
// A real <table>: a header row of column labels, a row per item, each cell a native <input>
// or <select>, a « Supprimer » button per row and « Ajouter une ligne » beneath. What the
// table holds is the list of rows (objects of strings, in column order); PtceSync sends it
// while typing and keeps it in this browser until the server has it.
//
// Streamlit calls the default export again on every run, against the same DOM: the rows are
// rebuilt only when a new seed arrives (the table appears, its columns change, or the person
// chose another version), so a run never touches a cell being typed in. Python's remarks on
// cells (an amount it cannot read) are marked on the cell still holding the text they are
// about. User text reaches the DOM only through textContent and value, never innerHTML.

const VERSION = new URL(import.meta.url).search;
await import(`./sync.js${VERSION}`);
const { PtceSync, PTCE_STATE_WORDS, ptceKey } = globalThis;

const PTCE_UNDO_MS = 8000;
const PTCE_EMPTY_CHOICE = "\u2014 À choisir \u2014";

function ptceText(value) {
  return value === null || value === undefined ? "" : String(value);
}

function createTable(root) {
  const el = {
    table: root.querySelector("table"),
    caption: root.querySelector("caption"),
    head: root.querySelector("thead tr"),
    body: root.querySelector("tbody"),
    add: root.querySelector(".ptce-add"),
    undo: root.querySelector(".ptce-undo"),
    undoText: root.querySelector(".ptce-undo-text"),
    undoButton: root.querySelector(".ptce-undo-button"),
    problems: root.querySelector(".ptce-problems"),
    problemList: root.querySelector(".ptce-problems ul"),
    status: root.querySelector(".ptce-status"),
  };
  const table = {
    data: null,
    columns: [],
    deleted: null, // {index, values}: the last row deleted, while it can be restored
    undoTimer: null,
    everSent: false,
  };

  // --- rows <-> DOM -----------------------------------------------------------------------
  function rowElements() {
    return Array.from(el.body.rows);
  }

  function controlsOf(tr) {
    return Array.from(tr.querySelectorAll("[data-column]"));
  }

  function rowValues(tr) {
    const values = {};
    for (const column of table.columns) {
      const control = tr.querySelector(`[data-column="${column.key}"]`);
      values[column.key] = control ? control.value : "";
    }
    return values;
  }

  function readRows() {
    return rowElements().map(rowValues);
  }

  function setSelectValue(select, column, value) {
    // A value no choice has (an older call's id) stays visible as it is.
    const known = column.options.some(([id]) => id === value);
    select.querySelectorAll("option[data-extra]").forEach((option) => option.remove());
    if (value && !known) {
      const extra = document.createElement("option");
      extra.value = value;
      extra.textContent = value;
      extra.dataset.extra = "1";
      select.appendChild(extra);
    }
    select.value = value;
  }

  function makeControl(column, value) {
    let control;
    if (column.kind === "select") {
      control = document.createElement("select");
      const empty = document.createElement("option");
      empty.value = "";
      empty.textContent = PTCE_EMPTY_CHOICE;
      control.appendChild(empty);
      for (const [id, label] of column.options) {
        const option = document.createElement("option");
        option.value = id;
        option.textContent = label;
        control.appendChild(option);
      }
      setSelectValue(control, column, value);
    } else {
      control = document.createElement("input");
      control.type = "text";
      control.value = value;
      control.setAttribute("lang", "fr");
      control.autocomplete = "off";
      if (column.kind === "amount") control.classList.add("ptce-amount");
      if (column.max_chars) control.maxLength = column.max_chars;
    }
    control.classList.add("ptce-cell");
    control.dataset.column = column.key;
    return control;
  }

  function makeRow(values) {
    const tr = document.createElement("tr");
    for (const column of table.columns) {
      const td = document.createElement("td");
      td.dataset.kind = column.kind;
      td.appendChild(makeControl(column, ptceText(values ? values[column.key] : "")));
      const mark = document.createElement("span");
      mark.className = "ptce-mark ptce-svg ptce-svg-near";
      mark.setAttribute("aria-hidden", "true");
      td.appendChild(mark);
      tr.appendChild(td);
    }
    const actions = document.createElement("td");
    actions.className = "ptce-actions";
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "ptce-delete";
    remove.textContent = "Supprimer";
    actions.appendChild(remove);
    tr.appendChild(actions);
    return tr;
  }

  function writeRows(rows) {
    const list = Array.isArray(rows) ? rows : [];
    el.body.replaceChildren(...list.map((values) => makeRow(values)));
    forgetDeleted();
    refresh();
  }

  // --- what the person sees besides the cells ---------------------------------------------
  function refresh() {
    const readonly = Boolean(table.data && table.data.readonly);
    rowElements().forEach((tr, index) => {
      const number = index + 1;
      tr.dataset.row = String(number);
      for (const control of controlsOf(tr)) {
        const column = table.columns.find((c) => c.key === control.dataset.column);
        control.setAttribute("aria-label", `${column ? column.label : ""}, ligne ${number}`);
        control.disabled = readonly;
      }
      const remove = tr.querySelector(".ptce-delete");
      remove.setAttribute("aria-label", `Supprimer la ligne ${number}`);
      remove.disabled = readonly;
    });
    const full = rowElements().length >= (table.data ? table.data.max_rows : Infinity);
    el.add.hidden = readonly;
    el.add.disabled = readonly || full;
    el.add.title = full ? "Nombre maximal de lignes atteint" : "";
    markProblems();
  }

  function markProblems() {
    const problems = (table.data && table.data.problems) || [];
    const rows = rowElements();
    for (const control of root.querySelectorAll(".ptce-cell")) {
      control.removeAttribute("aria-invalid");
      control.removeAttribute("aria-describedby");
      control.parentElement.classList.remove("ptce-invalid");
    }
    const shown = [];
    problems.forEach((problem) => {
      const tr = rows[problem.row];
      const control = tr && tr.querySelector(`[data-column="${problem.column}"]`);
      // A remark is about a text: once the cell holds another one, it no longer applies.
      if (!control || control.value !== problem.text) return;
      const id = `ptce-problem-${shown.length}`;
      control.setAttribute("aria-invalid", "true");
      const described = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", described ? `${described} ${id}` : id);
      control.parentElement.classList.add("ptce-invalid");
      const column = table.columns.find((c) => c.key === problem.column);
      shown.push({ id, text: `Ligne ${problem.row + 1}, ${column ? column.label : ""} : ` +
        problem.message });
    });
    el.problemList.replaceChildren(...shown.map(({ id, text }) => {
      const item = document.createElement("li");
      item.id = id;
      item.textContent = text; // may quote user text: textContent only
      return item;
    }));
    el.problems.hidden = shown.length === 0;
  }

  function describeRows(rows) {
    if (!Array.isArray(rows) || rows.length === 0) return "(tableau vide)";
    return rows.map((row, index) => {
      const cells = table.columns.map((column) => {
        const value = ptceText(row ? row[column.key] : "");
        if (column.kind !== "select") return value;
        const choice = column.options.find(([id]) => id === value);
        return choice ? choice[1] : value;
      });
      return `Ligne ${index + 1} : ${cells.filter((cell) => cell.trim()).join(" · ")}`;
    }).join("\n");
  }

  // --- adding, deleting, restoring rows ---------------------------------------------------
  function focusFirstCell(tr) {
    const first = tr && tr.querySelector(".ptce-cell");
    if (first) first.focus();
  }

  function addRow() {
    if (el.add.disabled) return;
    const tr = makeRow(table.data ? table.data.new_row : null);
    el.body.appendChild(tr);
    refresh();
    focusFirstCell(tr);
    table.sync.changed();
  }

  function forgetDeleted() {
    if (table.undoTimer !== null) clearTimeout(table.undoTimer);
    table.undoTimer = null;
    table.deleted = null;
    const hadFocus = el.undo.contains(root.getRootNode().activeElement);
    el.undo.hidden = true;
    if (hadFocus) el.add.focus();
  }

  function deleteRow(tr) {
    const index = rowElements().indexOf(tr);
    if (index < 0) return;
    const values = rowValues(tr);
    forgetDeleted();
    tr.remove();
    table.deleted = { index, values };
    el.undoText.textContent = `Ligne ${index + 1} supprimée \u2014 `;
    el.undoButton.setAttribute("aria-label", `Annuler la suppression de la ligne ${index + 1}`);
    el.undo.hidden = false;
    table.undoTimer = setTimeout(forgetDeleted, PTCE_UNDO_MS);
    refresh();
    el.undoButton.focus(); // the deleted row had the focus: the next useful action
    table.sync.flush();
  }

  function restoreRow() {
    const deleted = table.deleted;
    if (!deleted) return;
    table.deleted = null;
    const tr = makeRow(deleted.values);
    const rows = rowElements();
    el.body.insertBefore(tr, rows[deleted.index] || null);
    forgetDeleted();
    refresh();
    focusFirstCell(tr);
    table.sync.flush();
  }

  // --- events -----------------------------------------------------------------------------
  el.body.addEventListener("input", (event) => {
    if (!event.target.classList.contains("ptce-cell")) return;
    if (event.target.tagName === "SELECT") return; // "change" sends it
    markProblems();
    table.sync.changed();
  });
  el.body.addEventListener("change", (event) => {
    if (event.target.tagName !== "SELECT") return;
    markProblems();
    table.sync.changed();
    table.sync.flush(); // a choice is one action: sent at once
  });
  el.body.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.tagName === "INPUT") table.sync.flush();
  });
  el.body.addEventListener("click", (event) => {
    const button = event.target.closest(".ptce-delete");
    if (button && !button.disabled) deleteRow(button.closest("tr"));
  });
  // Leaving the table sends at once (as a text field does on blur); moving from cell to cell
  // does not: the sends while typing carry it.
  root.addEventListener("focusout", (event) => {
    const next = event.relatedTarget;
    if (next && root.contains(next)) return;
    table.sync.flush();
  });
  el.add.addEventListener("click", addRow);
  el.undoButton.addEventListener("click", restoreRow);

  table.sync = new PtceSync({
    read: readRows,
    write: writeRows,
    onState: (state, words) => {
      el.status.dataset.state = state;
      el.status.textContent =
        state === "saved" && !table.everSent ? "" : words;
      if (state !== "saved") table.everSent = true;
    },
    offerBox: root.querySelector(".ptce-offer"),
    host: root,
    describe: describeRows,
  });

  table.update = (data, setStateValue) => {
    table.data = data;
    table.columns = data.columns;
    el.caption.textContent = data.caption;
    el.caption.classList.toggle("ptce-visually-hidden", !data.show_caption);
    const heads = data.columns.map((column) => {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = column.label;
      th.dataset.kind = column.kind;
      if (column.width) th.style.width = column.width;
      return th;
    });
    const actions = document.createElement("th");
    actions.scope = "col";
    actions.className = "ptce-actions";
    const hidden = document.createElement("span");
    hidden.className = "ptce-visually-hidden";
    hidden.textContent = "Actions";
    actions.appendChild(hidden);
    el.head.replaceChildren(...heads, actions);
    el.add.textContent = data.add_label;
    table.sync.update(data, setStateValue);
    refresh();
  };
  return table;
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".ptce-table");
  if (!root) return undefined;
  if (!root.ptceTable) root.ptceTable = createTable(root);
  root.ptceTable.update(data, setStateValue);
  return undefined;
}
