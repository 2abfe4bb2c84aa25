"""Importer un brouillon Word: read the draft, show what was recognised and what was set aside,
let the candidate send set-aside passages to rubrics and decide on « note interne ? »
passages, and replace the dossier's content only when the candidate accepts (all at once, or
nothing). A file that does not look like a dossier needs an explicit confirmation."""

from __future__ import annotations

import streamlit as st

from ptce_assist.docx_import import (
    MAX_FILE_BYTES,
    DocxImportError,
    ImportResult,
    Leftover,
    apply_import,
    with_choices,
)
from ptce_assist.docx_import.isolation import import_docx_isolated
from ptce_assist.services import Conflict, Refused
from ptce_assist.ui.context import (
    call_of,
    forget_widgets,
    note_saved,
    require_team,
)
from ptce_assist.ui.safe import md_escape

_PREVIEW = "import_word:preview"  # {"file_id": str, "result": ImportResult | None, "error": str}
_UPLOADER = "import_word:uploader_round"
_FLASH = "import_word:flash"
_CHOICE = "import_word:choice:"  # + file id + ":" + leftover index
_CONFIRM = "import_word:confirm:"  # + file id
_ASSIGNABLE = ("section", "doublon")
_REMOVED = ("modele", "sommaire", "signature")

opened = require_team()
dossier = opened.dossier
call = call_of(dossier)
labels = {f.path: f.label for f in call.identity_fields}
labels.update({"structure.siret": "SIRET", "structure.rna": "Numéro RNA"})
short = {r.id: r.short_fr for r in call.rubrics}

st.title("Importer un brouillon Word")
st.caption(
    f"Vous avez commencé votre dossier dans Word à partir de {call.template_fr} ? Déposez le "
    "fichier : l'outil reconnaît les intitulés des rubriques et les champs d'identité, vous "
    "montre ce qu'il a trouvé et ce qu'il a laissé de côté, et ne remplace rien sans votre "
    "accord."
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
    for key in [k for k in st.session_state if str(k).startswith((_CHOICE, _CONFIRM))]:
        del st.session_state[key]


if upload is None:
    st.session_state.pop(_PREVIEW, None)
    st.stop()

preview = st.session_state.get(_PREVIEW)
if not preview or preview.get("file_id") != upload.file_id:
    # Read once per uploaded file, not on every rerun.
    # In a child process with capped memory and time; the bar follows its stages.
    bar = st.progress(0.0, text="Lecture du brouillon…")

    def show_stage(done: float, text: str) -> None:
        bar.progress(done, text=text)

    try:
        if upload.size > MAX_FILE_BYTES:
            raise DocxImportError(
                f"Ce fichier est trop volumineux ({MAX_FILE_BYTES // (1024 * 1024)} Mo au plus)."
            )
        result_read = import_docx_isolated(upload.getvalue(), call.id, show_stage)
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
file_id = str(preview["file_id"])


def _choice_key(index: int) -> str:
    return f"{_CHOICE}{file_id}:{index}"


def _rubric_name(rubric_id: str | None) -> str:
    return "Ne pas importer" if rubric_id is None else f"Rubrique « {short[rubric_id]} »"


# The candidate's choices, as the widgets below hold them (read first: "Reconnu" shows them).
choices: dict[int, str | None] = {}
for index, leftover in enumerate(result.leftovers):
    key = _choice_key(index)
    if leftover.kind == "note" and leftover.rubric:
        keep = bool(st.session_state.get(key, leftover.kept))
        choices[index] = leftover.rubric if keep else None
    elif key in st.session_state:
        choices[index] = st.session_state[key]

try:
    chosen = with_choices(result, choices, call)
except DocxImportError as error:
    st.error(md_escape(str(error)) + " Votre dossier n'a pas été modifié.")
    chosen = result

confirmed = result.looks_like_dossier
if not result.looks_like_dossier:
    st.warning(md_escape(result.not_a_dossier) + " Rien n'est importé sans votre confirmation.")
    confirmed = st.checkbox(
        "Ce fichier est bien un brouillon de mon dossier : je veux l'importer quand même",
        key=f"{_CONFIRM}{file_id}",
    )

st.subheader("Reconnu")
if chosen.identity:
    st.markdown("**Identité**")
    for path, value in chosen.identity.items():
        st.markdown(f"- {md_escape(labels.get(path, path))} : {md_escape(value)}")
        sources = chosen.identity_sources.get(path, ())
        if sources and sources != (f"{labels.get(path, path)} : {value}",):
            st.caption("Lu dans : " + " / ".join(f"« {md_escape(s)} »" for s in sources))
if chosen.rubrics:
    st.markdown("**Rubriques**")
    for rubric in call.rubrics:
        text = chosen.rubrics.get(rubric.id)
        if text is None:
            continue
        current = dossier.rubric_text(rubric.id)
        change = (
            f"remplace votre texte actuel ({len(current)} caractères)"
            if current.strip() and current != text
            else "identique à votre texte actuel"
            if current == text
            else "rubrique vide jusqu'ici"
        )
        with st.expander(f"{rubric.short_fr} — {len(text)} caractères ({change})"):
            st.caption("Intitulé trouvé : " + md_escape(chosen.headings.get(rubric.id, "")))
            st.text(text)
if not chosen.recognised_anything:
    st.warning(
        "Aucune rubrique ni aucun champ d'identité n'a été reconnu. Vérifiez que le document "
        f"reprend les intitulés de {call.template_fr} de l'appel."
    )


def _assignable(index: int, leftover: Leftover) -> None:
    with st.expander(md_escape(leftover.context)):
        if leftover.text:
            st.text(leftover.text)
        else:
            st.caption("Un titre seul, sans texte.")
        st.selectbox(
            "Importer ce passage dans :",
            [None, *call.rubric_ids],
            format_func=_rubric_name,
            key=_choice_key(index),
        )


def _note(index: int, leftover: Leftover) -> None:
    with st.expander(md_escape(leftover.context)):
        st.text(leftover.text)
        if leftover.comment:
            st.caption("Commentaire Word : " + md_escape(leftover.comment))
        st.checkbox(
            f"C'est du texte du dossier : le garder dans « {short[leftover.rubric]} »",
            value=leftover.kept,
            key=_choice_key(index),
        )


st.subheader("Laissé de côté")
shown = [(i, x) for i, x in enumerate(result.leftovers) if x.kind not in _REMOVED]
removed = [x for x in result.leftovers if x.kind in _REMOVED]
if shown:
    st.caption(
        "Ces passages ne sont dans aucune rubrique : ils ne seront pas importés, sauf si vous "
        "choisissez une rubrique pour l'un d'eux. Les passages surlignés ou commentés "
        "(« note interne ? ») sont à votre décision."
    )
for index, leftover in shown:
    if leftover.kind == "note" and leftover.rubric:
        _note(index, leftover)
    else:
        _assignable(index, leftover)
if removed:
    with st.expander(f"Retiré du texte : lignes du modèle, sommaire, signature ({len(removed)})"):
        for leftover in removed:
            st.caption(md_escape(leftover.context))
            st.text(leftover.text)
if not result.leftovers:
    st.caption("Rien : tout le texte du document a trouvé sa place.")

for note in result.notes:
    st.info(md_escape(note))  # may quote values from the file

st.divider()
accept, cancel = st.columns(2)
if accept.button(
    "Remplacer par le contenu du brouillon",
    type="primary",
    disabled=not chosen.recognised_anything or not confirmed,
    key="import_word:accept",
):
    updated = apply_import(dossier, chosen)
    replaced = opened.access.replace(updated, expected_version=opened.version)
    if isinstance(replaced, Conflict):
        st.error(
            "Le dossier vient d'être modifié ailleurs : rien n'a été remplacé. "
            "Rechargez la page puis réessayez."
        )
    elif isinstance(replaced, Refused):
        st.error(replaced.message)
    else:
        note_saved(replaced.stored)
        forget_widgets()
        _reset()
        st.session_state[_FLASH] = (
            f"Brouillon importé : {len(chosen.rubrics)} rubrique(s) et "
            f"{len(chosen.identity)} champ(s) d'identité mis à jour."
        )
        st.rerun()
if cancel.button("Annuler", key="import_word:cancel"):
    _reset()
    st.session_state[_FLASH] = "Import annulé : votre dossier n'a pas été modifié."
    st.rerun()
