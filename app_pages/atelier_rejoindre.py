"""Rejoindre un atelier: the candidate attaches their dossier with the workshop's code."""

from __future__ import annotations

import streamlit as st

from ptce_assist.regions import region_name
from ptce_assist.ui.comments_panel import all_comments_panel
from ptce_assist.ui.context import current_token, require_team
from ptce_assist.ui.roles import client_id, get_workshops
from ptce_assist.ui.safe import md_escape
from ptce_assist.workshops.access import AccessDenied, Slowed, WorkshopInputError

require_team()
token = current_token()
service = get_workshops()

st.title("Rejoindre un atelier")
st.markdown(
    "Votre CRESS organise des **ateliers** pour accompagner plusieurs équipes. En rejoignant "
    "un atelier, vous permettez à la conseillère ou au conseiller qui l'anime de **lire votre "
    "dossier et de le commenter**. Les autres équipes ne le voient pas. Vous pouvez quitter "
    "l'atelier à tout moment."
)

notice = st.session_state.pop("workshop_notice", None)
if notice:
    st.success(notice)

try:
    mine = service.my_workshops(token)
except AccessDenied as error:
    st.error(str(error))
    st.stop()

if mine:
    st.subheader("Vos ateliers")
    for workshop in mine:
        with st.container(border=True):
            days = ", ".join(d.strftime("%d/%m/%Y") for d in workshop.days)
            st.markdown(
                f"**{md_escape(workshop.name)}** · {md_escape(region_name(workshop.region))}"
            )
            st.caption(f"Séances : {days}")
            if st.button("Quitter cet atelier", key=f"leave:{workshop.id}"):
                service.leave(token, workshop.id)
                st.session_state["workshop_notice"] = (
                    "Vous avez quitté l'atelier : son animateur ne voit plus votre dossier."
                )
                st.rerun()

st.subheader("Rejoindre avec un code")
with st.form("join_workshop", clear_on_submit=False):
    code = st.text_input(
        "Code de l'atelier (8 caractères, par exemple ABCD-EFGH)", key="join_code", max_chars=20
    )
    joined = st.form_submit_button("Rejoindre l'atelier", type="primary")
if joined:
    try:
        workshop = service.join(token, code, client_id())
    except (AccessDenied, Slowed, WorkshopInputError) as error:
        st.error(str(error))
    else:
        st.session_state["workshop_notice"] = (
            f"Vous avez rejoint l'atelier « {md_escape(workshop.name)} » : son animateur "
            "voit désormais votre dossier et peut le commenter."
        )
        st.rerun()

st.subheader("Commentaires reçus")
all_comments_panel()
