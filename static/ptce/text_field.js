// A text field bound to one path of the dossier. Single line (<input>) or several
// (<textarea>); the label, the help and the problem are shown with textContent only: user
// and file text never becomes HTML.

const VERSION = new URL(import.meta.url).search;
await import(`./sync.js${VERSION}`);
const { PtceSync, PTCE_STATE_WORDS } = globalThis;

function createField(root, data) {
  const control = document.createElement(data.multiline ? "textarea" : "input");
  control.id = "ptce-control";
  control.className = "ptce-control";
  control.setAttribute("lang", "fr");
  control.spellcheck = true;
  if (!data.multiline) control.type = "text";
  const label = root.querySelector(".ptce-field-label");
  label.setAttribute("for", control.id);
  root.querySelector(".ptce-field-slot").replaceWith(control);
  const status = root.querySelector(".ptce-status");
  const field = {
    control,
    sync: new PtceSync({
      read: () => control.value,
      write: (value) => {
        control.value = value === null || value === undefined ? "" : String(value);
      },
      onState: (state, words) => {
        status.dataset.state = state;
        status.textContent = state === "saved" && !field.everSent ? "" : words;
        if (state !== "saved") field.everSent = true;
      },
      offerBox: root.querySelector(".ptce-offer"),
      host: root,
      describe: (value) => String(value ?? ""),
    }),
    everSent: false,
  };
  control.addEventListener("input", () => field.sync.changed());
  control.addEventListener("blur", () => field.sync.flush());
  control.addEventListener("keydown", (event) => {
    // Enter in a single-line field sends at once (as Streamlit's own fields do).
    if (event.key === "Enter" && !data.multiline) field.sync.flush();
  });
  return field;
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".ptce-field");
  if (!root) return undefined;
  if (!root.ptceField) root.ptceField = createField(root, data);
  const { control, sync } = root.ptceField;
  root.querySelector(".ptce-field-label").textContent = data.label;
  const help = root.querySelector(".ptce-field-help");
  help.textContent = data.help || "";
  help.hidden = !data.help;
  const problem = root.querySelector(".ptce-field-problem");
  problem.textContent = data.problem || "";  // its icon: sync.css
  problem.hidden = !data.problem;
  control.placeholder = data.placeholder || "";
  control.readOnly = Boolean(data.readonly);
  if (data.multiline) control.style.height = `${data.height || 96}px`;
  if (data.max_chars) control.maxLength = data.max_chars;
  control.setAttribute("aria-invalid", data.problem ? "true" : "false");
  const described = [help.hidden ? null : "ptce-help", problem.hidden ? null : "ptce-problem"];
  control.setAttribute("aria-describedby", described.filter(Boolean).join(" ") || "ptce-status");
  sync.update(data, setStateValue);
  return undefined;
}
