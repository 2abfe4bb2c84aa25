"""The adviser's hold on who is in the workshop: the members, removing one, a new join code.

One person could fill a workshop with dossiers of their own (issue 17): the adviser sees every
member with the day it joined, removes the intruders and renews the code so they cannot come
back with it; the teams already in stay.
"""

from __future__ import annotations

import streamlit as st

from ptce_assist.ui.roles import Adviser
from ptce_assist.workshops.access import AccessDenied, WorkshopService
from ptce_assist.workshops.codes import format_join_code

_NOTICE_KEY = "p:members-notice"


def members_panel(service: WorkshopService, adviser: Adviser) -> None:
    notice = st.session_state.pop(_NOTICE_KEY, None)
    if notice:
        st.success(notice)
    with st.expander("Équipes de l'atelier et code d'accès", icon=":material/group:"):
        try:
            members = service.members(adviser.token)
        except AccessDenied as error:
            st.error(str(error))
            return
        st.markdown(f"**{len(members)} équipe(s)** ont rejoint l'atelier.")
        for member in members:
            name, when, action = st.columns([4, 2, 1.4], vertical_alignment="center")
            name.text(member.project_name or f"Projet sans nom (n° {member.dossier_id})")
            name.caption(f"Dossier n° {member.dossier_id}")
            when.text(f"depuis le {member.joined_at.astimezone().strftime('%d/%m/%Y %H:%M')}")
            if action.button("Retirer", key=f"p:remove:{member.dossier_id}"):
                service.remove_member(adviser.token, member.dossier_id)
                st.session_state[_NOTICE_KEY] = (
                    f"Le dossier n° {member.dossier_id} ne fait plus partie de l'atelier. "
                    "Pour qu'il ne puisse pas revenir avec le même code, renouvelez le code."
                )
                st.rerun()
        st.markdown(
            "**Renouveler le code** : l'ancien code cesse aussitôt de fonctionner ; les équipes "
            "déjà dans l'atelier y restent. Donnez le nouveau code aux équipes qui doivent "
            "encore le rejoindre."
        )
        if st.button("Renouveler le code de l'atelier", key="p:renew-code"):
            renewed = service.renew_join_code(adviser.token)
            st.session_state[_NOTICE_KEY] = (
                f"Nouveau code de l'atelier : {format_join_code(renewed.join_code)}. "
                "L'ancien ne fonctionne plus."
            )
            st.rerun()
