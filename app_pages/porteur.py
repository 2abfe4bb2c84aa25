"""Structure porteuse: the legal form's consequence, the ESUS agrément; democratic governance."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.call_wording import with_limit
from ptce_assist.eligibility.answers import GOVERNANCE_LABELS
from ptce_assist.eligibility.carrier_text import stored_form_label
from ptce_assist.eligibility.report import check_report
from ptce_assist.ui import fields
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.diagnostic import show_verdict
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
report = check_report(dossier, rubric_measure(dossier), call)
porteur = report.porteur
FORM_PATH = "structure.legal_form"

st.title("Structure porteuse et gouvernance")
show_verdict(report.overall, call)

st.subheader("Qui peut porter le dossier ?")
fields.select(
    opened,
    FORM_PATH,
    "Forme juridique de la structure porteuse",
    [f.id for f in call.legal_forms],
    lambda form: stored_form_label(form, call),
)
suggested = call.legal_form(porteur.suggested_form)
if suggested is not None:
    suggested_id = suggested.id

    def choose_suggested(form_id: str = suggested_id) -> None:
        fields.set_choice(FORM_PATH, form_id)

    st.button(
        f"Choisir « {suggested.label_fr} »",
        on_click=choose_suggested,
        disabled=not opened.may_write(FORM_PATH),
        icon=":material/check:",
        help="La forme que le dossier lui-même évoque ; vérifiez-la dans vos statuts.",
    )
if porteur.esus_relevant:
    esus_labels = {"obtenu": "Obtenu", "en_cours": "Demande en cours", "non": "Non"}
    fields.select(
        opened,
        "structure.esus",
        "Agrément ESUS (entreprise solidaire d'utilité sociale)",
        list(esus_labels),
        lambda state: esus_labels.get(state, "Non renseigné"),
        help="Délivré par la DDETS du siège ; il suppose une utilité sociale inscrite dans les "
        "statuts et une politique de rémunération encadrée.",
    )
show_verdict(report.verdict("porteur"), call, link=False)
st.page_link(
    rubric_page(call.rubric("structure")),
    label="Écrire la rubrique « Structure porteuse »",
    icon=":material/edit:",
)

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
        lambda answer: GOVERNANCE_LABELS.get(answer, "Réponse non reconnue"),
    )

governance = report.governance
show_verdict(report.verdict("gouvernance"), call, link=False)
st.markdown(f"**Ce qu'il faut écrire dans la rubrique {with_limit(call.rubric('gouvernance'))}**")
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
