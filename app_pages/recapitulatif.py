"""Récapitulatif: every rubric with its status, the identity still missing, backups."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.backup import backup_filename
from ptce_assist.progress import (
    STATE_ICONS,
    all_rubrics_progress,
    identity_to_correct,
    missing_identity_fields,
)
from ptce_assist.services import Conflict, Saved
from ptce_assist.services.restore import replace_with_backup
from ptce_assist.ui.context import (
    call_of,
    forget_widgets,
    note_saved,
    require_open,
)
from ptce_assist.ui.edition_panel import edition_section
from ptce_assist.ui.notices import leave_notices, show_notices
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)

st.title("Récapitulatif")
show_notices()

missing = missing_identity_fields(dossier, call)
labels = {f.path: f.label for f in call.identity_fields}
to_correct = identity_to_correct(dossier, call)
if missing:
    st.warning("Identité incomplète : " + ", ".join(f"« {labels[p]} »" for p in missing) + ".")
if to_correct:
    st.warning("À corriger : " + ", ".join(f"« {labels[p]} »" for p in to_correct) + ".")
if missing or to_correct:
    st.page_link("app_pages/identite.py", label="Compléter l'identité", icon=":material/badge:")
else:
    st.success("Identité complète.")

st.subheader("Rubriques")
for progress in all_rubrics_progress(dossier, call, rubric_measure(dossier)):
    rubric = progress.rubric
    figures = (
        f"{progress.lines} / {progress.budget} lignes"
        if progress.lines is not None
        else f"{progress.characters} caractères"
    )
    left, middle, right = st.columns([6, 2, 2])
    left.page_link(rubric_page(rubric), label=f"{rubric.short_fr} ({rubric.limit_label})")
    middle.markdown(f"{STATE_ICONS[progress.state]} **{progress.label}**")
    right.caption(figures)

edition_section(opened)

st.subheader("Sauvegarde")
st.download_button(
    "Télécharger une sauvegarde (.json)",
    data=dossier.to_json().encode("utf-8"),
    file_name=backup_filename(dossier),
    mime="application/json",
)
if not opened.team:  # an adviser reads the team's dossier: nothing of it to replace
    st.stop()
with st.expander("Remplacer ce dossier par une sauvegarde"):
    st.caption("Le contenu actuel du dossier sera remplacé par celui du fichier.")
    upload = st.file_uploader("Sauvegarde .json", type=["json"], key="replace_upload")
    confirm = st.checkbox("Je confirme le remplacement", key="replace_confirm")
    if upload is not None and st.button("Remplacer", disabled=not confirm):
        restored = replace_with_backup(opened.access, upload.getvalue(), opened.stored)
        result = restored.result
        if isinstance(result, Saved):
            note_saved(result.stored)
            forget_widgets()
            leave_notices(["Le dossier a été remplacé par la sauvegarde.", *restored.notes])
            st.rerun()
        elif isinstance(result, Conflict):
            st.error("Le dossier vient d'être modifié ailleurs : rechargez la page puis réessayez.")
        else:
            st.error(md_escape(result.message))  # names from the file: shown literally
