// The first name this browser writes under (kept in localStorage, changeable): it tells the
// team who is writing and signs the versions in the history. The name reaches the page only
// through textContent and value.
//
// Also this tab's id (kept in sessionStorage: it survives a reload, another tab has its own).
// The team's presence is written under it: a reload starts a new server session, and under a
// session's own key the person saw themselves as someone else for the minute the old
// session's presence lasts.

const KEY = "ptce:prenom";
const MAX = 40;
const TAB_KEY = "ptce:onglet";

function newTabId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

let pageTabId = null; // when sessionStorage is refused: this page load only

function tabId() {
  try {
    let id = window.sessionStorage.getItem(TAB_KEY);
    if (!id || !/^[0-9a-f]{24}$/.test(id)) {
      id = newTabId();
      window.sessionStorage.setItem(TAB_KEY, id);
    }
    return id;
  } catch (error) {
    if (!pageTabId) pageTabId = newTabId();
    return pageTabId;
  }
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
    const tab = tabId();
    if (tab !== data.tab) setStateValue("tab", tab);
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
