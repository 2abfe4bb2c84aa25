"""Écrire en équipe: invite a member (the personal link and what it gives), a new link
replacing the old one if it went too far, and who is here now."""

from __future__ import annotations

import streamlit as st

from ptce_assist.services import Refused
from ptce_assist.ui.context import call_of, get_service, note_saved, open_token, require_team
from ptce_assist.ui.copy_button import copy_button
from ptce_assist.ui.links import dossier_link
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.team import member_name, place_name, present_now, who

FLASH = "team:flash"

opened = require_team()  # the team's own page, not an adviser's
call = call_of(opened.dossier)

st.title("Écrire en équipe")
flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(flash)

st.subheader("Inviter un membre de l'équipe")
st.markdown(
    "Envoyez-lui ce lien. **Il donne un accès complet au dossier** : toute personne qui l'a "
    "peut lire et modifier tous les textes. Ne l'envoyez qu'aux membres de l'équipe."
)
st.code(dossier_link(), language=None, wrap_lines=True)
copy_button(dossier_link(), key="team:copy", label="Copier le lien")
st.caption(
    "Chaque personne donne son prénom la première fois (dans le menu de gauche) : l'équipe "
    "voit qui écrit où, et l'historique de chaque rubrique dit qui a écrit quoi."
)

st.subheader("Le lien a circulé trop loin ?")
st.markdown(
    "Créez un nouveau lien : **l'ancien cesse aussitôt d'ouvrir le dossier**, pour tout le "
    "monde. Les personnes qui ont le dossier ouvert avec l'ancien lien sont prévenues ; "
    "envoyez le nouveau lien aux membres de l'équipe."
)
sure = st.checkbox("Je comprends que l'ancien lien ne fonctionnera plus", key="team:replace-sure")


def replace_link() -> None:
    link = opened.token
    if link is None:
        return
    result = get_service().replace_link(link)
    if isinstance(result, Refused):
        st.session_state[FLASH + ":error"] = result.message
        return
    token, stored = result
    open_token(token)
    note_saved(stored)
    st.session_state[FLASH] = (
        "Nouveau lien créé : l'ancien n'ouvre plus le dossier. Envoyez le nouveau lien ci-dessus "
        "aux membres de l'équipe."
    )


st.button(
    "Créer un nouveau lien",
    key="team:replace",
    disabled=not sure,
    on_click=replace_link,
    icon=":material/key:",
)
failed = st.session_state.pop(FLASH + ":error", None)
if failed:
    st.error(failed)

# Last: who is here arrives a run or two after the page (the tab's id, then the first name);
# above the link's controls it moved them down just as a person could click them.
st.subheader("En ce moment dans ce dossier")
mine = member_name()
if mine:
    st.caption(md_escape(f"Vous : {mine}"))
others = present_now(opened.id)
if others == []:  # (None: the tab has not told its id yet; nothing rather than wrong)
    st.caption("Personne d'autre n'a le dossier ouvert.")
for present in others or []:
    st.caption(md_escape(f"{who(present)} — {place_name(present.place, call)}"))
