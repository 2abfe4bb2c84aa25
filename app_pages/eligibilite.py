"""Éligibilité: the edition's criteria with suggestions from the dossier, and the fragile
territories."""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.eligibility.answers import ANSWER_LABELS
from ptce_assist.eligibility.criteria import Suggestion
from ptce_assist.eligibility.official_list import CsvImportError, read_official_csv
from ptce_assist.eligibility.report import check_report, tone
from ptce_assist.eligibility.table_rows import territories_from_rows, territory_rows
from ptce_assist.eligibility.territories import check_territories, split_communes
from ptce_assist.ui import fields
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.diagnostic import append_records, show_part, show_quote, show_verdict
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.table_editor import Column, table_editor
from ptce_assist.volumes import rubric_measure

TERRITORIES = "diagnostic.fragile_territories"


def _accept_suggestion(path: str, answer: str) -> None:
    """« Retenir la suggestion »: the suggested answer saved in one click."""
    fields.set_choice(path, answer)


def suggestion_text(suggestion: Suggestion) -> str:
    """What the dossier suggests for a criterion, in one Markdown element: the answer, each
    rule found (with up to two excerpts) or missing. One element rather than one per line:
    each is a message the browser draws on every visit."""
    lines = []
    if suggestion.answer:
        lines.append(f"Suggestion d'après le dossier : **{ANSWER_LABELS[suggestion.answer]}**")
    for rule in suggestion.rules:
        if rule.found:
            lines.append(f":material/check: {md_escape(rule.rule.found_fr)}")
            lines += [
                f":small[:gray[{md_escape(finding.where)} : {md_escape(finding.excerpt)}]]"
                for finding in rule.findings[:2]
            ]
        else:
            lines.append(f":material/add_circle: {md_escape(rule.rule.advice_fr)}")
    return "  \n".join(lines)


opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
report = check_report(dossier, rubric_measure(dossier), call)
result = report.eligibility

st.title("Critères d'éligibilité")
show_verdict(report.overall, call)
st.metric(
    "Critères remplis ou en perspective",
    f"{result.met} / {len(result.criteria)}",
    help=f"Il en faut une majorité : au moins {result.required}.",
)
show_verdict(report.verdict("eligibilite"), call, link=False)

for number, status in enumerate(result.criteria, start=1):
    with st.container(border=True):
        st.markdown(
            f"**{number}. {md_escape(status.short)}**  \n"
            f":small[:gray[« {md_escape(status.text)} »]]"
        )
        left, right = st.columns([1, 2])
        with left:
            fields.select(
                opened,
                f"diagnostic.criteria.{status.id}.answer",
                "Réponse",
                list(ANSWER_LABELS),
                lambda answer: ANSWER_LABELS.get(answer, "Réponse non reconnue"),
            )
        with right:
            fields.text_input(
                opened,
                f"diagnostic.criteria.{status.id}.justification",
                "Justification (une phrase)",
            )
        suggestion = status.suggestion
        answer_path = f"diagnostic.criteria.{status.id}.answer"
        if suggestion.answer or suggestion.rules:
            st.markdown(suggestion_text(suggestion))
        if suggestion.answer and opened.value(answer_path) != suggestion.answer:
            said = ANSWER_LABELS[suggestion.answer]
            st.button(
                f"Retenir la suggestion « {said} »",
                key=f"accept:{status.id}",
                on_click=_accept_suggestion,
                args=(answer_path, suggestion.answer),
                icon=":material/check:",
                disabled=not opened.may_write(answer_path),
            )
        if suggestion.mismatch:
            st.warning(md_escape(suggestion.mismatch), icon=":material/help:")
        if any(r.rule.signal == "actors_composition" for r in suggestion.rules):
            st.page_link(
                "app_pages/acteurs.py", label="Tableau des acteurs", icon=":material/group:"
            )

st.header("Territoires fragiles")
show_quote(call.fragile_territories_quote)
st.markdown(
    "Vérifiez sur les services officiels si vos communes ou adresses sont concernées, puis "
    "déclarez-les ci-dessous :"
)
for kind in call.diagnostic.fragile_kinds:
    st.markdown(f"- {md_escape(kind.label_fr)} : [{md_escape(kind.lookup_fr)}]({kind.lookup_url})")

kind_labels = {k.id: k.label_fr for k in call.diagnostic.fragile_kinds}
table_editor(
    opened,
    TERRITORIES,
    caption="Territoires fragiles déclarés",
    columns=[
        Column("kind", "Type", "select", kind_labels),
        Column("name", "Nom ou code (ex. QN02601M)", max_chars=200),
        Column("communes", "Communes concernées (séparées par des virgules)", max_chars=2000),
    ],
    to_rows=territory_rows,
    to_stored=territories_from_rows,
)
rows = [t.model_dump() for t in dossier.diagnostic.fragile_territories]
perimetre = dossier.rubric_text("perimetre")
territories = check_territories(dossier.diagnostic.fragile_territories, perimetre, call)
show_part("territoires", territories.verdict, call)
for check in territories.checks:
    level = tone("territoires", check.verdict.code)
    box = {"ok": st.success, "warn": st.warning, "bad": st.error}[level]
    name = f" « {check.name} »" if check.name else ""
    box(md_escape(f"{check.kind_label or 'Territoire'}{name} : {check.verdict.reason}"))
if territories.checks:
    for mention in territories.undeclared:
        st.info(
            md_escape(
                "La rubrique « Périmètre » décrit un territoire de type "
                f"« {kind_labels[mention.kind]} » (« {mention.excerpt} ») qui n'est pas déclaré "
                "ici."
            )
        )
st.page_link(
    rubric_page(call.rubric("perimetre")),
    label="Écrire la rubrique « Périmètre »",
    icon=":material/edit:",
)

with st.expander("Importer une liste officielle (CSV, facultatif)"):
    st.caption(
        "Si vous avez téléchargé une liste officielle (communes FRR, quartiers prioritaires, "
        "territoires d'industrie) au format CSV, l'outil vérifie vos communes avec elle. "
        "Rien n'est téléchargé par l'outil ; le fichier n'est pas conservé."
    )
    list_kind = st.selectbox(
        "Type de liste",
        list(kind_labels),
        format_func=lambda kind: kind_labels.get(kind, "Type non reconnu"),
        key="fragile_csv_kind",
    )
    upload = st.file_uploader("Fichier CSV", type=["csv", "txt"], key="fragile_csv_file")
    if upload is not None:
        try:
            official = read_official_csv(upload.getvalue(), list_kind)
        except CsvImportError as error:
            st.error(md_escape(str(error)))  # the file's headers: shown literally
        else:
            columns = ", ".join(f"« {h} »" for h in official.columns.values())
            st.success(
                md_escape(f"{len(official.entries)} lignes lues (colonnes utilisées : {columns}).")
            )
            declared = [
                name
                for row in rows
                if row["kind"] == list_kind
                for name in split_communes(row["communes"])
            ]
            if declared:
                found, not_found = official.communes_found(declared)
                if found:
                    st.success(md_escape("Dans la liste : " + ", ".join(found)))
                if not_found:
                    st.warning(md_escape("Absentes de la liste : " + ", ".join(not_found)))
            named = list(
                dict.fromkeys(e.commune or e.territory_name for e in official.named_in(perimetre))
            )
            new = [n for n in named if n not in declared]
            if new:
                st.info(
                    md_escape(
                        "Citées dans le périmètre et présentes dans la liste : " + ", ".join(new)
                    )
                )
                if st.button(
                    "Les déclarer comme territoire fragile",
                    key="fragile_csv_add",
                    disabled=not opened.may_write(TERRITORIES),
                ):
                    row = {"kind": list_kind, "name": "", "communes": ", ".join(new)}
                    if append_records(TERRITORIES, [row]):
                        st.rerun()
                    st.error("L'enregistrement a échoué : rechargez la page puis réessayez.")
