"""One page per rubric of Annexe 1: the call's label, limit and expectations, and the text."""

from __future__ import annotations

import streamlit as st

from ptce_assist.call import Rubric, load_call
from ptce_assist.progress import completion_refusal
from ptce_assist.ui import fields
from ptce_assist.ui.coach_panel import coach_panel
from ptce_assist.ui.comments_panel import comments_panel
from ptce_assist.ui.context import call_of, require_dossier
from ptce_assist.ui.copy_button import rubric_copy_button
from ptce_assist.ui.rubric_field import rubric_text_editor
from ptce_assist.volumes import rubric_measure

REQUIREMENT_WORDING = {
    "obligatoire": "Rubrique obligatoire",
    "le_cas_echeant": "Rubrique à remplir « le cas échéant »",
    "optionnel_maturite": "Rubrique optionnelle selon la maturité du projet",
}


def rubric_page(rubric: Rubric) -> st.Page:
    def page() -> None:
        render(rubric.id)

    page.__name__ = f"rubrique_{rubric.id}"
    return st.Page(page, title=rubric.short_fr, url_path=rubric.id, icon=":material/edit_note:")


def render(rubric_id: str) -> None:
    stored = require_dossier()
    call = call_of(stored.dossier)
    rubric = call.rubric(rubric_id)
    if rubric.prefix:
        st.caption(rubric.prefix)
    st.subheader(rubric.label)
    note = f" — {rubric.limit_note}" if rubric.limit_note else ""
    st.markdown(f"**Volume : {rubric.limit_label}**{note}")
    st.caption(REQUIREMENT_WORDING[rubric.requirement])
    with st.expander("Ce que l'appel attend dans cette rubrique", expanded=False):
        for quote in rubric.expects:
            st.markdown(f"> {quote}")
        st.caption(rubric.help)

    rubric_text_editor(stored, rubric)

    done = rubric.id in stored.dossier.completed_rubrics
    if st.checkbox("J'ai terminé cette rubrique", value=done, key=f"done:{rubric.id}") != done:
        _toggle_done(rubric.id, not done)
        st.rerun()
    refusal = completion_refusal(stored.dossier, rubric, rubric_measure(stored.dossier))
    if refusal:
        st.warning(refusal, icon=":material/info:")

    rubric_copy_button(stored.dossier, rubric.id)
    coach_panel(rubric.id, require_dossier().dossier.rubric_text(rubric.id))
    comments_panel(rubric.id)
    _neighbours(rubric.id)


def _toggle_done(rubric_id: str, done: bool) -> None:
    path = "completed_rubrics"
    stored = require_dossier()
    before = list(stored.dossier.completed_rubrics)
    after = sorted({*before, rubric_id}) if done else [r for r in before if r != rubric_id]
    st.session_state[f"base:{path}"] = before
    fields.save_value(path, after)


def _neighbours(rubric_id: str) -> None:
    ids = load_call().rubric_ids
    index = ids.index(rubric_id)
    left, right = st.columns(2)
    if index > 0:
        left.page_link(_page_for(ids[index - 1]), label="← Rubrique précédente")
    if index < len(ids) - 1:
        right.page_link(_page_for(ids[index + 1]), label="Rubrique suivante →")
    else:
        right.page_link("app_pages/recapitulatif.py", label="Voir le récapitulatif →")


def _page_for(rubric_id: str) -> st.Page:
    return rubric_page(load_call().rubric(rubric_id))
