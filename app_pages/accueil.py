"""Accueil: what the AMI is, how the tool works, start or resume a dossier."""

from __future__ import annotations

import streamlit as st

from ptce_assist.backup import BackupError, load_backup
from ptce_assist.call import load_call
from ptce_assist.call_wording import template_summary
from ptce_assist.storage.tokens import looks_like_token
from ptce_assist.ui.context import (
    call_of,
    close_dossier,
    create_dossier,
    current_stored,
    get_store,
    open_token,
)
from ptce_assist.ui.copy_button import copy_button
from ptce_assist.ui.links import dossier_link
from ptce_assist.ui.notices import leave_notices
from ptce_assist.ui.personal_link import WHY_KEEP, announce_new_dossier
from ptce_assist.ui.safe import md_escape

stored = current_stored()
# The open dossier's edition; without a dossier, the one a new dossier would follow.
call = call_of(stored.dossier) if stored is not None else load_call()

st.title("ptce-assist")
st.markdown(
    "Un assistant pour rédiger le **dossier de candidature à l'AMI PTCE** "
    "(appel à manifestation d'intérêt permanent de l'État pour accompagner l'émergence et le "
    "développement des pôles territoriaux de coopération économique, piloté par la Direction "
    "générale du Trésor et déposé sur démarches-simplifiées)."
)
with st.expander("L'AMI en bref", expanded=False):
    st.markdown(f"> {call.concision_quote}")
    st.markdown(f"> {call.admissibility_quote}")
    st.markdown(
        f"{template_summary(call)} Texte de référence : appel du {call.date.strftime('%d/%m/%Y')}."
    )
    st.link_button("Déposer sur démarches-simplifiées", call.platform_url)
with st.expander("Comment fonctionne l'outil", expanded=False):
    st.markdown(
        "1. Créez un dossier : un **lien personnel** lui est attribué. Gardez-le : il suffit "
        "pour revenir, depuis n'importe quel ordinateur.\n"
        "2. Remplissez l'identité, puis chaque rubrique. Tout est **enregistré à chaque "
        "modification**, sur le serveur.\n"
        "3. Le **récapitulatif** montre l'état de chaque rubrique.\n"
        "4. Téléchargez une sauvegarde (.json) quand vous voulez, pour la garder chez vous."
    )

if stored is not None:
    st.success("Un dossier est ouvert.")
    st.markdown("**Votre lien personnel** (gardez-le : il ouvre ce dossier) :")
    st.code(dossier_link(), language=None, wrap_lines=True)
    copy_button(dossier_link(), key="link:copy-home", label="Copier le lien")
    st.caption(WHY_KEEP)
    cols = st.columns(2)
    cols[0].page_link(
        "app_pages/identite.py", label="Continuer le dossier →", icon=":material/badge:"
    )
    if cols[1].button("Fermer ce dossier"):
        close_dossier()
        st.rerun()
else:
    st.subheader("Commencer")
    if st.button("Créer un nouveau dossier", type="primary") and create_dossier() is not None:
        announce_new_dossier()
        st.switch_page("app_pages/identite.py")

    st.subheader("Reprendre un dossier")
    link = st.text_input(
        "Collez votre lien personnel (ou le code qui suit « d= »)", key="resume_link"
    )
    if st.button("Ouvrir ce dossier", disabled=not link.strip()):
        token = link.strip().rsplit("d=", 1)[-1].split("&", 1)[0]
        if looks_like_token(token) and get_store().load(token) is not None:
            open_token(token)
            st.switch_page("app_pages/identite.py")
        else:
            st.error("Ce lien ne correspond à aucun dossier. Vérifiez qu'il est complet.")

    st.subheader("Reprendre depuis une sauvegarde")
    upload = st.file_uploader(
        "Sauvegarde .json téléchargée depuis ptce-assist", type=["json"], key="restore_upload"
    )
    if upload is not None and st.button("Créer un dossier à partir de cette sauvegarde"):
        try:
            restored = load_backup(upload.getvalue())
        except BackupError as error:
            st.error(md_escape(str(error)))  # names from the file: shown literally
        else:
            if create_dossier(restored.dossier) is not None:
                leave_notices(restored.notes)
                announce_new_dossier()
                st.switch_page("app_pages/recapitulatif.py")
