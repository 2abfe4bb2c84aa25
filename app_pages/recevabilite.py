"""Recevabilité: what is missing, what to check, the volumes; then the diagnosis in one screen."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.actors import network_dot
from ptce_assist.eligibility.report import check_report
from ptce_assist.ui.context import call_of, require_dossier
from ptce_assist.ui.diagnostic import show_quote, show_verdict
from ptce_assist.ui.measure import rubric_measure
from ptce_assist.ui.safe import md_escape

stored = require_dossier()
dossier = stored.dossier
call = call_of(dossier)
report = check_report(dossier, rubric_measure(dossier), call)
verdicts = {v["topic"]: v for v in report["verdicts"]}

st.title("Recevabilité du dossier")
recevabilite = verdicts["recevabilite"]
show_verdict("recevabilite", recevabilite["code"], recevabilite["reason"], recevabilite["quote"])


def fix_link(item: dict[str, str], label: str) -> None:
    if item["kind"] in ("identite", "maturite"):
        st.page_link("app_pages/identite.py", label=label, icon=":material/badge:")
    else:
        st.page_link(rubric_page(call.rubric(item["id"])), label=label, icon=":material/edit:")


if report["missing_items"]:
    st.subheader("Éléments obligatoires manquants")
    for item in report["missing_items"]:
        left, right = st.columns([4, 1])
        left.markdown(f"**{md_escape(item['label'])}** — {md_escape(item['reason'])}")
        with right:
            fix_link(item, "Compléter")

if report["warnings"]:
    st.subheader("À vérifier")
    for item in report["warnings"]:
        left, right = st.columns([4, 1])
        left.markdown(f"**{md_escape(item['label'])}** — {md_escape(item['reason'])}")
        with right:
            fix_link(item, "Voir")
    quotes = dict.fromkeys(item["quote"] for item in report["warnings"])
    for quote in quotes:
        show_quote(quote)

st.subheader("Volumes")
if not report["measured"]:
    st.info(
        "Les volumes ne sont pas encore mesurés en lignes : consultez le compteur de chaque "
        "rubrique."
    )
elif report["over_limit_items"]:
    for item in report["over_limit_items"]:
        left, right = st.columns([4, 1])
        left.warning(md_escape(item["reason"]), icon=":material/straighten:")
        with right:
            fix_link(item, "Raccourcir")
    show_quote(call.concision_quote)
else:
    st.success("Toutes les rubriques écrites respectent leur volume.", icon=":material/straighten:")

st.divider()
st.header("Diagnostic en un coup d'œil")
links = {
    "porteur": ("app_pages/porteur.py", "Structure porteuse et gouvernance"),
    "gouvernance": ("app_pages/porteur.py", "Structure porteuse et gouvernance"),
    "acteurs": ("app_pages/acteurs.py", "Acteurs du pôle"),
    "eligibilite": ("app_pages/eligibilite.py", "Critères d'éligibilité"),
    "territoires": ("app_pages/eligibilite.py", "Territoires fragiles"),
}
for topic in ("porteur", "gouvernance", "acteurs", "eligibilite", "territoires"):
    verdict = verdicts[topic]
    show_verdict(
        topic, verdict["code"], verdict["reason"], verdict["quote"], title=verdict["label"]
    )
    page, label = links[topic]
    st.page_link(page, label=f"Voir : {label}", icon=":material/arrow_forward:")

left, right = st.columns([3, 2])
with left:
    st.subheader("Le réseau du pôle")
    if dossier.diagnostic.actors:
        st.graphviz_chart(
            network_dot(
                dossier.project.name, dossier.structure.name, dossier.diagnostic.actors, call
            )
        )
    else:
        st.caption("Aucun acteur déclaré.")
with right:
    st.subheader("Points faibles")
    weakest = [c for c in report["self_assessment"]["weakest_first"] if c["to_add"]][:4]
    for item in weakest:
        st.markdown(f"**{md_escape(item['short'])}** — {md_escape(' '.join(item['to_add']))}")
    st.page_link(
        "app_pages/autoevaluation.py", label="Auto-évaluation", icon=":material/arrow_forward:"
    )
