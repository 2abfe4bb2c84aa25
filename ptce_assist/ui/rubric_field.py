"""A rubric's text on its page: the live-counter editor bound to the stored dossier.

The editor sends its text debounced and on blur; the change callback saves it (before the
page runs, so the sidebar and the coach see the new text) with the value the editor was
seeded with as `expected`, as every bound field does (see `fields`): a change made in
another tab is never overwritten silently. A failed save keeps the text in the browser,
which keeps saying "Enregistrement…" until a later change is saved.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from ptce_assist.call import Rubric
from ptce_assist.storage import StoredDossier
from ptce_assist.ui import fields
from ptce_assist.ui.rubric_editor import editor_text, rubric_editor
from ptce_assist.volumes import allowed_lines, effective_preset

LABEL = "Votre texte"


def _session_keys(path: str) -> tuple[str, str, str]:
    """Generation of the editor (a new one re-seeds it), its next seed, the raw text saved."""
    return f"editor-gen:{path}", f"editor-seed:{path}", f"editor-saved:{path}"


def _editor_key(path: str) -> str:
    gen_key, _, _ = _session_keys(path)
    return f"editor:{path}:{st.session_state.get(gen_key, 0)}"


def _reseed(path: str, value: str) -> None:
    """Show `value` in a fresh editor: the only way to change what the browser holds."""
    gen_key, seed_key, _ = _session_keys(path)
    st.session_state[seed_key] = value
    st.session_state[gen_key] = st.session_state.get(gen_key, 0) + 1


def _save(path: str, editor_key: str) -> None:
    text = editor_text(editor_key)
    if text is None:
        return
    if fields.save_value(path, text):
        # What the browser holds is saved (possibly without its control characters).
        st.session_state[_session_keys(path)[2]] = text


def rubric_text_editor(stored: StoredDossier, rubric: Rubric, *, height: int = 360) -> None:
    path = f"rubrics.{rubric.id}"
    _, base_key, _ = fields.keys(path)
    _, seed_key, saved_key = _session_keys(path)
    editor_key = _editor_key(path)
    if editor_key not in st.session_state:  # a new editor: seeded from the database
        reseed = st.session_state.pop(seed_key, None)
        if reseed is None:
            st.session_state[base_key] = stored.dossier.rubric_text(rubric.id)
            seed_text = st.session_state[base_key]
        else:
            seed_text = reseed
        st.session_state[saved_key] = st.session_state[base_key]
    else:
        seed_text = st.session_state[base_key]
    preset_id = effective_preset(stored.dossier)
    rubric_editor(
        key=editor_key,
        text=seed_text,
        budget_lines=allowed_lines(rubric, preset_id),
        preset_id=preset_id,
        label=LABEL,
        height=height,
        saved=st.session_state[saved_key],
        on_change=partial(_save, path, editor_key),
    )
    fields.show_field_feedback(path, show=partial(_reseed, path))
