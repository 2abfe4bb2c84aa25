"""Budget prévisionnel: expenses and resources per year, checks, chart, paragraph, exports."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.budget.amounts import format_amount
from ptce_assist.budget.categories import catalogue
from ptce_assist.budget.checks import BudgetCheck, budget_checks
from ptce_assist.budget.draft import draft_paragraph
from ptce_assist.budget.editing import (
    CATEGORY,
    DETAIL,
    YEAR_KEYS,
    Section,
    category_labels,
    columns,
    dropped_by,
    editor_rows,
    parse_rows,
    with_mode,
)
from ptce_assist.budget.exports import budget_csv, budget_xlsx
from ptce_assist.budget.model import MODE_LABELS, Budget, BudgetMode
from ptce_assist.filenames import safe_stem
from ptce_assist.fingerprint import value_digest
from ptce_assist.ui import bound
from ptce_assist.ui.context import call_of, require_dossier
from ptce_assist.ui.safe import md_escape

PATH = "budget"
RUBRIC_PATH = "rubrics.financement"
SEED = "budget:seed"  # the stored budget (JSON dict) the editors were built from
GENERATION = "budget:generation"  # part of the editors' keys: a new one drops their edits
FLASH = "budget:flash"
LEVEL_ICONS = {"ok": ":material/check_circle:", "info": ":material/info:"}
LEVEL_ICONS["attention"] = ":material/warning:"

stored = require_dossier()
dossier = stored.dossier
call = call_of(dossier)
stored_dump: dict[str, Any] = dossier.budget.model_dump(mode="json")


def reseed(dump: dict[str, Any]) -> None:
    """Rebuild the editors from `dump` (the stored budget)."""
    st.session_state[SEED] = dump
    st.session_state[f"base:{PATH}"] = dump
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


if SEED not in st.session_state:
    reseed(stored_dump)
elif st.session_state.get(f"base:{PATH}") != stored_dump:
    st.session_state[FLASH] = (
        "Le budget a été modifié ailleurs (autre onglet ou autre membre de l'équipe) : "
        "la version enregistrée est affichée."
    )
    reseed(stored_dump)

seed = Budget.model_validate(st.session_state[SEED])
generation = st.session_state[GENERATION]

st.title("Budget prévisionnel")
financement = call.rubric("financement")
if financement.limit_note:
    st.caption(f"L'appel, rubrique « Financement » : « {financement.limit_note} »")
if FLASH in st.session_state:
    st.warning(st.session_state.pop(FLASH))


def save(budget: Budget) -> bool:
    dump = budget.model_dump(mode="json")
    if bound.save(PATH, dump, base_digest=value_digest(st.session_state.get(f"base:{PATH}"))):
        st.session_state[f"base:{PATH}"] = dump
        return True
    if st.session_state.pop(f"p:{PATH}#conflict", None) is not None:
        st.session_state[FLASH] = (
            "Le budget a été modifié ailleurs entre-temps : votre dernière modification n'a pas "
            "été enregistrée. La version enregistrée est affichée."
        )
        st.session_state.pop(SEED, None)
        st.rerun()
    bound.feedback(PATH)
    return False


# --- duration and first year -------------------------------------------------------------
left, right = st.columns([3, 2])
modes: list[BudgetMode] = ["annuel", "trois_ans"]
chosen: BudgetMode = left.radio(
    "Durée du budget (au choix du déposant)",
    modes,
    index=modes.index(seed.mode),
    format_func=lambda m: MODE_LABELS[m],
    horizontal=True,
    key=f"budget:mode:{generation}",
)
first_year = right.number_input(
    "Année de N (facultatif)",
    min_value=2000,
    max_value=2100,
    value=seed.first_year,
    step=1,
    placeholder="ex. 2025",
    key=f"budget:first_year:{generation}",
)
if chosen != seed.mode:
    current = Budget.model_validate(stored_dump)
    lost = dropped_by(current, chosen)
    confirmed = True
    if lost:
        st.warning(
            "Passer au budget annuel retire les montants saisis pour N+1 et N+2 "
            f"({format_amount(lost)} de dépenses et de ressources au total)."
        )
        confirmed = st.button("Confirmer le budget annuel", key=f"budget:confirm:{generation}")
    if confirmed and save(with_mode(current, chosen)):
        reseed(st.session_state[f"base:{PATH}"])
        st.rerun()
if first_year != seed.first_year:
    current = Budget.model_validate(stored_dump)
    year = int(first_year) if first_year is not None else None
    if save(current.model_copy(update={"first_year": year})):
        reseed(st.session_state[f"base:{PATH}"])
        st.rerun()

# --- the two tables ----------------------------------------------------------------------
labels = seed.year_labels()
ROW_PX = 35
AMOUNT_HELP = "Montant en euros : 45 000, 45 000 €, 2 500,50 ou 1,5 k€."


def editor(section: Section, title: str, category_title: str) -> list[dict[str, Any]]:
    st.subheader(title)
    lines = seed.expenses if section == "expenses" else seed.resources
    frame = pd.DataFrame(editor_rows(lines, seed.years, section), columns=columns(seed.years))
    config: dict[str, Any] = {
        CATEGORY: st.column_config.SelectboxColumn(
            category_title, options=list(category_labels(section).values()), width="medium"
        ),
        DETAIL: st.column_config.TextColumn("Précision (facultatif)", width="medium"),
    }
    for key, label in zip(YEAR_KEYS, labels, strict=False):
        config[key] = st.column_config.TextColumn(f"{label} (€)", help=AMOUNT_HELP)
    edited = st.data_editor(
        frame,
        key=f"budget:{section}:{generation}",
        num_rows="dynamic",
        hide_index=True,
        column_config=config,
        width="stretch",
        height=ROW_PX * (len(frame) + 2) + 3,  # every row visible, and one to add
        placeholder="",
    )
    records: list[dict[str, Any]] = edited.to_dict("records")
    return records


expense_rows = editor("expenses", "Dépenses", "Poste de dépense")
resource_rows = editor("resources", "Ressources", "Origine")
expenses = parse_rows(expense_rows, seed.years, "expenses", labels)
resources = parse_rows(resource_rows, seed.years, "resources", labels)
errors = expenses.errors + resources.errors
candidate = seed.model_copy(update={"expenses": expenses.lines, "resources": resources.lines})

if errors:
    st.error(
        "Certains montants ne sont pas compris : le budget n'est pas enregistré tant qu'ils ne "
        "sont pas corrigés.\n\n" + "\n".join(f"- {md_escape(e)}" for e in errors)
    )
    budget = Budget.model_validate(stored_dump)
else:
    if candidate.model_dump(mode="json") != stored_dump:
        save(candidate)
    budget = candidate

# --- totals, checks, chart ---------------------------------------------------------------
st.subheader("Équilibre et contrôles")
if not budget.is_empty():
    spent, earned = budget.expense_totals(), budget.resource_totals()
    st.dataframe(
        pd.DataFrame(
            {
                "Totaux": ["Total des dépenses", "Total des ressources", "Écart"],
                **{
                    label: [format_amount(s), format_amount(e), format_amount(e - s)]
                    for label, s, e in zip(labels, spent, earned, strict=True)
                },
            }
        ),
        hide_index=True,
    )


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
    cat = catalogue()
    chart = pd.DataFrame(
        [
            {"Année": label, "Origine": cat.resource_label(kind), "Montant (€)": amount / 100}
            for kind, row in budget.resources_by_kind().items()
            for label, amount in zip(labels, row, strict=True)
            if amount
        ]
    )
    st.bar_chart(chart, x="Année", y="Montant (€)", color="Origine", stack=True)

# --- the paragraph for the financement rubric --------------------------------------------
st.subheader("Paragraphe « en grandes masses »")
paragraph = draft_paragraph(budget)
if not paragraph:
    st.caption("Le paragraphe sera proposé dès que le budget contiendra des montants.")
else:
    st.caption("Proposé à partir du budget : insérez-le puis retouchez-le dans la rubrique.")
    st.text(paragraph)
    shown_text = dossier.rubric_text("financement")

    def insert(replace: bool, shown: str, text: str) -> None:
        new = text if replace or not shown.strip() else f"{shown.rstrip()}\n\n{text}"
        if bound.save(RUBRIC_PATH, new, base_digest=value_digest(shown)):
            st.session_state[FLASH + ":rubric"] = ("success", "Paragraphe inséré dans la rubrique.")
        elif st.session_state.pop(f"p:{RUBRIC_PATH}#conflict", None) is not None:
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
