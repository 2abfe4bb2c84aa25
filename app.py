"""ptce-assist: entry point. Builds the navigation; each page lives in app_pages/.

The folder is not named `pages/`: Streamlit auto-discovers a `pages/` folder, and a deep link
opened as the first request after a server start then bypasses this file (see README).
"""

from __future__ import annotations

import time

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.call import load_call
from ptce_assist.ui.chrome import sidebar_progress
from ptce_assist.ui.click_guard import click_guard
from ptce_assist.ui.context import (
    begin_run,
    call_of,
    current_open,
    current_token,
    database_guard,
    enter_page,
    sync_token_with_url,
)
from ptce_assist.ui.errors import run_guarded
from ptce_assist.ui.personal_link import new_dossier_banner, sidebar_link
from ptce_assist.ui.run_log import run_page
from ptce_assist.ui.team import live, member_panel, team_watch

# Imports are cached after the first run: a run's time is measured from here.
SCRIPT_STARTED = time.perf_counter()

st.set_page_config(page_title="ptce-assist — dossier AMI PTCE", page_icon="🤝", layout="wide")

pages: dict[str, list[st.Page]] = {
    "Dossier": [
        st.Page("app_pages/accueil.py", title="Accueil", icon=":material/home:", default=True),
        st.Page(
            "app_pages/identite.py", title="Identité", icon=":material/badge:", url_path="identite"
        ),
        st.Page(
            "app_pages/equipe.py", title="Écrire en équipe", icon=":material/group:",
            url_path="equipe",
        ),
    ],
    "Rubriques": [],  # the open dossier's edition decides them: see `rubric_pages`
    "Budget": [st.Page("app_pages/budget.py", title="Budget prévisionnel", icon=":material/euro:", url_path="budget")],  # noqa: E501
    "Bilan": [
        st.Page(
            "app_pages/recapitulatif.py",
            title="Récapitulatif",
            icon=":material/checklist:",
            url_path="recapitulatif",
        ),
        st.Page("app_pages/export.py", title="Exporter", icon=":material/download:", url_path="export"),  # noqa: E501
        st.Page("app_pages/import_word.py", title="Importer un brouillon Word", icon=":material/upload_file:", url_path="importer"),  # noqa: E501
    ],
    "Diagnostic": [
        st.Page("app_pages/recevabilite.py", title="Recevabilité", icon=":material/fact_check:", url_path="recevabilite"),  # noqa: E501
        st.Page("app_pages/porteur.py", title="Porteur et gouvernance", icon=":material/account_balance:", url_path="porteur"),  # noqa: E501
        st.Page("app_pages/acteurs.py", title="Acteurs du pôle", icon=":material/hub:", url_path="acteurs-du-pole"),  # noqa: E501
        st.Page("app_pages/eligibilite.py", title="Éligibilité", icon=":material/rule:", url_path="eligibilite"),  # noqa: E501
        st.Page("app_pages/autoevaluation.py", title="Auto-évaluation", icon=":material/insights:", url_path="autoevaluation"),  # noqa: E501
    ],
    "Ateliers": [
        st.Page("app_pages/atelier_rejoindre.py", title="Rejoindre un atelier", icon=":material/group_add:", url_path="rejoindre-atelier"),  # noqa: E501
        st.Page("app_pages/atelier_creer.py", title="Créer un atelier", icon=":material/add_circle:", url_path="creer-atelier"),  # noqa: E501
        st.Page("app_pages/tableau_de_bord.py", title="Tableau de bord", icon=":material/dashboard:", url_path="tableau-de-bord"),  # noqa: E501
    ],
}


def rubric_pages() -> list[st.Page]:
    """One page per rubric of the open dossier's edition (of the current one if none is open);
    called after `begin_run`, which read the dossier."""
    opened = current_open()
    call = call_of(opened.dossier) if opened is not None else load_call()
    return [rubric_page(rubric) for rubric in call.rubrics]


def main() -> None:
    sync_token_with_url()
    begin_run()
    pages["Rubriques"] = rubric_pages()
    navigation = st.navigation(pages, expanded=True)
    enter_page(navigation.url_path)
    sidebar_progress()
    if current_token() is not None:
        sidebar_link()
        new_dossier_banner()
        opened = current_open()
        if live():
            with st.sidebar:
                member_panel()
                team_watch(call_of(opened.dossier) if opened is not None else None)
    with st.sidebar:
        click_guard()
    with database_guard():
        run_page(navigation, SCRIPT_STARTED)


run_guarded(main)  # no traceback reaches a user: a French message, details in the server log
