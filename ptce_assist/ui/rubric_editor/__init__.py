"""A rubric's text area with a live line counter computed in the browser.

The counter is layout.js, the JavaScript twin of ptce_assist.layout fed the same metrics
JSON: it gives, at every keystroke, the lines LibreOffice will render from the exported
DOCX. Python receives the text debounced (800 ms after the last keystroke) and on blur.

    text = rubric_editor(key="rubric:gouvernance", text=stored, budget_lines=15,
                         preset_id="arial11", label="Votre texte")
    if text != stored:
        save(text)

`text` seeds the editor when it appears; while it stays on the page its own content wins
(a rerun never overwrites what is being typed), so the caller saves what it returns, or
saves in `on_change` (run before the page, like a widget callback; the text is then in
`editor_text(key)`). `saved` is the text the server holds: the editor says "Enregistré"
when what is typed is that, and "Modifications non enregistrées" otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from ptce_assist.layout.metrics import metrics_json
from ptce_assist.layout.presets import get_preset

_HERE = Path(__file__).resolve().parent

_HTML = """
<div class="ptce-editor">
  <label class="ptce-label" for="ptce-text"></label>
  <textarea id="ptce-text" lang="fr" spellcheck="true"></textarea>
  <div class="ptce-counter" role="status" aria-live="polite" data-state="ok">
    <span class="ptce-icon" aria-hidden="true"></span>
    <span class="ptce-state"></span>
    <span class="ptce-lines"></span>
    <span class="ptce-detail"></span>
  </div>
  <p class="ptce-save" role="status" aria-live="polite" data-state="saved"></p>
  <p class="ptce-warning" role="alert" hidden></p>
  <details class="ptce-preview">
    <summary>Aperçu de la mise en page</summary>
    <div class="ptce-page" lang="fr"></div>
  </details>
  <p class="ptce-note"></p>
</div>
"""

# What the browser draws the preview with: the DOCX font, else its metric-compatible twin.
CSS_FONTS: dict[str, str] = {
    "Arial": "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif",
    "Calibri": "Calibri, Carlito, sans-serif",
    "Times New Roman": "'Times New Roman', 'Liberation Serif', Tinos, Times, serif",
}


def _read(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def component_js() -> str:
    """layout.js then editor.js: one ES module, the engine in scope of the editor."""
    return _read("layout.js") + "\n" + _read("editor.js")


_component = st.components.v2.component(
    "ptce_assist.rubric_editor",
    html=_HTML,
    css=_read("editor.css"),
    js=component_js(),
)


def preset_payload(preset_id: str) -> dict[str, Any]:
    """What layout.js needs to lay out text like ptce_assist.layout does."""
    preset = get_preset(preset_id)
    return {
        "id": preset.id,
        "label": preset.label,
        "size_pt": preset.size_pt,
        "line_width_twips": preset.line_width_twips,
        "line_height_twips": preset.line_height_twips,
        "lines_per_page": preset.lines_per_page,
        "css_font": CSS_FONTS.get(preset.font_name, "sans-serif"),
        "metrics": metrics_json(preset.metrics_file),
    }


def _noop() -> None:
    """State callbacks must exist for the component to keep a "text" state."""


def editor_text(key: str) -> str | None:
    """The text the browser last sent for the editor `key` (None before any)."""
    state = st.session_state.get(key)
    latest = state.get("text") if isinstance(state, Mapping) else None
    return latest if isinstance(latest, str) else None


def rubric_editor(
    *,
    key: str,
    text: str,
    budget_lines: int,
    preset_id: str,
    label: str,
    height: int = 300,
    saved: str | None = None,
    on_change: Callable[[], None] | None = None,
) -> str:
    """Show the editor and return its latest text (`text` until the browser sends one)."""
    latest = editor_text(key)
    # Seed with what the browser last sent, not the caller's stored copy: in the run that a
    # send triggers, the caller has not saved it yet, and a stale seed must not exist.
    seed = latest if latest is not None else text
    result = _component(
        key=key,
        data={
            "text": seed,
            "budget": int(budget_lines),
            "label": label,
            "height": int(height),
            "preset": preset_payload(preset_id),
            "saved": seed if saved is None else saved,
        },
        default={"text": seed},
        on_text_change=on_change or _noop,
    )
    value = result.get("text") if isinstance(result, Mapping) else None
    return value if isinstance(value, str) else seed
