"""Structure porteuse: the legal form's consequence, the ESUS agrément; democratic governance."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.answers import GOVERNANCE_LABELS
from ptce_assist.eligibility.governance import dossier_governance
from ptce_assist.eligibility.porteur import dossier_porteur
from ptce_assist.ui import fields
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.diagnostic import show_verdict
from ptce_assist.ui.safe import md_escape

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)

st.title("Structure porteuse et gouvernance")

st.subheader("Qui peut porter le dossier ?")
form_labels = {f.id: f.label_fr for f in call.legal_forms}
fields.select(
    opened,
    "structure.legal_form",
    "Forme juridique de la structure porteuse",
    list(form_labels),
    lambda form: form_labels.get(form, form),
)
porteur = dossier_porteur(dossier, call)
if porteur.esus_relevant:
    esus_labels = {"obtenu": "Obtenu", "en_cours": "Demande en cours", "non": "Non"}
    fields.select(
        opened,
        "structure.esus",
        "Agrément ESUS (entreprise solidaire d'utilité sociale)",
        list(esus_labels),
        lambda state: esus_labels.get(state, state),
        help="Délivré par la DDETS du siège ; il suppose une utilité sociale inscrite dans les "
        "statuts et une politique de rémunération encadrée.",
    )
show_verdict("porteur", porteur.code, porteur.reason, porteur.quote)

st.subheader("Gouvernance démocratique")
st.caption(
    "Quelques questions sur la participation des parties prenantes ; chaque réponse est "
    "enregistrée aussitôt. « En projet » compte : l'appel parle de perspectives."
)
for question in call.diagnostic.governance_questions:
    fields.select(
        opened,
        f"diagnostic.governance.{question.id}",
        question.question_fr,
        list(GOVERNANCE_LABELS),
        lambda answer: GOVERNANCE_LABELS.get(answer, answer),
    )

governance = dossier_governance(dossier, call)
show_verdict(
    "gouvernance", governance.verdict.code, governance.verdict.reason, governance.verdict.quote
)
st.markdown("**Ce qu'il faut écrire dans la rubrique « Gouvernance » (15 lignes maximum)**")
for advice in governance.to_write:
    st.markdown(f"- {md_escape(advice)}")
if governance.found_in_rubric:
    st.markdown("**Déjà présent dans votre rubrique**")
    for passage in governance.found_in_rubric:
        st.caption(md_escape(passage))
st.page_link(
    rubric_page(call.rubric("gouvernance")),
    label="Écrire la rubrique « Gouvernance »",
    icon=":material/edit:",
)
