"""The dossier's personal link: shown at once when the dossier is created, and reachable from
every page (sidebar). Losing it means losing the dossier: the server keeps only its hash."""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.copy_button import copy_button
from ptce_assist.ui.links import dossier_link

JUST_CREATED = "link:just-created"

WHY_KEEP = (
    "Gardez ce lien : c'est la clé de votre dossier. Il suffit pour y revenir, depuis "
    "n'importe quel ordinateur, et pour le partager avec votre équipe. Sans lui, personne ne "
    "peut retrouver le dossier, pas même l'équipe qui gère l'outil (le serveur n'en garde "
    "qu'une empreinte). Envoyez-le-vous par e-mail ou notez-le en lieu sûr."
)


def announce_new_dossier() -> None:
    """Remember to show the link prominently on the next page (the first one of the dossier)."""
    st.session_state[JUST_CREATED] = True


def new_dossier_banner() -> None:
    """At the top of the page after creation, until the person says they kept the link."""
    if not st.session_state.get(JUST_CREATED):
        return
    with st.container(border=True):
        st.success("Votre dossier est créé. Voici votre lien personnel :", icon=":material/key:")
        st.code(dossier_link(), language=None, wrap_lines=True)
        copy_button(dossier_link(), key="link:copy-new", label="Copier le lien")
        st.caption(WHY_KEEP)
        if st.button("J'ai gardé mon lien", key="link:kept"):
            st.session_state.pop(JUST_CREATED, None)
            st.rerun()


def sidebar_link() -> None:
    """In the sidebar of every page of an open dossier."""
    with st.sidebar.expander("Mon lien personnel", icon=":material/key:"):
        st.code(dossier_link(), language=None, wrap_lines=True)
        copy_button(dossier_link(), key="link:copy-sidebar", label="Copier le lien")
        st.caption(WHY_KEEP)
