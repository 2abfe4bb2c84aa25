"""Importer un brouillon Word: read the draft, show what was recognised and left over, and
replace the dossier's content only when the candidate accepts (all at once, or nothing)."""

from __future__ import annotations

import streamlit as st

from ptce_assist.docx_import import (
    MAX_FILE_BYTES,
    DocxImportError,
    ImportResult,
    apply_import,
)
from ptce_assist.docx_import.isolation import import_docx_isolated
from ptce_assist.storage import VersionConflict
from ptce_assist.ui.context import (
    call_of,
    current_token,
    forget_widgets,
    get_store,
    require_dossier,
)
from ptce_assist.ui.safe import md_escape

_PREVIEW = "import_word:preview"  # {"file_id": str, "result": ImportResult | None, "error": str}
_UPLOADER = "import_word:uploader_round"
_FLASH = "import_word:flash"

stored = require_dossier()
dossier = stored.dossier
call = call_of(dossier)
labels = {f.path: f.label for f in call.identity_fields}
labels.update({"structure.siret": "SIRET", "structure.rna": "Numéro RNA"})

st.title("Importer un brouillon Word")
st.caption(
    "Vous avez commencé votre dossier dans Word à partir de l'annexe 1 ? Déposez le fichier : "
    "l'outil reconnaît les intitulés des rubriques et les champs d'identité, vous montre ce "
    "qu'il a trouvé, et ne remplace rien sans votre accord."
)

flash = st.session_state.pop(_FLASH, None)
if flash:
    st.success(flash)

round_ = int(st.session_state.get(_UPLOADER, 0))
upload = st.file_uploader(
    "Brouillon Word (.docx)",
    type=["docx"],
    key=f"import_word:upload:{round_}",
    help=f"Format .docx, {MAX_FILE_BYTES // (1024 * 1024)} Mo au plus.",
)


def _reset() -> None:
    st.session_state.pop(_PREVIEW, None)
    st.session_state[_UPLOADER] = round_ + 1


if upload is None:
    st.session_state.pop(_PREVIEW, None)
    st.stop()

preview = st.session_state.get(_PREVIEW)
if not preview or preview.get("file_id") != upload.file_id:
    # Read once per uploaded file, not on every rerun.
    # In a child process with capped memory and time; the bar follows its stages.
    bar = st.progress(0.0, text="Lecture du brouillon…")
    try:
        if upload.size > MAX_FILE_BYTES:
            raise DocxImportError(
                f"Ce fichier est trop volumineux ({MAX_FILE_BYTES // (1024 * 1024)} Mo au plus)."
            )
        result_read = import_docx_isolated(
            upload.getvalue(), call.id, lambda done, text: bar.progress(done, text=text)
        )
        preview = {"file_id": upload.file_id, "result": result_read, "error": ""}
    except DocxImportError as error:
        preview = {"file_id": upload.file_id, "result": None, "error": str(error)}
    bar.empty()
    st.session_state[_PREVIEW] = preview

if preview["error"]:
    # Part names and values from the file: shown literally, never as Markdown.
    st.error(md_escape(preview["error"] + " Votre dossier n'a pas été modifié."))
    st.stop()

result: ImportResult = preview["result"]

st.subheader("Reconnu")
if result.identity:
    st.markdown("**Identité**")
    for path, value in result.identity.items():
        st.markdown(f"- {md_escape(labels.get(path, path))} : {md_escape(value)}")
if result.rubrics:
    st.markdown("**Rubriques**")
    for rubric in call.rubrics:
        text = result.rubrics.get(rubric.id)
        if text is None:
            continue
        current = dossier.rubric_text(rubric.id)
        change = (
            f"remplace votre texte actuel ({len(current)} caractères)"
            if current.strip() and current != text
            else "identique à votre texte actuel" if current == text
            else "rubrique vide jusqu'ici"
        )
        with st.expander(f"{rubric.short_fr} — {len(text)} caractères ({change})"):
            st.caption("Intitulé trouvé : " + md_escape(result.headings.get(rubric.id, "")))
            st.text(text)
if not result.recognised_anything:
    st.warning(
        "Aucune rubrique ni aucun champ d'identité n'a été reconnu. Vérifiez que le document "
        "reprend les intitulés de l'annexe 1 de l'appel."
    )

st.subheader("Laissé de côté")
if result.leftovers:
    st.caption("Ces passages ne correspondent à aucune rubrique : ils ne seront pas importés.")
    for leftover in result.leftovers:
        with st.expander(md_escape(leftover.context)):
            st.text(leftover.text)
else:
    st.caption("Rien : tout le texte du document a trouvé sa place.")

for note in result.notes:
    st.info(md_escape(note))  # may quote values from the file

st.divider()
accept, cancel = st.columns(2)
if accept.button(
    "Remplacer par le contenu du brouillon",
    type="primary",
    disabled=not result.recognised_anything,
    key="import_word:accept",
):
    try:
        updated = apply_import(dossier, result)
        get_store().replace(str(current_token()), updated, expected_version=stored.version)
    except VersionConflict:
        st.error(
            "Le dossier vient d'être modifié ailleurs : rien n'a été remplacé. "
            "Rechargez la page puis réessayez."
        )
    else:
        forget_widgets()
        _reset()
        st.session_state[_FLASH] = (
            f"Brouillon importé : {len(result.rubrics)} rubrique(s) et "
            f"{len(result.identity)} champ(s) d'identité mis à jour."
        )
        st.rerun()
if cancel.button("Annuler", key="import_word:cancel"):
    _reset()
    st.session_state[_FLASH] = "Import annulé : votre dossier n'a pas été modifié."
    st.rerun()
