"""Import of a Word draft written from Annexe 1: `import_docx` then `apply_import`.

`import_docx` only reads: it returns what it recognised (identity fields, rubric texts), what
it left over and French notes, for the candidate to accept or cancel. A file that is not a
DOCX, is damaged, password-protected, too big or a decompression bomb raises DocxImportError
before any parser opens it (see `guard`).
"""

from __future__ import annotations

from collections.abc import Callable

from ptce_assist.call import Call, load_call
from ptce_assist.docx_import.apply import apply_import, resolve_identity
from ptce_assist.docx_import.assemble import Assembler
from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.guard import MAX_FILE_BYTES, check_container
from ptce_assist.docx_import.reader import read_document
from ptce_assist.docx_import.result import ImportResult, Leftover
from ptce_assist.docx_import.typed import as_typed
from ptce_assist.text import MAX_FIELD_CHARS, clean_text

__all__ = [
    "MAX_FILE_BYTES",
    "DocxImportError",
    "ImportResult",
    "Leftover",
    "apply_import",
    "import_docx",
]


Stage = Callable[[str], None]
"""Told the stage the import reaches: "guard", "read", "assemble" (for a progress bar)."""


def import_docx(
    data: bytes, call: Call | None = None, stage: Stage | None = None
) -> ImportResult:
    """Read a Word draft. Raises DocxImportError (French message) on a file it cannot read.

    In the server, use `isolation.import_docx_isolated`: it runs this in a child process
    with bounded memory and time.
    """
    call = call or load_call()
    stage = stage or (lambda _name: None)
    stage("guard")
    check_container(data)
    stage("read")
    document = read_document(data)
    stage("assemble")
    collected = Assembler(call).feed(document.items)

    rubrics: dict[str, str] = {}
    empty: list[str] = []
    for rubric_id, text in collected.rubric_texts().items():
        cleaned = as_typed(clean_text(text).text)
        if len(cleaned) > MAX_FIELD_CHARS:
            raise DocxImportError(
                f"La rubrique « {call.rubric(rubric_id).short_fr} » de ce document est "
                "beaucoup trop longue pour un dossier : rien n'a été importé."
            )
        if cleaned.strip():
            rubrics[rubric_id] = cleaned
        else:
            empty.append(rubric_id)
    identity = {path: clean_text(value).text for path, value in collected.identity.items()}
    for path, value in identity.items():
        if len(value) > MAX_FIELD_CHARS:
            raise DocxImportError(
                f"Le champ « {_identity_label(call, path)} » de ce document est beaucoup trop "
                "long pour un dossier : rien n'a été importé."
            )

    notes: list[str] = []
    names = {r.id: f"« {r.short_fr} »" for r in call.rubrics}
    found = [r.id for r in call.rubrics if r.id in rubrics]
    notes.append(f"Rubriques reconnues avec du texte : {len(found)} sur {len(call.rubrics)}.")
    if empty:
        notes.append(
            "Rubriques présentes mais vides dans le document (votre texte actuel est "
            "conservé) : " + ", ".join(names[r] for r in empty) + "."
        )
    absent = [r.id for r in call.rubrics if r.id not in collected.headings]
    if absent:
        notes.append(
            "Rubriques introuvables dans le document (votre texte actuel est conservé) : "
            + ", ".join(names[r] for r in absent) + "."
        )
    for rubric_id in sorted(collected.repeated):
        notes.append(
            f"La rubrique {names[rubric_id]} apparaît plusieurs fois : ses parties ont été "
            "mises bout à bout."
        )
    for rubric_id in sorted(collected.tables_flattened):
        notes.append(
            f"Un tableau de la rubrique {names[rubric_id]} a été converti en lignes de texte "
            "(cellules séparées par « | »)."
        )
    if document.skipped["objets"]:
        notes.append(
            "Les images et zones de texte du document n'ont pas été reprises "
            f"({document.skipped['objets']})."
        )
    if document.skipped["notes"]:
        notes.append("Les notes de bas de page et les commentaires n'ont pas été repris.")
    notes.extend(resolve_identity(identity, call)[1])
    return ImportResult(
        identity=identity,
        rubrics=rubrics,
        headings={rid: collected.headings[rid] for rid in found},
        leftovers=collected.leftover_items(),
        notes=tuple(notes),
    )


def _identity_label(call: Call, path: str) -> str:
    return next((f.label for f in call.identity_fields if f.path == path), path)
