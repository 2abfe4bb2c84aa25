"""One table editor over the actors of the dossier in `?d=`, read-only with `?lecture=1`.

No page of the app draws a table read-only yet (the mode is there for an adviser's view): this
page lets the browser test check it. Run by tests/browser/test_tables.py.
"""

from __future__ import annotations

import streamlit as st

from ptce_assist.eligibility.answers import STATUS_LABELS
from ptce_assist.eligibility.table_rows import actor_rows, actors_from_rows
from ptce_assist.ui.context import begin_run, require_open, sync_token_with_url
from ptce_assist.ui.table_editor import Column, table_editor

readonly = st.query_params.get("lecture") == "1"
sync_token_with_url()
begin_run()
opened = require_open()
table_editor(
    opened,
    "diagnostic.actors",
    caption="Acteurs du pôle",
    columns=[
        Column("name", "Nom"),
        Column("kind", "Catégorie", "select", {"ess": "Entreprise de l'ESS"}),
        Column("role", "Rôle dans le pôle"),
        Column("status", "Statut", "select", STATUS_LABELS),
    ],
    to_rows=actor_rows,
    to_stored=actors_from_rows,
    readonly=readonly,
)
