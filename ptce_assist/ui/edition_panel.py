"""The dossier's edition of the call, « Reprendre ce dossier pour l'édition … », and the
texts set aside by an earlier move (Récapitulatif page).

The plan is shown rubric by rubric before anything changes; the move is one `replace` of the
dossier through the service, with the version the page read (a change made elsewhere in the
meantime is a conflict, not an overwrite).
"""

from __future__ import annotations

import streamlit as st

from ptce_assist.call import Call, available_calls, load_call
from ptce_assist.edition_move import FATE_WORDS, EditionMove, moved_dossier, plan_move
from ptce_assist.services import Conflict, Saved
from ptce_assist.ui.context import (
    OpenDossier,
    call_of,
    forget_widgets,
    note_saved,
)
from ptce_assist.ui.notices import leave_notices
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure

TARGET_KEY = "p:edition:target"
CONFIRM_KEY = "p:edition:confirm"
SEEN_KEY = "p:edition:seen"  # the dossier's version the plan on screen was made from


def edition_name(call: Call) -> str:
    return f"{call.title} ({call.date.strftime('%d/%m/%Y')})"


def edition_section(opened: OpenDossier) -> None:
    call = call_of(opened.dossier)
    st.subheader("Édition de l'appel")
    st.markdown(f"Ce dossier suit l'appel : {md_escape(edition_name(call))}.")
    _set_aside_texts(opened)
    others = sorted((load_call(i) for i in available_calls() if i != call.id), key=lambda c: c.date)
    if not others:
        return
    with st.expander("Reprendre ce dossier pour l'édition …"):
        st.caption(
            "Le dossier passe à une autre édition de l'appel. Voici, rubrique par rubrique, ce "
            "que deviennent vos textes ; rien ne change avant votre confirmation, et aucun "
            "texte n'est effacé."
        )
        target = st.selectbox(
            "Édition",
            [c.id for c in others],
            key=TARGET_KEY,
            format_func=lambda call_id: edition_name(load_call(call_id)),
        )
        move = plan_move(opened.dossier, call, load_call(target), rubric_measure(opened.dossier))
        seen = st.session_state.get(SEEN_KEY, opened.version)
        st.session_state[SEEN_KEY] = opened.version
        _show_plan(move)
        confirmed = st.checkbox(
            "Je confirme : reprendre ce dossier pour cette édition", key=CONFIRM_KEY
        )
        if st.button("Reprendre le dossier", disabled=not confirmed, type="primary"):
            _move(opened, move, seen)


def _show_plan(move: EditionMove) -> None:
    for fate in move.rubrics:
        icon = ":material/warning:" if fate.over else ":material/arrow_right:"
        st.markdown(f"{icon} **{FATE_WORDS[fate.fate]}** — {md_escape(fate.describe())}")
    for note in move.notes:
        st.warning(note)
    if move.over_limits:
        st.warning(
            f"{len(move.over_limits)} texte(s) dépasseront la limite de leur rubrique : "
            "ils restent tels quels, à raccourcir."
        )


def _move(opened: OpenDossier, move: EditionMove, seen: int) -> None:
    """Save the move, unless the dossier changed since the person read the plan."""
    result = opened.access.replace(moved_dossier(move), expected_version=seen)
    if isinstance(result, Saved):
        note_saved(result.stored)
        forget_widgets()
        leave_notices([f"Le dossier suit désormais l'appel : {edition_name(move.target)}."])
        st.rerun()  # the navigation shows the rubrics of the new edition
    elif isinstance(result, Conflict):
        st.error(
            "Le dossier vient d'être modifié ailleurs : rien n'a changé. Relisez ce que "
            "devient chaque rubrique ci-dessus (il est à jour), puis confirmez de nouveau."
        )
    else:
        st.error(result.message)


def _set_aside_texts(opened: OpenDossier) -> None:
    kept = opened.dossier.set_aside
    if not kept:
        return
    with st.expander(f"Textes mis de côté lors d'un changement d'édition ({len(kept)})"):
        st.caption(
            "Ces textes n'ont plus de rubrique dans l'édition du dossier. Ils sont gardés ici : "
            "copiez-en ce qui peut servir dans une autre rubrique."
        )
        for item in kept:
            st.markdown(f"**{md_escape(item.label)}** (édition {md_escape(item.call_id)})")
            st.code(item.text, language=None, wrap_lines=True)
