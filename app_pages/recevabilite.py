"""Recevabilité and the diagnosis in one screen: verdicts, network, then what to fix."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.actors import named, network_dot
from ptce_assist.eligibility.report import check_report
from ptce_assist.ui.context import call_of, require_dossier
from ptce_assist.ui.diagnostic import show_quote, verdict_line
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure

stored = require_dossier()
dossier = stored.dossier
call = call_of(dossier)
report = check_report(dossier, rubric_measure(dossier), call)

st.title("Recevabilité et diagnostic")
name = dossier.project.name.strip() or "Projet sans nom"
st.caption(f"Dossier : {md_escape(name)} · {md_escape(dossier.structure.name or 'porteur ?')}")

PAGES = {
    "recevabilite": None,
    "porteur": "app_pages/porteur.py",
    "gouvernance": "app_pages/porteur.py",
    "acteurs": "app_pages/acteurs.py",
    "eligibilite": "app_pages/eligibilite.py",
    "territoires": "app_pages/eligibilite.py",
}
summary, network = st.columns([3, 2])
with summary:
    for verdict in report["verdicts"]:
        st.markdown(
            verdict_line(verdict["topic"], verdict["code"], verdict["reason"], verdict["label"])
        )
    left, middle, right = st.columns(3)
    left.metric("Critères d'éligibilité", f"{report['criteria_met']} / {report['criteria_total']}")
    middle.metric("Éléments manquants", len(report["missing"]))
    right.metric("Rubriques trop longues", len(report["over_limit"]) if report["measured"] else "—")
    with st.expander("Les phrases de l'appel sur lesquelles reposent ces avis"):
        for verdict in report["verdicts"]:
            st.markdown(f"**{md_escape(verdict['label'])}**")
            show_quote(verdict["quote"])
    links = st.columns(4)
    for column, (page, label) in zip(
        links,
        [
            ("app_pages/porteur.py", "Porteur"),
            ("app_pages/acteurs.py", "Acteurs"),
            ("app_pages/eligibilite.py", "Éligibilité"),
            ("app_pages/autoevaluation.py", "Auto-évaluation"),
        ],
        strict=True,
    ):
        column.page_link(page, label=label, icon=":material/arrow_forward:")
with network:
    actors = named(dossier.diagnostic.actors)
    if actors:
        st.graphviz_chart(
            network_dot(dossier.project.name, dossier.structure.name, actors, call), height=420
        )
    else:
        st.info("Le réseau du pôle s'affichera ici dès que des acteurs seront déclarés.")
        st.page_link("app_pages/acteurs.py", label="Déclarer les acteurs", icon=":material/hub:")

st.divider()


def fix_link(item: dict[str, str], label: str) -> None:
    if item["kind"] in ("identite", "maturite"):
        st.page_link("app_pages/identite.py", label=label, icon=":material/badge:")
    else:
        st.page_link(rubric_page(call.rubric(item["id"])), label=label, icon=":material/edit:")


def item_rows(items: list[dict[str, str]], link_label: str) -> None:
    for item in items:
        left, right = st.columns([4, 1])
        left.markdown(f"**{md_escape(item['label'])}** — {md_escape(item['reason'])}")
        with right:
            fix_link(item, link_label)


if report["missing_items"]:
    st.subheader("Éléments obligatoires manquants")
    item_rows(report["missing_items"], "Compléter")
    show_quote(call.admissibility_quote)
if report["warnings"]:
    st.subheader("À vérifier")
    item_rows(report["warnings"], "Voir")
    for quote in dict.fromkeys(item["quote"] for item in report["warnings"]):
        show_quote(quote)

st.subheader("Volumes")
if not report["measured"]:
    st.info(
        "Les volumes ne sont pas encore mesurés en lignes : consultez le compteur de chaque "
        "rubrique."
    )
elif report["over_limit_items"]:
    item_rows(report["over_limit_items"], "Raccourcir")
    show_quote(call.concision_quote)
else:
    st.success("Toutes les rubriques écrites respectent leur volume.", icon=":material/straighten:")

weakest = [c for c in report["self_assessment"]["weakest_first"] if c["to_add"]][:4]
if weakest:
    st.subheader("Critères de sélection les plus faibles")
    for item in weakest:
        st.markdown(f"**{md_escape(item['short'])}** — {md_escape(' '.join(item['to_add']))}")
