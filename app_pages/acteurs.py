"""Acteurs: the table of the pole's actors, the composition rule, and the network picture."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.actors import composition, network_dot
from ptce_assist.eligibility.answers import STATUS_LABELS, Actor
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.diagnostic import list_editor, show_part

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
kinds = {k.id: k.label_fr for k in call.diagnostic.actor_kinds}

st.title("Acteurs du pôle")
st.caption(
    "Une ligne par acteur impliqué ou pressenti ; le tableau est enregistré à chaque "
    "modification. Ajoutez une ligne avec le « + » en bas du tableau."
)
rows = list_editor(
    opened,
    "diagnostic.actors",
    {
        "name": st.column_config.TextColumn("Nom", max_chars=200),
        "kind": st.column_config.SelectboxColumn(
            "Catégorie",
            options=list(kinds),
            format_func=lambda kind: kinds.get(str(kind), str(kind)),
        ),
        "role": st.column_config.TextColumn("Rôle dans le pôle", max_chars=300),
        "status": st.column_config.SelectboxColumn(
            "Statut",
            options=list(STATUS_LABELS),
            format_func=lambda status: STATUS_LABELS.get(str(status), str(status)),
            default="implique",
        ),
    },
)
actors = [Actor.model_validate(row) for row in rows]
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
