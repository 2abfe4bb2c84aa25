"""A rubric's text area with a live line counter computed in the browser.

The counter is static/ptce/layout.js, the JavaScript twin of ptce_assist.layout fed the
same metrics JSON: it gives, at every keystroke, the lines LibreOffice will render from the
exported DOCX. The text travels to Python as every bound field's does (static/ptce/sync.js:
while typing, at least every 2 s, at once on blur; kept in the browser until the server has
it). The scripts are static/ptce/rubric_editor.js and the files it imports.

    rubric_editor(key=..., sync=bound.field_data(open_dossier, "rubrics.gouvernance"),
                  budget_lines=15, preset_id="arial11", label="Votre texte",
                  on_change=partial(bound.on_change, "rubrics.gouvernance"))

`sync` is the field's synchronisation data (see `ptce_assist.ui.bound`); the text the browser
sent is then in `editor_payload(key)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from ptce_assist.layout.metrics import metrics_json
from ptce_assist.layout.presets import get_preset
from ptce_assist.ui.web import module_loader, stylesheets

# The text area's height, in the HTML itself: the component draws before its styles and
# script have loaded, and a text area growing then pushed the page below it down by 300 px.
TEXT_HEIGHT_PX = 360

_HTML = (
    stylesheets("sync.css", "rubric_editor.css")
    + f"""
<div class="ptce-editor" data-ptce-field>
  <label class="ptce-label" for="ptce-text"></label>
  <textarea id="ptce-text" lang="fr" spellcheck="true"
    style="height: {TEXT_HEIGHT_PX}px"></textarea>
  <div class="ptce-counter" role="status" aria-live="polite" data-state="ok">
    <span class="ptce-icon" aria-hidden="true"></span>
    <span class="ptce-state"></span>
    <span class="ptce-lines"></span>
    <span class="ptce-detail"></span>
  </div>
  <p class="ptce-save ptce-status" role="status" aria-live="polite" data-state="saved"></p>
  <div class="ptce-offer" role="region" aria-label="Saisie retrouvée" hidden></div>
  <p class="ptce-warning" role="alert" hidden></p>
  <details class="ptce-preview">
    <summary>Aperçu de la mise en page</summary>
    <div class="ptce-page" lang="fr"></div>
  </details>
  <p class="ptce-note"></p>
</div>
"""
)

# What the browser draws the preview with: the DOCX font, else its metric-compatible twin.
CSS_FONTS: dict[str, str] = {
    "Arial": "Arial, 'Liberation Sans', Arimo, Helvetica, sans-serif",
    "Calibri": "Calibri, Carlito, sans-serif",
    "Times New Roman": "'Times New Roman', 'Liberation Serif', Tinos, Times, serif",
}


_component = st.components.v2.component(
    "ptce_assist.rubric_editor", html=_HTML, js=module_loader("rubric_editor.js")
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


def editor_payload(key: str) -> Mapping[str, Any] | None:
    """The latest `{v, base, seq}` the browser sent for the editor `key` (None before any)."""
    state = st.session_state.get(key)
    value = state.get("payload") if isinstance(state, Mapping) else None
    return value if isinstance(value, Mapping) and isinstance(value.get("v"), str) else None


def rubric_editor(
    *,
    key: str,
    sync: Mapping[str, Any],
    budget_lines: int,
    preset_id: str,
    label: str,
    on_change: Callable[[], None],
) -> None:
    """Show the editor; `on_change` runs (before the page, as a widget callback) whenever
    the browser sends the text."""
    _component(
        key=key,
        data={
            **sync,
            "budget": int(budget_lines),
            "label": label,
            "preset": preset_payload(preset_id),
        },
        default={"payload": None},
        on_payload_change=on_change,
    )
