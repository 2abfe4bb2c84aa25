"""Import of a Word draft written from Annexe 1: `import_docx`, `with_choices`, `apply_import`.

`import_docx` only reads: it returns what it recognised (identity fields, rubric texts), what
it set aside and why, and French notes, for the candidate to accept or cancel. Every
paragraph, table row and list item of the draft ends up in exactly one place: a rubric, an
identity field, or a passage set aside (`ImportResult.pieces` says which). `with_choices` sends
set-aside passages to rubrics as the candidate decides. A file that is not a DOCX, is damaged,
password-protected, too big or a decompression bomb raises DocxImportError before any parser
opens it (see `guard`).
"""

from __future__ import annotations

from collections.abc import Callable

from ptce_assist.call import Call, load_call
from ptce_assist.docx_import.apply import apply_import, resolve_identity
from ptce_assist.docx_import.assemble import Assembler
from ptce_assist.docx_import.compose import (
    final_rubrics,
    leftover_texts,
    rubric_texts,
    with_choices,
)
from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.guard import MAX_FILE_BYTES, check_container
from ptce_assist.docx_import.reader import read_document
from ptce_assist.docx_import.report import dossier_check, import_notes
from ptce_assist.docx_import.result import ImportResult, Leftover, Piece
from ptce_assist.text import MAX_FIELD_CHARS, clean_text

__all__ = [
    "MAX_FILE_BYTES",
    "DocxImportError",
    "ImportResult",
    "Leftover",
    "Piece",
    "apply_import",
    "import_docx",
    "with_choices",
]


Stage = Callable[[str], None]
"""Told the stage the import reaches: "guard", "read", "assemble" (for a progress bar)."""


def import_docx(data: bytes, call: Call | None = None, stage: Stage | None = None) -> ImportResult:
    """Read a Word draft. Raises DocxImportError (French message) on a file it cannot read.

    In the server, use `isolation.import_docx_isolated`: it runs this in a child process
    with bounded memory and time.
    """
    call = call or load_call()  # the current edition
    stage = stage or (lambda _name: None)
    stage("guard")
    check_container(data)
    stage("read")
    document = read_document(data)
    stage("assemble")
    collected = Assembler(call, document.comments).feed(document.items)
    pieces = tuple(collected.pieces)

    texts = leftover_texts(pieces, len(collected.asides))
    leftovers = tuple(
        Leftover(
            context=aside.context,
            text=texts[index].strip() if aside.kind == "note" else texts[index],
            kind=aside.kind,
            heading=aside.heading,
            rubric=aside.rubric,
            kept=aside.kept,
            comment=aside.comment,
        )
        for index, aside in enumerate(collected.asides)
    )
    defaults = {i: x.rubric for i, x in enumerate(leftovers) if x.kept and x.rubric}
    rubrics = final_rubrics(rubric_texts(pieces, leftovers, defaults), document.from_export, call)
    identity = {path: clean_text(value).text for path, value in collected.identity.items()}
    for path, value in identity.items():
        if len(value) > MAX_FIELD_CHARS:
            raise DocxImportError(
                f"Le champ « {_identity_label(call, path)} » de ce document est beaucoup trop "
                "long pour un dossier : rien n'a été importé."
            )
    notes = import_notes(collected, document, leftovers, rubrics, call)
    notes.extend(resolve_identity(identity, call)[1])
    refusal = dossier_check(collected, call)
    return ImportResult(
        identity=identity,
        rubrics=rubrics,
        headings=dict(collected.headings),
        leftovers=leftovers,
        notes=tuple(notes),
        looks_like_dossier=not refusal,
        not_a_dossier=refusal,
        pieces=pieces,
        identity_sources={k: tuple(v) for k, v in collected.identity_sources.items()},
        from_export=document.from_export,
    )


def _identity_label(call: Call, path: str) -> str:
    return next((f.label for f in call.identity_fields if f.path == path), path)
