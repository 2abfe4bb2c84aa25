"""Tableau de bord: the adviser's view of every dossier of their workshop (and nothing else).

The adviser link is checked against the database at the top of every run (`require_adviser`)
and again by each service call, which takes the token, not a workshop id.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.filenames import safe_stem
from ptce_assist.regions import region_name
from ptce_assist.ui.comments_panel import add_comment_form, show_comment, target_label
from ptce_assist.ui.context import open_as_adviser
from ptce_assist.ui.dates import date_field
from ptce_assist.ui.given_value import keep_given_value
from ptce_assist.ui.roles import get_workshops, opened_by_adviser, require_adviser
from ptce_assist.ui.safe import md_escape
from ptce_assist.ui.workshop_members import members_panel
from ptce_assist.volumes import rubric_measure, volume_label
from ptce_assist.workshops.access import (
    AccessDenied,
    WorkshopInputError,
    end_of_day,
    last_workshop_moment,
)
from ptce_assist.workshops.changes import changes_since
from ptce_assist.workshops.codes import format_join_code
from ptce_assist.workshops.dashboard import (
    COL_ADMISSIBLE,
    COL_ELIGIBILITY,
    COL_PROJECT,
    COL_STAGE,
    DISPLAY_COLUMNS,
    DashboardRow,
    dashboard_rows,
    display_frame,
    to_frame,
)
from ptce_assist.workshops.exports import (
    docx_zip,
    to_csv_bytes,
    to_xlsx_bytes,
)

adviser = require_adviser()
service = get_workshops()
workshop = adviser.workshop

st.title("Tableau de bord de l'atelier")
st.markdown(
    f"**{md_escape(workshop.name)}** · {md_escape(region_name(workshop.region))} · "
    f"séances : {', '.join(d.strftime('%d/%m/%Y') for d in workshop.days)}"
)
st.markdown("Code à donner aux équipes (page « Rejoindre un atelier ») :")
st.code(format_join_code(workshop.join_code), language=None)
members_panel(service, adviser)

try:
    stored_dossiers = service.workshop_dossiers(adviser.token)
    counts = service.open_comment_counts(adviser.token)
except AccessDenied as error:
    st.error(str(error))
    st.stop()

if not stored_dossiers:
    st.info("Aucune équipe n'a encore rejoint l'atelier avec son code.")
    st.stop()


@st.cache_data(max_entries=2000, show_spinner=False)
def _row(
    key: str, dossier_json: str, version: int, changed: dt.datetime, count: int
) -> DashboardRow:
    # One diagnosis per dossier version, not one per rerun of this page.
    dossier = Dossier.model_validate_json(dossier_json)
    return dashboard_rows([(key, dossier, changed, count)], measure_for=rubric_measure)[0]


frame = to_frame(
    [
        _row(str(s.id), s.dossier.model_dump_json(), s.version, s.updated_at, counts.get(s.id, 0))
        for s in stored_dossiers
    ]
)

st.subheader(f"Dossiers ({len(frame)})")
left, middle, right = st.columns(3)
search = left.text_input("Filtrer par nom de projet", key="dash_search")
stages = middle.multiselect(
    "Stade de maturité", sorted({s for s in frame[COL_STAGE] if s}), key="dash_stages"
)
admissible = right.multiselect(
    "Recevabilité", sorted(set(frame[COL_ADMISSIBLE])), key="dash_admissible"
)
shown = frame
if search.strip():
    shown = shown[shown[COL_PROJECT].str.contains(search.strip(), case=False, regex=False)]
if stages:
    shown = shown[shown[COL_STAGE].isin(stages)]
if admissible:
    shown = shown[shown[COL_ADMISSIBLE].isin(admissible)]

sort_by = st.selectbox(
    "Trier par",
    [COL_PROJECT, *(c for c in DISPLAY_COLUMNS if c != COL_PROJECT)],
    key="dash_sort",
)
ascending = sort_by in (COL_PROJECT, COL_STAGE, COL_ADMISSIBLE, COL_ELIGIBILITY)
# A plain table, its columns wrapped to the page's width (a scrolling grid cut the last
# columns off), read by screen readers as a table.
st.table(display_frame(shown.sort_values(sort_by, ascending=ascending, na_position="last")))
st.caption(
    "Les exports ci-dessous contiennent aussi la région et les moyennes d'auto-évaluation par bloc."
)

stem = safe_stem(workshop.name, fallback="atelier")
cols = st.columns(3)
cols[0].download_button(
    "Tableau (CSV)",
    data=lambda: to_csv_bytes(shown),
    file_name=f"{stem}-tableau.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)
cols[1].download_button(
    "Tableau (Excel)",
    data=lambda: to_xlsx_bytes(shown),
    file_name=f"{stem}-tableau.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/download:",
    on_click="ignore",
)
selected_ids = {int(key) for key in shown.index}
chosen_dossiers = [s.dossier for s in stored_dossiers if s.id in selected_ids]
cols[2].download_button(
    "Dossiers Word (ZIP)",
    data=lambda: docx_zip(chosen_dossiers),
    file_name=f"{stem}-dossiers.zip",
    mime="application/zip",
    icon=":material/folder_zip:",
    on_click="ignore",
    help="Un fichier .docx par dossier affiché (sans les commentaires).",
)

# --- one dossier, read with the adviser's rights ---------------------------------------------
st.subheader("Ouvrir un dossier")
labels = {
    s.id: s.dossier.project.name.strip() or f"Projet sans nom (n° {s.id})" for s in stored_dossiers
}
remembered = opened_by_adviser()
choices: list[int | None] = [None, *labels]
if "dash_open" not in st.session_state:  # coming back to the page: the dossier opened before
    st.session_state["dash_open"] = remembered if remembered in labels else None
keep_given_value("dash_open")
opened = st.selectbox(
    "Dossier",
    choices,
    format_func=lambda i: "— Choisir un dossier —" if i is None else labels[i],
    key="dash_open",
)
if opened != remembered and (opened is not None or remembered in labels):
    open_as_adviser(opened)
if opened is not None:
    try:
        stored = service.workshop_dossier(adviser.token, opened)
        comments = service.dossier_comments(adviser.token, opened)
    except AccessDenied as error:
        st.error(str(error))
        st.stop()
    dossier = stored.dossier
    call = load_call(dossier.call_id)
    st.caption(
        "Vous lisez le dossier de l'équipe : ses textes et ses réponses restent les siens. "
        "Vous pouvez noter la colonne du conseiller de l'auto-évaluation et commenter ; vos "
        "commentaires apparaissent à côté de ses rubriques."
    )
    go = st.columns(3)
    go[0].page_link(
        "app_pages/recapitulatif.py", label="Lire le dossier", icon=":material/menu_book:"
    )
    go[1].page_link(
        "app_pages/autoevaluation.py",
        label="Noter l'auto-évaluation",
        icon=":material/insights:",
    )
    go[2].page_link(
        "app_pages/recevabilite.py", label="Voir le diagnostic", icon=":material/fact_check:"
    )
    tab_text, tab_changes, tab_comment = st.tabs(
        ["Rubriques et commentaires", "Depuis la dernière séance", "Commenter"]
    )
    with tab_text:
        measure = rubric_measure(dossier)
        for rubric in call.rubrics:
            text = dossier.rubric_text(rubric.id)
            own = [c for c in comments if c.target_kind == "rubric" and c.target_id == rubric.id]
            pending = sum(1 for c in own if not c.resolved)
            badge = f" · {pending} commentaire(s) à traiter" if pending else ""
            with st.expander(
                f"{rubric.short_fr} · {volume_label(measure, rubric, text)}{badge}",
                expanded=False,
            ):
                st.text(text if text.strip() else "(rubrique vide)")
                for comment in own:
                    show_comment(comment)
        criteria = [c for c in comments if c.target_kind == "criterion"]
        if criteria:
            st.markdown("**Commentaires sur les critères de sélection**")
            for comment in criteria:
                st.caption(target_label(call, comment.target_kind, comment.target_id))
                show_comment(comment)
    with tab_changes:
        now = dt.datetime.now(dt.UTC)
        last = last_workshop_moment(workshop.days, now)
        past_days = [d for d in workshop.days if end_of_day(d) <= now]
        references = [*reversed(past_days), None]
        default = 0 if last is not None else len(references) - 1
        reference = st.selectbox(
            "Comparer avec l'état du dossier",
            references,
            index=default,
            format_func=lambda d: (
                f"à la fin de la séance du {d.strftime('%d/%m/%Y')}"
                if d is not None
                else "à sa création (tout le texte)"
            ),
            key="dash_reference",
        )
        moment = end_of_day(reference) if reference is not None else None
        then = service.texts_at(adviser.token, opened, moment) if moment else {}
        changes = changes_since(then, dossier, call)
        if not changes:
            st.info("Aucune rubrique n'a changé depuis.")
        for change in changes:
            st.markdown(f"**{md_escape(change.label)}** — {change.summary}")
            st.code(change.diff, language=None, wrap_lines=True)
    with tab_comment:
        add_comment_form(adviser, opened, call)

# --- workshop dates ------------------------------------------------------------------------
with st.expander("Ajouter une date de séance"):
    with st.form("add_day"):
        day = date_field("Date", value=dt.date.today(), key="new_day")
        added = st.form_submit_button("Ajouter")
    if added and isinstance(day, dt.date):
        try:
            service.add_day(adviser.token, day)
        except (AccessDenied, WorkshopInputError) as error:
            st.error(str(error))
        else:
            st.rerun()
