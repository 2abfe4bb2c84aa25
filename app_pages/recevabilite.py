"""Recevabilité and the diagnosis in one screen: verdicts, network, then what to fix."""

from __future__ import annotations

import streamlit as st

from ptce_assist.eligibility.actors import named, network_dot
from ptce_assist.eligibility.recevabilite import Item
from ptce_assist.eligibility.report import check_report
from ptce_assist.ui.context import call_of, require_dossier
from ptce_assist.ui.diagnostic import fix_link, show_quote, verdict_line
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure

stored = require_dossier()
dossier = stored.dossier
call = call_of(dossier)
report = check_report(dossier, rubric_measure(dossier), call)
admit = report.admissibility

st.title("Recevabilité et diagnostic")
name = dossier.project.name.strip() or "Projet sans nom"
st.caption(f"Dossier : {md_escape(name)} · {md_escape(dossier.structure.name or 'porteur ?')}")

summary, network = st.columns([3, 2])
with summary:
    for verdict in report.verdicts:
        st.markdown(verdict_line(verdict))
        if verdict.tone != "ok":
            fix_link(verdict.page, call)
    left, middle, right = st.columns(3)
    left.metric(
        "Critères d'éligibilité",
        f"{report.eligibility.met} / {len(report.eligibility.criteria)}",
        help=f"Il en faut une majorité : au moins {report.eligibility.required}.",
    )
    middle.metric("Éléments manquants", len(admit.missing))
    right.metric("Rubriques trop longues", len(admit.over_limit) if report.measured else "—")
    with st.expander("Les phrases de l'appel sur lesquelles reposent ces avis"):
        for verdict in report.verdicts:
            st.markdown(f"**{md_escape(verdict.label)}**")
            show_quote(verdict.quote)
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


def item_rows(items: tuple[Item, ...], link_label: str) -> None:
    for item in items:
        left, right = st.columns([4, 1])
        left.markdown(f"**{md_escape(item.label)}** — {md_escape(item.reason)}")
        with right:
            fix_link(item.page, call, link_label)


if admit.missing:
    st.subheader("Éléments obligatoires manquants")
    item_rows(admit.missing, "Compléter")
    show_quote(call.admissibility_quote)
if admit.unfinished:
    st.subheader("Textes d'attente à remplacer")
    item_rows(admit.unfinished, "Terminer")
if admit.warnings:
    st.subheader("À vérifier")
    item_rows(admit.warnings, "Voir")
    for quote in dict.fromkeys(item.quote for item in admit.warnings):
        show_quote(quote)

st.subheader("Volumes")
if not report.measured:
    st.info(
        "Les volumes ne sont pas encore mesurés en lignes : consultez le compteur de chaque "
        "rubrique."
    )
elif admit.over_limit:
    item_rows(admit.over_limit, "Raccourcir")
    show_quote(call.concision_quote)
else:
    st.success("Toutes les rubriques écrites respectent leur volume.", icon=":material/straighten:")

if report.weakest:
    st.subheader("Critères de sélection les plus faibles")
    for weak in report.weakest:
        st.markdown(f"**{md_escape(weak.short)}** — {md_escape(weak.advice)}")
    st.page_link("app_pages/autoevaluation.py", label="Auto-évaluation", icon=":material/insights:")
