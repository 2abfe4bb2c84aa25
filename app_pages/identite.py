"""Identité: the project, the carrying structure, the referent, the maturity stage."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.carrier_text import stored_form_label
from ptce_assist.layout.presets import PRESETS
from ptce_assist.regions import REGIONS, region_name
from ptce_assist.ui import fields
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.validation import identity_problems, register_fields

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
problems = identity_problems(dossier, call)
labels = {f.path: f.label for f in call.identity_fields}

st.title("Identité du projet")
st.caption(
    "Les intitulés sont ceux de l'annexe 1 de l'appel. "
    "Chaque champ est enregistré dès que vous le quittez."
)

st.subheader("Projet")
fields.text_input(opened, "project.name", labels["project.name"])
fields.select(
    opened, "project.region", labels["project.region"], [r.code for r in REGIONS], region_name
)
stage_labels = {s.id: s.label[:1].upper() + s.label[1:] for s in call.maturity_stages}
fields.select(
    opened,
    "maturity",
    "Stade de maturité du projet",
    list(stage_labels),
    lambda stage: stage_labels.get(stage, stage),
    help="Les stades de l'appel : émergence, en développement, existant, mature.",
)

st.subheader("Structure porteuse du dossier")
fields.text_input(opened, "structure.name", labels["structure.name"])
fields.text_area(opened, "structure.address", labels["structure.address"], height=80)
fields.select(
    opened,
    "structure.legal_form",
    labels["structure.legal_form"],
    [f.id for f in call.legal_forms],
    lambda form: stored_form_label(form, call),
)
form = call.legal_form(dossier.structure.legal_form)
registers = register_fields(form)
if "structure.siret" in registers:
    fields.text_input(
        opened,
        "structure.siret",
        "SIRET (ou SIREN)",
        problem=problems.get("structure.siret"),
        help="14 chiffres ; le SIREN (9 chiffres) est aussi accepté.",
    )
if form is not None and "structure.rna" in registers:
    optional = " (facultatif en Alsace-Moselle)" if form.identifier == "rna_optionnel" else ""
    fields.text_input(
        opened, "structure.rna", f"Numéro RNA{optional}", problem=problems.get("structure.rna")
    )
if form is not None and form.porteur == "esus_requis":
    esus_labels = {"obtenu": "Obtenu", "en_cours": "Demande en cours", "non": "Non"}
    fields.select(
        opened,
        "structure.esus",
        "Agrément ESUS",
        list(esus_labels),
        lambda state: esus_labels.get(state, state),
        help="L'appel n'accepte une société commerciale que si elle bénéficie de l'agrément ESUS.",
    )

st.subheader("Personne référente du dossier")
fields.text_input(opened, "referent.name", labels["referent.name"])
fields.text_input(opened, "referent.role", labels["referent.role"])
fields.text_input(
    opened, "referent.email", labels["referent.email"], problem=problems.get("referent.email")
)
fields.text_input(
    opened,
    "referent.phone",
    labels["referent.phone"],
    problem=problems.get("referent.phone"),
    help="Un numéro de portable ; en outre-mer, il est lu avec l'indicatif de la région choisie.",
)

st.subheader("Mise en page du document")
fields.select(
    opened,
    "layout",
    "Police et marges du document exporté",
    list(PRESETS),
    lambda preset: PRESETS[preset].label if preset in PRESETS else preset,
    allow_empty=False,
    help=(
        "Les compteurs de lignes de chaque rubrique et le document Word exporté utilisent "
        "cette mise en page : une page compte "
        + ", ".join(f"{p.lines_per_page} lignes en {p.label}" for p in PRESETS.values())
        + "."
    ),
)

st.page_link(rubric_page(call.rubrics[0]), label="Passer aux rubriques →")
