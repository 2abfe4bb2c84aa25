"""Exporter: the DOCX of Annexe 1, the whole dossier as .txt/.md, each rubric to copy.

Files are built only when a download button is clicked (the button's data is a callable
that reads the dossier as stored at that moment), never on a rerun of this page.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ptce_assist.docx_export import DOCX_MIME, build_docx, docx_filename, export_warnings
from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import get_preset
from ptce_assist.plaintext import (
    dossier_markdown,
    dossier_text,
    export_sections,
    rubric_plaintext,
)
from ptce_assist.storage import DossierStore
from ptce_assist.ui.context import call_of, current_token, get_store, require_dossier
from ptce_assist.ui.copy_button import copy_button
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import effective_preset

stored = require_dossier()
dossier = stored.dossier
call = call_of(dossier)


def _latest(store: DossierStore, token: str, fallback: Dossier) -> Dossier:
    """The dossier as stored when the button is clicked (it may have changed meanwhile)."""
    found = store.load(token)
    return found.dossier if found is not None else fallback


def _builder(
    kind: str, store: DossierStore, token: str, fallback: Dossier
) -> Callable[[], bytes | str]:
    def build() -> bytes | str:
        latest = _latest(store, token, fallback)
        if kind == "docx":
            return build_docx(latest)
        if kind == "md":
            return dossier_markdown(latest)
        return dossier_text(latest)

    return build


st.title("Exporter le dossier")
st.caption(
    f"Le document Word suit {call.template_fr} de l'appel : identité, puis chaque rubrique "
    "avec son intitulé exact et sa limite. Le texte des rubriques y est mis en page "
    "exactement comme le compteur l'a mesuré."
)

preset = get_preset(effective_preset(dossier))
st.markdown(f"**Mise en page :** {md_escape(preset.label)}")

warnings = export_warnings(dossier)
if warnings:
    st.warning(
        "**À vérifier avant de télécharger :**\n\n"
        + "\n".join(f"- {md_escape(w)}" for w in warnings)
    )
else:
    st.success("Identité complète, toutes les rubriques obligatoires sont remplies et "
               "aucune ne dépasse sa limite.")

token = str(current_token())
store = get_store()
col_docx, col_txt, col_md = st.columns(3)
col_docx.download_button(
    "Document Word (.docx)",
    data=_builder("docx", store, token, dossier),
    file_name=docx_filename(dossier),
    mime=DOCX_MIME,
    on_click="ignore",
    type="primary",
    icon=":material/description:",
    key="export_docx",
)
col_txt.download_button(
    "Texte brut (.txt)",
    data=_builder("txt", store, token, dossier),
    file_name=docx_filename(dossier, ".txt"),
    mime="text/plain",
    on_click="ignore",
    icon=":material/notes:",
    key="export_txt",
)
col_md.download_button(
    "Markdown (.md)",
    data=_builder("md", store, token, dossier),
    file_name=docx_filename(dossier, ".md"),
    mime="text/markdown",
    on_click="ignore",
    icon=":material/code:",
    key="export_md",
)

st.subheader("Copier une rubrique dans démarches-simplifiées")
st.caption(
    "Chaque bouton copie le texte tel que vous l'avez saisi, retours à la ligne compris, "
    "sans espace insécable ni caractère invisible. démarches-simplifiées compte les octets : "
    "une lettre accentuée en vaut deux."
)
for section in export_sections(dossier, call):
    rubric = section.rubric
    left, right = st.columns([3, 2], vertical_alignment="center")
    if section.text is None:
        left.markdown(f"**{md_escape(rubric.short_fr)}** — rubrique obligatoire vide")
        continue
    text = rubric_plaintext(dossier, rubric.id)
    left.markdown(
        f"**{md_escape(rubric.short_fr)}** — {len(text)} caractères, "
        f"{len(text.encode('utf-8'))} octets"
    )
    with right:
        copy_button(text, key=f"copy_export:{rubric.id}", label="Copier le texte")
