"""Exporter: the DOCX of Annexe 1, the whole dossier as .txt/.md, each rubric to copy.

Files are built only when a download button is clicked (the button's data is a callable
that reads the dossier as stored at that moment), never on a rerun of this page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from ptce_assist.docx_export import (
    DOCX_MIME,
    build_docx,
    docx_filename,
    export_warnings,
    over_limit_rubrics,
)
from ptce_assist.docx_export.pdf import PDF_MIME, PdfError, docx_to_pdf, libreoffice
from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import get_preset
from ptce_assist.plaintext import (
    dossier_markdown,
    dossier_text,
    export_sections,
    rubric_plaintext,
)
from ptce_assist.ui.context import OpenDossier, call_of, require_open
from ptce_assist.ui.copy_button import copy_button
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import effective_preset

PDF_KEY = "p:export:pdf"  # page-scoped: dropped when the person leaves the page

dossier = require_open().dossier
call = call_of(dossier)


def _latest(opened: OpenDossier, fallback: Dossier) -> Dossier:
    """The dossier as stored when the button is clicked (it may have changed meanwhile)."""
    found = opened.access.load()
    return found.dossier if found is not None else fallback


def _builder(kind: str, latest: Callable[[], Dossier]) -> Callable[[], bytes | str]:
    def build() -> bytes | str:
        dossier = latest()
        if kind == "docx":
            return build_docx(dossier)
        if kind == "md":
            return dossier_markdown(dossier)
        return dossier_text(dossier)

    return build


def _pdf_section(latest: Callable[[], Dossier], ready: bool) -> None:
    """The PDF, where LibreOffice is installed on the server: made on request (a few
    seconds), then offered for download."""
    if libreoffice() is None:
        return
    st.subheader("PDF")
    st.caption(
        "Le PDF est mis en page par LibreOffice exactement comme le compteur de lignes l'a "
        "mesuré. Word peut couper environ 1 % des lignes autrement."
    )
    made = st.session_state.get(PDF_KEY)
    if st.button("Préparer le PDF", icon=":material/picture_as_pdf:", disabled=not ready):
        with st.spinner("Mise en page du PDF par LibreOffice…"):
            try:
                made = docx_to_pdf(build_docx(latest()))
            except PdfError as error:
                st.error(str(error))
                made = None
        st.session_state[PDF_KEY] = made
    if made and ready:
        st.download_button(
            "Télécharger le PDF",
            data=made,
            file_name=docx_filename(dossier, ".pdf"),
            mime=PDF_MIME,
            on_click="ignore",
            icon=":material/download:",
            key="export_pdf",
        )


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
    st.success(
        "Identité complète, toutes les rubriques obligatoires sont remplies et "
        "aucune ne dépasse sa limite."
    )

# A rubric over its limit: the candidate decides, knowingly (the document itself is never
# marked: it is theirs to submit).
over = over_limit_rubrics(dossier)
ready = True
if over:
    names = ", ".join(f"« {md_escape(name)} »" for name in over)
    st.error(
        f"{'La rubrique' if len(over) == 1 else 'Les rubriques'} {names} "
        f"{'dépasse sa' if len(over) == 1 else 'dépassent leur'} limite. L'appel demande de "
        "respecter les volumes : raccourcissez-les avant le dépôt. Le document exporté ne "
        "signale rien ; c'est à vous de décider.",
        icon=":material/error:",
    )
    ready = st.checkbox(
        "J'ai vu le dépassement et je veux exporter le document quand même",
        key="p:export:over-limit",
    )

latest = partial(_latest, require_open(), dossier)
col_docx, col_txt, col_md = st.columns(3)
col_docx.download_button(
    "Document Word (.docx)",
    data=_builder("docx", latest),
    file_name=docx_filename(dossier),
    mime=DOCX_MIME,
    on_click="ignore",
    type="primary",
    icon=":material/description:",
    key="export_docx",
    disabled=not ready,
)
col_txt.download_button(
    "Texte brut (.txt)",
    data=_builder("txt", latest),
    file_name=docx_filename(dossier, ".txt"),
    mime="text/plain",
    on_click="ignore",
    icon=":material/notes:",
    key="export_txt",
    disabled=not ready,
)
col_md.download_button(
    "Markdown (.md)",
    data=_builder("md", latest),
    file_name=docx_filename(dossier, ".md"),
    mime="text/markdown",
    on_click="ignore",
    icon=":material/code:",
    key="export_md",
    disabled=not ready,
)

_pdf_section(latest, ready)

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
