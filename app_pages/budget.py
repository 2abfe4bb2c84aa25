"""Budget prévisionnel: expenses and resources per year, checks, chart, paragraph, exports."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.budget.amounts import format_amount
from ptce_assist.budget.chart import resources_chart
from ptce_assist.budget.checks import BudgetCheck, budget_checks
from ptce_assist.budget.draft import draft_paragraph
from ptce_assist.budget.editing import (
    CATEGORY,
    DETAIL,
    YEAR_KEYS,
    category_labels,
    cell_problems,
    dropped_by,
    drops_typing,
    lines_from_rows,
    rows_for,
    switched,
)
from ptce_assist.budget.exports import budget_csv, budget_xlsx
from ptce_assist.budget.model import MODE_LABELS, BudgetMode
from ptce_assist.budget.summary import budget_size, budget_text
from ptce_assist.budget.unreadable import Section, left_out_sentence
from ptce_assist.filenames import safe_stem
from ptce_assist.fingerprint import value_digest
from ptce_assist.ui import bound
from ptce_assist.ui.context import PAGE_PREFIX, call_of, require_open
from ptce_assist.ui.given_value import keep_given_value
from ptce_assist.ui.history_panel import history_panel
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.table_editor import Column, table_editor

RUBRIC_PATH = "rubrics.financement"
MODE_KEY = f"{PAGE_PREFIX}budget.mode#radio"
FIRST_YEAR_KEY = f"{PAGE_PREFIX}budget.first_year#input"
SHOWN = f"{PAGE_PREFIX}budget#shown"  # the stored mode and first year the widgets show
ASKED = f"{PAGE_PREFIX}budget.mode#asked"  # the duration the person picked, until settled
FLASH = f"{PAGE_PREFIX}budget#flash"
LEVEL_ICONS = {"ok": ":material/check_circle:", "info": ":material/info:"}
LEVEL_ICONS["attention"] = ":material/warning:"
AMOUNT_HELP = (
    "Montants en euros : 45 000, 45 000 €, 2 500,50 ou 1,5 k€. Une case qui n'est pas un "
    "montant (« environ 5 000 », « à définir ») est gardée telle quelle et signalée ; les "
    "totaux ne la comptent pas."
)

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
budget = dossier.budget
labels = budget.year_labels()

st.title("Budget prévisionnel")
financement = call.rubric("financement")
if financement.limit_note:
    st.caption(f"L'appel, rubrique « Financement » : « {financement.limit_note} »")
if FLASH in st.session_state:
    st.warning(st.session_state.pop(FLASH))

# --- duration and first year -------------------------------------------------------------
# The widgets follow what is stored (a save here, or a change made in another tab).
if st.session_state.get(SHOWN) != (budget.mode, budget.first_year):
    st.session_state[SHOWN] = (budget.mode, budget.first_year)
    st.session_state[MODE_KEY] = budget.mode
    st.session_state[FIRST_YEAR_KEY] = budget.first_year
keep_given_value(MODE_KEY)
keep_given_value(FIRST_YEAR_KEY)


def save_first_year(seen: int | None) -> None:
    value = st.session_state.get(FIRST_YEAR_KEY)
    year = int(value) if value is not None else None
    if not bound.save("budget.first_year", year, base_digest=value_digest(seen)):
        st.session_state.pop(SHOWN, None)  # show what is stored
        if bound.take_conflict("budget.first_year") is not None:
            st.session_state[FLASH] = (
                "L'année de N a été modifiée ailleurs (autre onglet ou autre membre de "
                "l'équipe) : la version enregistrée est affichée."
            )


def switch_mode(mode: BudgetMode) -> None:
    st.session_state.pop(ASKED, None)
    bound.update("budget", partial(switched, mode=mode, confirmed=True))


def keep_mode() -> None:
    st.session_state.pop(ASKED, None)
    st.session_state[MODE_KEY] = budget.mode


def mode_asked() -> None:
    st.session_state[ASKED] = st.session_state.get(MODE_KEY)


left, right = st.columns([3, 2])
modes: list[BudgetMode] = ["annuel", "trois_ans"]
chosen: BudgetMode = left.radio(
    "Durée du budget (au choix du déposant)",
    modes,
    format_func=lambda m: MODE_LABELS[m],
    horizontal=True,
    key=MODE_KEY,
    disabled=not opened.may_write("budget"),
    on_change=mode_asked,
)
right.number_input(
    "Année de N (facultatif)",
    min_value=2000,
    max_value=2100,
    value=None,  # may be left empty; what it shows is set through its key above
    step=1,
    placeholder="ex. 2025",
    key=FIRST_YEAR_KEY,
    disabled=not opened.may_write("budget.first_year"),
    on_change=save_first_year,
    args=(budget.first_year,),
)
if chosen == budget.mode:
    st.session_state.pop(ASKED, None)
elif st.session_state.get(ASKED) != chosen:
    # The radio shows a duration nobody picked (a widget whose state Streamlit dropped is
    # drawn at its first option, « annuel »: seen on a busy machine, and saved): the stored
    # duration is shown again and nothing is written.
    st.session_state.pop(SHOWN, None)
    st.rerun()
else:
    # After the tables' own saves of this run (callbacks run first): nothing typed is lost.
    if not drops_typing(budget, chosen):
        switch_mode(chosen)
        st.rerun()
    lost = dropped_by(budget, chosen)
    st.warning(
        "Passer au budget annuel retire les montants saisis pour N+1 et N+2 "
        f"({format_amount(lost)} de dépenses et de ressources au total)."
    )
    yes, no = st.columns(2)
    yes.button(
        "Confirmer le budget annuel", key="budget:confirm", on_click=switch_mode, args=(chosen,)
    )
    no.button("Garder le budget sur 3 ans", key="budget:keep", on_click=keep_mode)
bound.feedback("budget")
bound.feedback("budget.first_year")


# --- the two tables ----------------------------------------------------------------------
def columns(section: Section, category_title: str) -> list[Column]:
    return [
        Column(CATEGORY, category_title, "select", category_labels(section), width="12rem"),
        Column(DETAIL, "Précision (facultatif)", max_chars=300),
        *[
            Column(key, f"{label} (€)", "amount", max_chars=60, width="7rem")
            for key, label in zip(YEAR_KEYS, labels, strict=False)
        ],
    ]


def section_table(section: Section, title: str, category_title: str) -> None:
    st.subheader(title)
    path = f"budget.{section}"
    table_editor(
        opened,
        path,
        caption=title,
        columns=columns(section, category_title),
        to_rows=partial(rows_for, years=budget.years, section=section),
        to_stored=partial(lines_from_rows, years=budget.years),
        problems=cell_problems(opened.value(path), budget.years, section),
    )


section_table("expenses", "Dépenses", "Poste de dépense")
section_table("resources", "Ressources", "Origine")
st.caption(AMOUNT_HELP)

# --- totals, checks, chart ---------------------------------------------------------------
history_panel(opened, "budget", title="Historique du budget", as_text=budget_text, size=budget_size)

st.subheader("Équilibre et contrôles")
if not budget.is_empty():
    spent, earned = budget.expense_totals(), budget.resource_totals()
    # A plain table: read by screen readers as one, and no (English) toolbar.
    st.table(
        pd.DataFrame(
            {
                label: [format_amount(s), format_amount(e), format_amount(e - s)]
                for label, s, e in zip(labels, spent, earned, strict=True)
            },
            index=pd.Index(["Total des dépenses", "Total des ressources", "Écart"], name="Totaux"),
        )
    )
left_out = left_out_sentence(budget)
if left_out:
    st.warning(md_escape(f"{left_out}."), icon=":material/warning:")


def show_check(check: BudgetCheck) -> None:
    with st.container(border=True):
        st.markdown(f"{LEVEL_ICONS[check.level]} **{md_escape(check.title)}**")
        st.markdown(md_escape(check.explanation))
        for figure in check.figures:
            st.caption(md_escape(figure))
        if check.quote:
            st.caption(f"L'appel : « {md_escape(check.quote)} »")


for check in budget_checks(budget, call):
    show_check(check)

if sum(budget.resource_totals()):
    st.subheader("Ressources par origine et par année")
    st.vega_lite_chart(resources_chart(budget), width="stretch")

# --- the paragraph for the financement rubric --------------------------------------------
st.subheader("Paragraphe « en grandes masses »")
paragraph = draft_paragraph(budget)
if not paragraph:
    st.caption("Le paragraphe sera proposé dès que le budget contiendra des montants.")
elif not opened.may_write(RUBRIC_PATH):
    st.text(paragraph)
else:
    st.caption("Proposé à partir du budget : insérez-le puis retouchez-le dans la rubrique.")
    if left_out:
        st.caption(md_escape(left_out_sentence(budget, "Paragraphe calculé hors") + "."))
    st.text(paragraph)
    shown_text = dossier.rubric_text("financement")

    def insert(replace: bool, shown: str, text: str) -> None:
        new = text if replace or not shown.strip() else f"{shown.rstrip()}\n\n{text}"
        if bound.save(RUBRIC_PATH, new, base_digest=value_digest(shown)):
            st.session_state[FLASH + ":rubric"] = ("success", "Paragraphe inséré dans la rubrique.")
        elif bound.take_conflict(RUBRIC_PATH) is not None:
            st.session_state[FLASH + ":rubric"] = (
                "warning",
                "La rubrique a été modifiée entre-temps : rien n'a été inséré. Relisez son texte "
                "ci-dessous et recommencez.",
            )

    left, right = st.columns(2)
    left.button(
        "Ajouter à la fin de la rubrique Financement",
        on_click=insert,
        args=(False, shown_text, paragraph),
        key="budget:append",
    )
    if shown_text.strip():
        with right.expander("Remplacer le texte actuel de la rubrique"):
            st.text(shown_text)
            sure = st.checkbox("Je confirme le remplacement de ce texte", key="budget:sure")
            st.button(
                "Remplacer le texte de la rubrique",
                on_click=insert,
                args=(True, shown_text, paragraph),
                disabled=not sure,
                key="budget:replace",
            )
    notice = st.session_state.pop(FLASH + ":rubric", None)
    if notice:
        (st.success if notice[0] == "success" else st.warning)(notice[1])
        st.page_link(rubric_page(financement), label="Ouvrir la rubrique Financement")

# --- exports -----------------------------------------------------------------------------
if not budget.is_empty():
    st.subheader("Exporter le budget")
    stem = "budget-" + safe_stem(dossier.project.name, fallback="ptce")
    snapshot = budget.model_copy(deep=True)
    left, right = st.columns(2)
    left.download_button(
        "Télécharger (CSV pour Excel)",
        data=lambda: budget_csv(snapshot),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key="budget:csv",
        on_click="ignore",
    )
    right.download_button(
        "Télécharger (XLSX)",
        data=lambda: budget_xlsx(snapshot),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="budget:xlsx",
        on_click="ignore",
    )
