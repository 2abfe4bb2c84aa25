"""One page per rubric of Annexe 1: the call's label, limit and expectations, and the text."""

from __future__ import annotations

import streamlit as st

from ptce_assist.call import Call, Rubric
from ptce_assist.progress import completion_refusal
from ptce_assist.services import Refused, Saved
from ptce_assist.ui.coach_panel import coach_panel
from ptce_assist.ui.comments_panel import comments_panel
from ptce_assist.ui.context import call_of, note_saved, require_open
from ptce_assist.ui.copy_button import rubric_copy_button
from ptce_assist.ui.given_value import keep_given_value
from ptce_assist.ui.history_panel import history_panel
from ptce_assist.ui.journeys import Entry
from ptce_assist.ui.live_slot import live_slot
from ptce_assist.ui.rubric_field import rubric_path, rubric_text_editor
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.team import LIVE_EVERY, live, others_here, who
from ptce_assist.volumes import rubric_measure

REQUIREMENT_WORDING = {
    "obligatoire": "Rubrique obligatoire",
    "le_cas_echeant": "Rubrique à remplir « le cas échéant »",
    "optionnel_maturite": "Rubrique optionnelle selon la maturité du projet",
}


def rubric_entry(rubric: Rubric) -> Entry:
    """The rubric's page in the journeys (app.py registers it)."""

    def page() -> None:
        render(rubric.id)

    page.__name__ = f"rubrique_{rubric.id}"
    return Entry(f"rubrique:{rubric.id}", page, rubric.short_fr, ":material/edit_note:", rubric.id)


def rubric_page(rubric: Rubric) -> st.Page:
    """The rubric's page, for links (`st.page_link`)."""
    entry = rubric_entry(rubric)
    return st.Page(entry.target, title=entry.title, url_path=entry.url_path, icon=entry.icon)


def render(rubric_id: str) -> None:
    open_dossier = require_open()
    call = call_of(open_dossier.dossier)
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

    if live():
        with live_slot():
            rubric_presence(rubric.id)
    rubric_text_editor(open_dossier, rubric)
    history_panel(open_dossier, rubric_path(rubric.id), title="Historique de cette rubrique")

    done = rubric.id in open_dossier.dossier.completed_rubrics
    key, shown = _done_keys(rubric.id)
    # The box follows what is stored (ticked here, or by a teammate, in another tab); it
    # saves only when the person ticks it. Comparing it with the stored state instead wrote a
    # teammate's change back: the box kept its old state, which then looked like a new tick.
    if st.session_state.get(shown) != done or key not in st.session_state:
        st.session_state[shown] = done
        st.session_state[key] = done
    keep_given_value(key)
    st.checkbox(
        "J'ai terminé cette rubrique",
        key=key,
        disabled=not open_dossier.team,
        on_change=_on_done,
        args=(rubric.id,),
    )
    failed = st.session_state.pop(f"p:done:{rubric.id}:error", None)
    if failed:
        st.error(failed)
    refusal = completion_refusal(
        require_open().dossier, rubric, rubric_measure(require_open().dossier)
    )
    if refusal:
        st.warning(refusal, icon=":material/info:")

    dossier = require_open().dossier  # as saved by this run's callbacks
    rubric_copy_button(dossier, rubric.id)
    # The way on sits above the panels that grow as the person writes, so that it stays
    # under their pointer while the runs of their typing redraw those panels.
    _neighbours(call, rubric.id)
    coach_panel(rubric.id, dossier.rubric_text(rubric.id))
    comments_panel(rubric.id)


@st.fragment(run_every=LIVE_EVERY)
def rubric_presence(rubric_id: str) -> None:
    """Who else has this rubric open (refreshed on its own, without touching the editor)."""
    others = others_here(rubric_id)
    if not others:
        return
    names = [who(p) for p in others]
    names_text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]
    verb = "écrit" if len(names) == 1 else "écrivent"
    st.info(
        f"{md_escape(names_text)} {verb} aussi dans cette rubrique. Ce qu'une personne enregistre "
        "s'affiche chez les autres ; si vous écrivez en même temps, l'outil vous demandera "
        "quelle version garder.",
        icon=":material/group:",
    )


def _done_keys(rubric_id: str) -> tuple[str, str]:
    """The box's key, and the key of the stored state it shows."""
    return f"p:done:{rubric_id}", f"p:done:{rubric_id}#shown"


def _on_done(rubric_id: str) -> None:
    """The person ticked or unticked the box: save it (before this run reads the dossier)."""
    key, shown = _done_keys(rubric_id)
    opened = require_open()
    if not opened.team:
        return
    result = opened.access.set_rubric_done(rubric_id, bool(st.session_state.get(key)))
    if isinstance(result, Saved):
        note_saved(result.stored)
    elif isinstance(result, Refused):
        st.session_state[f"p:done:{rubric_id}:error"] = result.message
    st.session_state.pop(shown, None)  # the run shows what is stored now


def _neighbours(call: Call, rubric_id: str) -> None:
    ids = call.rubric_ids
    index = ids.index(rubric_id)
    left, right = st.columns(2)
    if index > 0:
        left.page_link(rubric_page(call.rubric(ids[index - 1])), label="← Rubrique précédente")
    if index < len(ids) - 1:
        right.page_link(rubric_page(call.rubric(ids[index + 1])), label="Rubrique suivante →")
    else:
        right.page_link("app_pages/recapitulatif.py", label="Voir le récapitulatif →")
