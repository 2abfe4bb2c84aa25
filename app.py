"""ptce-assist: entry point. Builds the navigation; each page lives in app_pages/.

The folder is not named `pages/`: Streamlit auto-discovers a `pages/` folder, and a deep link
opened as the first request after a server start then bypasses this file (see README).
"""

from __future__ import annotations

import streamlit as st

from app_pages.rubrique import rubric_page
from ptce_assist.call import load_call
from ptce_assist.ui.chrome import sidebar_progress
from ptce_assist.ui.context import sync_token_with_url

st.set_page_config(page_title="ptce-assist — dossier AMI PTCE", page_icon="🤝", layout="wide")

call = load_call()

pages: dict[str, list[st.Page]] = {
    "Dossier": [
        st.Page("app_pages/accueil.py", title="Accueil", icon=":material/home:", default=True),
        st.Page(
            "app_pages/identite.py", title="Identité", icon=":material/badge:", url_path="identite"
        ),
    ],
    "Rubriques": [rubric_page(rubric) for rubric in call.rubrics],
    "Bilan": [
        st.Page(
            "app_pages/recapitulatif.py",
            title="Récapitulatif",
            icon=":material/checklist:",
            url_path="recapitulatif",
        ),
        # further pages (diagnostic, budget, export, ateliers) are added here
    ],
}

navigation = st.navigation(pages, expanded=True)
sync_token_with_url()
sidebar_progress()
navigation.run()
