// french.js: the words Streamlit's own frontend writes, in French, and the page's language.
//
// Why: Streamlit 1.67 has no translation. The app avoids most of its English by its settings
// (.streamlit/config.toml: no ⋮ menu, no built-in exports, its own page menu), by French
// labels everywhere and by its own components; what is left is written by Streamlit's
// frontend itself: the file uploader's button and hints, the select boxes' placeholders,
// « Press Enter to apply », the toolbars of tables and charts, « Skip to main content »...
//
// How: a MutationObserver on the whole document replaces those strings, in text and in the
// placeholder, aria-label and title attributes, as soon as they appear. Only the exact strings
// of WORDS are replaced (the whole text of a node, spaces aside), plus the few of PATTERNS that
// carry a number or a list (« 60MB per file • JSON »). Text a person typed or a file held is
// never touched: it is shown in inputs, text areas and text or code elements, skipped here.
// Installed once per page load (the component is drawn on every run, in the sidebar);
// tests/browser/test_french_ui.py checks every page for English.

export const WORDS = {
  // file uploader
  "Upload": "Choisir un fichier",
  "Browse files": "Parcourir les fichiers",
  "Drag and drop file here": "Glissez-déposez le fichier ici",
  "Drag and drop files here": "Glissez-déposez les fichiers ici",
  "Drag and drop a file here": "Glissez-déposez un fichier ici",
  "file upload": "choisir un fichier",
  "Delete": "Supprimer",
  "Remove file": "Retirer le fichier",
  // text inputs and areas
  "Press Enter to apply": "Entrée pour valider",
  "Press Enter to submit form": "Entrée pour envoyer le formulaire",
  "Press \u2318+Enter to apply": "\u2318+Entrée pour valider",
  "Press Ctrl+Enter to apply": "Ctrl+Entrée pour valider",
  "Show password": "Afficher la phrase secrète",
  "Hide password": "Masquer la phrase secrète",
  // select boxes
  "Choose an option": "Choisissez une option",
  "Choose options": "Choisissez une ou plusieurs options",
  "Select...": "Choisissez…",
  "No results": "Aucun résultat",
  "Dismiss": "Fermer",
  "Clear all": "Tout effacer",
  "Clear value": "Effacer",
  "Open the select": "Ouvrir la liste",
  // tables and charts
  "Add row": "Ajouter une ligne",
  "Delete row(s)": "Supprimer les lignes",
  "Show/hide columns": "Afficher ou masquer des colonnes",
  "Download as CSV": "Télécharger en CSV",
  "Search": "Rechercher",
  "Fullscreen": "Plein écran",
  "Close fullscreen": "Quitter le plein écran",
  "Show data": "Afficher les données",
  "Show chart": "Afficher le graphique",
  "Download as PNG": "Télécharger en PNG",
  "Copy Vega-Lite spec": "Copier la description du graphique",
  "Copied!": "Copié !",
  "Copy to clipboard": "Copier",
  "Copied": "Copié",
  // download buttons built on click (the server's or the page's answer to a failed request)
  "Failed to generate file for download":
    "Le fichier n'a pas pu être préparé. Cliquez de nouveau sur le bouton.",
  "Download failed": "Le téléchargement a échoué. Cliquez de nouveau sur le bouton.",
  "Request timed out": "Le serveur n'a pas répondu à temps. Cliquez de nouveau sur le bouton.",
  "Connection closed":
    "La connexion au serveur a été coupée. Cliquez de nouveau sur le bouton.",
  // the page
  "Skip to main content": "Aller au contenu principal",
  "Close": "Fermer",
  "Running...": "Calcul en cours…",
  "Stop": "Arrêter",
  "Connecting": "Connexion…",
  "Please wait...": "Veuillez patienter…",
  "Connection error": "Connexion interrompue",
  "Manage app": "Gérer l'application",
  "Collapse sidebar": "Replier le menu",
  "Expand sidebar": "Déplier le menu",
  "Sidebar": "Menu",
  "Open": "Ouvrir",
  "Link to heading": "Lien vers ce titre",
  "Increment": "Augmenter",
  "Decrement": "Diminuer",
  "progress": "progression",
};

// The Material icons the app puts in its sentences (`:material/name:`), as a screen reader
// says them: the name of the icon is English (« check_box icon »).
export const ICONS = {
  check: "trouvé",
  check_box: "fait",
  check_box_outline_blank: "à faire",
  check_circle: "conforme",
  add_circle: "à ajouter",
  info: "information",
  warning: "attention",
  error: "erreur",
  cancel: "non conforme",
  help: "question",
  radio_button_unchecked: "vide",
  pending: "en cours",
};

const UNITS = { B: "o", KB: "Ko", MB: "Mo", GB: "Go" };

export const PATTERNS = [
  // « 60MB per file • JSON/DOCX », « Limit 200MB per file »
  [/^(?:Limit )?(\d+(?:[.,]\d+)?)\s?(B|KB|MB|GB) per file(?: \u2022 (.+))?$/,
    (m) => `${m[1].replace(".", ",")}\u00a0${UNITS[m[2]]} par fichier` +
      (m[3] ? ` \u2022 ${m[3]}` : "")],
  // « Drag and drop .docx files here »
  [/^Drag and drop (.+) here$/, (m) => `Glissez-déposez ${m[1]} ici`],
  // what a select box's list tells screen readers: « 19 options available. »
  [/^(\d+) options? available\.?$/, (m) => `${m[1]} choix possible${m[1] === "1" ? "" : "s"}.`],
  // the help icon of a widget: « Help for Stade de maturité »
  [/^Help for (.+)$/, (m) => `Aide : ${m[1]}`],
  // an icon in a sentence: « check_box icon » (one that says nothing is hidden instead)
  [/^([a-z0-9_]+) icon$/, (m) => ICONS[m[1]] || ""],
];

const ATTRIBUTES = ["placeholder", "aria-label", "title"];
// Text a person typed or a file held: never translated, whatever it says.
const USER_TEXT = "[data-testid='stText'], [data-testid='stCode'], " +
  "[data-testid='stCodeBlock'], textarea, input, [data-ptce-user]";

/** The French for a whole string of Streamlit's, or null when it is not one of them. */
export function translate(text) {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) {
    const french = WORDS[trimmed];
    return french === null ? null : text.replace(trimmed, french);
  }
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) return text.replace(trimmed, make(match));
  }
  return null;
}

function userText(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return Boolean(element && element.closest(USER_TEXT));
}

function translateText(node) {
  if (userText(node)) return;
  const french = translate(node.data);
  if (french !== null && french !== node.data) node.data = french;
}

function translateAttributes(element) {
  if (element.matches("textarea, [data-ptce-user]")) return;
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const french = value === null ? null : translate(value);
    if (french === "" && name === "aria-label") {  // a decorative icon: not read at all
      element.removeAttribute(name);
      element.removeAttribute("role");
      element.setAttribute("aria-hidden", "true");
    } else if (french !== null && french !== value) {
      element.setAttribute(name, french);
    }
  }
}

/** Translate a node and everything under it. */
export function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return;
  if (root.nodeType === Node.ELEMENT_NODE) translateAttributes(root);
  const walker = document.createTreeWalker(
    root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) translateText(node);
    else translateAttributes(node);
  }
}

export function install(doc = document) {
  doc.documentElement.lang = "fr";
  if (globalThis.ptceFrench) return globalThis.ptceFrench;
  translateTree(doc.body);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "childList") record.addedNodes.forEach(translateTree);
      else if (record.type === "characterData") translateText(record.target);
      else if (record.type === "attributes") translateAttributes(record.target);
    }
  });
  observer.observe(doc.body, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ATTRIBUTES,
  });
  globalThis.ptceFrench = { translate, observer };
  return globalThis.ptceFrench;
}

export default function () {
  install();
  return undefined;
}
