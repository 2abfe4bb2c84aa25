// The first name this browser writes under (kept in localStorage, changeable): it tells the
// team who is writing and signs the versions in the history. The name reaches the page only
// through textContent and value.
//
// Also this tab's id (kept in sessionStorage: a reload keeps it, another tab has its own).
// The team's presence is written under it: a reload starts a new server session, and under a
// session's own key the person saw themselves as someone else for the minute the old
// session's presence lasts. A duplicated tab starts with a copy of sessionStorage: on load a
// tab asks the others (BroadcastChannel) whether its id is taken, and takes a new one if so.

const KEY = "ptce:prenom";
const MAX = 40;
const TAB_KEY = "ptce:onglet";
const TAB_ID = /^[0-9a-f]{24}$/;

const tab = { id: null, report: null };

function newTabId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function keepTabId(id) {
  try {
    window.sessionStorage.setItem(TAB_KEY, id);
  } catch (error) {
    /* refused: the id lasts for this page load only */
  }
}

function readTabId() {
  try {
    const id = window.sessionStorage.getItem(TAB_KEY);
    if (id && TAB_ID.test(id)) return id;
  } catch (error) {
    /* refused: a new id for this page load */
  }
  const id = newTabId();
  keepTabId(id);
  return id;
}

function startTab() {
  tab.id = readTabId();
  if (typeof BroadcastChannel !== "function") return;
  const channel = new BroadcastChannel(TAB_KEY);
  channel.onmessage = ({ data }) => {
    if (!data || data.id !== tab.id) return;
    if (data.kind === "ask") {
      channel.postMessage({ kind: "taken", id: tab.id });
    } else if (data.kind === "taken") {
      // An answer to this tab's own question (a tab does not hear itself): a duplicate.
      tab.id = newTabId();
      keepTabId(tab.id);
      if (tab.report) tab.report(tab.id);
    }
  };
  channel.postMessage({ kind: "ask", id: tab.id });
}

function stored() {
  try {
    return (window.localStorage.getItem(KEY) || "").slice(0, MAX);
  } catch (error) {
    return "";
  }
}

function keep(name) {
  try {
    window.localStorage.setItem(KEY, name);
  } catch (error) {
    /* private mode: the name lasts for this page only */
  }
}

function build(root) {
  const shown = root.querySelector(".ptce-member-shown");
  const text = root.querySelector(".ptce-member-text");
  const change = root.querySelector(".ptce-member-change");
  const form = root.querySelector("form");
  const input = root.querySelector("input");
  const member = { send: null, name: "" };
  const show = () => {
    const name = member.name;
    shown.hidden = !name;
    form.hidden = Boolean(name);
    text.textContent = name ? `Vous écrivez sous le prénom « ${name} »` : "";
  };
  change.addEventListener("click", () => {
    input.value = member.name;
    shown.hidden = true;
    form.hidden = false;
    input.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = input.value.replace(/\s+/g, " ").trim().slice(0, MAX);
    if (!name) return;
    keep(name);
    member.name = name;
    show();
    if (globalThis.ptceGuard) globalThis.ptceGuard.expectSend();
    if (member.send) member.send("name", name);
  });
  member.update = (data, setStateValue) => {
    member.send = setStateValue;
    const mine = stored();
    if (!member.name) member.name = mine || data.name || "";
    if (mine && mine !== data.name) setStateValue("name", mine); // tell this session once
    if (!tab.id) startTab();
    tab.report = (id) => setStateValue("tab", id);
    if (tab.id !== data.tab) setStateValue("tab", tab.id);
    root.toggleAttribute("data-tab-known", tab.id === data.tab); // (the server knows it)
    show();
  };
  return member;
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".ptce-member");
  if (!root) return undefined;
  if (!root.ptceMember) root.ptceMember = build(root);
  root.ptceMember.update(data, setStateValue);
  return undefined;
}
