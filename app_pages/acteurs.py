"""Acteurs: the table of the pole's actors, the composition rule, and the network picture."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.actors import composition, network_dot
from ptce_assist.eligibility.answers import STATUS_LABELS, Actor
from ptce_assist.eligibility.table_rows import (
    ACTOR_COLUMNS,
    actor_rows,
    actors_from_rows,
    blank_row,
)
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.diagnostic import show_part
from ptce_assist.ui.table_editor import Column, table_editor

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
kinds = {k.id: k.label_fr for k in call.diagnostic.actor_kinds}

st.title("Acteurs du pôle")
st.caption(
    "Une ligne par acteur impliqué ou pressenti ; le tableau est enregistré au fil de la "
    "saisie. « Ajouter une ligne » sous le tableau en ajoute une."
)
table_editor(
    opened,
    "diagnostic.actors",
    caption="Acteurs du pôle",
    columns=[
        Column("name", "Nom", max_chars=200),
        Column("kind", "Catégorie", "select", kinds),
        Column("role", "Rôle dans le pôle", max_chars=300),
        Column("status", "Statut", "select", STATUS_LABELS),
    ],
    to_rows=actor_rows,
    to_stored=actors_from_rows,
    new_row=blank_row(Actor, ACTOR_COLUMNS),
)
actors = dossier.diagnostic.actors
result = composition(actors, call)
show_part("acteurs", result.verdict, call)
counts = [f"{kinds[k]} : {n}" for k, n in result.counts.items() if n]
if counts:
    st.caption(" · ".join(counts))
if result.unclassified:
    st.caption(f"{result.unclassified} acteur(s) sans catégorie : choisissez-la dans le tableau.")
st.caption(
    "Le décret n° 2015-431 demande au moins trois personnes morales, dont une entreprise de "
    "l'ESS, une entreprise hors ESS et un autre acteur (collectivité, recherche, formation…) ; "
    "des citoyens ou habitants comptent dans le pôle, mais pas comme personnes morales."
)

st.subheader("Le réseau du pôle")
if any(a.name.strip() for a in actors):
    st.graphviz_chart(network_dot(dossier.project.name, dossier.structure.name, actors, call))
    st.caption("Trait plein : acteur impliqué · pointillés : acteur pressenti.")
else:
    st.caption("Le schéma apparaîtra dès le premier acteur saisi.")

st.page_link(
    rubric_page(call.rubric("acteurs")),
    label="Écrire la rubrique « Acteurs »",
    icon=":material/edit:",
)
