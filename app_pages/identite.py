"""Identité: the project, the carrying structure, the referent, the maturity stage."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.dossier import IDENTITY_PATHS
from ptce_assist.eligibility.carrier_text import stored_form_label
from ptce_assist.layout.presets import PRESETS
from ptce_assist.regions import REGIONS, region_name
from ptce_assist.ui import fields
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.history_panel import changes_panel
from ptce_assist.validation import identity_problems, register_fields

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
problems = identity_problems(dossier, call)
labels = {f.path: f.label for f in call.identity_fields}
ESUS_LABELS = {"obtenu": "Obtenu", "en_cours": "Demande en cours", "non": "Non"}

st.title("Identité du projet")
st.caption(
    f"Les intitulés sont ceux de {call.template_fr} de l'appel. Chaque champ est enregistré "
    "pendant que vous écrivez (« Enregistré » s'affiche dessous)."
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
    fields.select(
        opened,
        "structure.esus",
        "Agrément ESUS",
        list(ESUS_LABELS),
        lambda state: ESUS_LABELS.get(state, state),
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

# Each identity field's versions, who changed it, and « Restaurer ».
EXTRA_LABELS = {
    "structure.siret": "SIRET",
    "structure.rna": "Numéro RNA",
    "structure.esus": "Agrément ESUS",
    "maturity": "Stade de maturité",
}
CHOICES: dict[str, Callable[[str], str]] = {
    "project.region": region_name,
    "structure.legal_form": lambda form: stored_form_label(form, call),
    "maturity": lambda stage: stage_labels.get(stage, stage),
    "structure.esus": lambda state: ESUS_LABELS.get(state, state),
}
changes_panel(
    opened,
    IDENTITY_PATHS,
    title="Historique de l'identité",
    label=lambda path: labels.get(path) or EXTRA_LABELS.get(path, path),
    shown=lambda path, value: CHOICES[path](value) if path in CHOICES and value else str(value),
)

st.page_link(rubric_page(call.rubrics[0]), label="Passer aux rubriques →")
