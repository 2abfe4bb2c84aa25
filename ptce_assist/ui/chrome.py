"""What every page shows around its content: the dossier's progress in the sidebar."""

from __future__ import annotations

import streamlit as st

from ptce_assist.progress import overall_progress
from ptce_assist.ui.context import call_of, current_stored
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure


def sidebar_progress() -> None:
    stored = current_stored()
    with st.sidebar:
        if stored is None:
            st.caption("Aucun dossier ouvert.")
            return
        dossier = stored.dossier
        overall = overall_progress(dossier, call_of(dossier), rubric_measure(dossier))
        st.markdown("**Progression du dossier**")
        st.progress(
            overall.fraction,
            text=(
                f"Identité : {overall.identity_filled}/{overall.identity_total} · "
                f"Rubriques complètes : {overall.rubrics_done}/{overall.rubrics_total}"
            ),
        )
        name = dossier.project.name.strip() or "Projet sans nom"
        st.caption(f"Dossier : {md_escape(name)}")
