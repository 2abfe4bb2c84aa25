"""A text field bound to one path of the open dossier (single line or several).

Unlike `st.text_input`, it sends what is typed while the person types (static/ptce/sync.js: 800 ms
after the last keystroke, at least every 2 s, at once on blur), keeps what the server does
not have yet in this browser and offers it back after a reload, and says whether it is saved.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from ptce_assist.ui import bound
from ptce_assist.ui.context import OpenDossier
from ptce_assist.ui.web import module_loader, stylesheets

_HTML = (
    stylesheets("sync.css", "text_field.css")
    + """
<div class="ptce-field" data-ptce-field>
  <label class="ptce-field-label"></label>
  <span class="ptce-field-slot"></span>
  <p class="ptce-field-help" id="ptce-help" hidden></p>
  <p class="ptce-field-problem" id="ptce-problem" role="note" hidden></p>
  <p class="ptce-status" id="ptce-status" role="status" aria-live="polite"></p>
  <div class="ptce-offer" role="region" aria-label="Saisie retrouvée" hidden></div>
</div>
"""
)

_component = st.components.v2.component(
    "ptce_assist.text_field", html=_HTML, js=module_loader("text_field.js")
)


def text_field(
    open_dossier: OpenDossier,
    path: str,
    label: str,
    *,
    multiline: bool = False,
    height: int | None = None,
    help: str | None = None,
    placeholder: str | None = None,
    problem: str | None = None,
    max_chars: int | None = None,
    readonly: bool = False,
) -> None:
    """Draw the field; what is typed is saved by the dossier service (see `bound`)."""
    data = bound.field_data(open_dossier, path, readonly=readonly)
    data.update(
        label=label,
        multiline=multiline,
        height=height,
        help=help,
        placeholder=placeholder,
        problem=problem,
        max_chars=max_chars,
    )
    _component(
        key=bound.widget_key(path),
        data=data,
        default={"payload": None},
        on_payload_change=partial(bound.on_change, path),
    )
    bound.feedback(path)
