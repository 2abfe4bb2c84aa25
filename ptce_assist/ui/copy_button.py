"""A button that puts a text on the clipboard (custom component v2, no build step).

The text travels as component data (JSON) and is only ever handed to the clipboard API or
set as a textarea's `value`: it is never parsed as HTML. `navigator.clipboard` needs a secure
context (https or localhost); elsewhere a hidden, selected textarea and
`document.execCommand("copy")` take over. The feedback ("Copié !") is French and announced
to screen readers (role="status").
"""

from __future__ import annotations

from functools import cache
from typing import Any

import streamlit as st

from ptce_assist.dossier import Dossier
from ptce_assist.plaintext import rubric_plaintext

_HTML = """
<div class="ptce-copy">
  <button type="button" class="ptce-copy-button"></button>
  <span class="ptce-copy-status" role="status" aria-live="polite"></span>
</div>
"""

_CSS = """
.ptce-copy { display: flex; align-items: center; gap: 0.6rem; font-family: inherit; }
.ptce-copy-button {
  font: inherit; font-size: 0.95rem; padding: 0.35rem 0.8rem; cursor: pointer;
  border-radius: 0.5rem; border: 1px solid var(--st-border-color, #d0d0d7);
  background: var(--st-secondary-background-color, #f0f2f6);
  color: var(--st-text-color, #31333f);
}
.ptce-copy-button:hover { border-color: var(--st-primary-color, #ff4b4b); }
.ptce-copy-button:focus-visible { outline: 2px solid var(--st-primary-color, #ff4b4b); }
.ptce-copy-status { font-size: 0.9rem; color: var(--st-text-color, #31333f); }
"""

_JS = """
function fallbackCopy(text) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.focus();
  area.select();
  area.setSelectionRange(0, text.length);
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  document.body.removeChild(area);
  return ok;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* below */ }
  }
  return fallbackCopy(text);
}

export default function (component) {
  const { data, parentElement } = component;
  const button = parentElement.querySelector(".ptce-copy-button");
  const status = parentElement.querySelector(".ptce-copy-status");
  const text = (data && typeof data.text === "string") ? data.text : "";
  button.textContent = (data && data.label) || "Copier le texte";
  button.disabled = text.length === 0;
  button.title = text.length === 0 ? "Rien à copier" : "";
  button.onclick = async () => {
    const ok = await copyText(text);
    status.textContent = ok
      ? "Copié !"
      : "Copie impossible : sélectionnez le texte puis Ctrl+C.";
    clearTimeout(button._ptceTimer);
    button._ptceTimer = setTimeout(() => { status.textContent = ""; }, ok ? 2500 : 6000);
  };
}
"""


@cache
def _component() -> Any:
    """Registered once, on first use inside a script run (not at import time)."""
    return st.components.v2.component("ptce_copy_button", html=_HTML, css=_CSS, js=_JS)


def copy_button(text: str, *, key: str, label: str = "Copier le texte") -> None:
    """Show a button that copies `text` to the clipboard when clicked."""
    _component()(key=key, data={"text": text, "label": label}, width="content")


def rubric_copy_button(dossier: Dossier, rubric_id: str) -> None:
    """The rubric page's button: the rubric's text, ready to paste in démarches-simplifiées."""
    copy_button(
        rubric_plaintext(dossier, rubric_id),
        key=f"copy_rubric:{rubric_id}",
        label="Copier le texte pour démarches-simplifiées",
    )
