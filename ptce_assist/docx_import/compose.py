"""Rubric and set-aside texts made of an import's pieces, with the candidate's choices.

A choice sends a set-aside passage to a rubric (or keeps a « note interne ? » where it was):
its pieces join that rubric's text at their place in the document. A passage from elsewhere
is separated from the rubric's own text by a blank line, as a second part of a rubric is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ptce_assist.call import Call
from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.result import ImportResult, Leftover, Piece
from ptce_assist.docx_import.typed import as_typed
from ptce_assist.text import MAX_FIELD_CHARS, clean_text

Choices = Mapping[int, str | None]  # leftover index -> rubric id (None: not imported)


@dataclass
class _Lines:
    lines: list[str] = field(default_factory=list)
    line_id: int = -1
    group: tuple[str, int] | None = None

    def add(self, piece: Piece, group: tuple[str, int] | None = None) -> None:
        group = group or self.group
        if group != self.group and self.lines and self.lines[-1].strip():
            self.lines.append("")
            self.line_id = -1
        self.group = group
        if self.lines and piece.line == self.line_id:
            self.lines[-1] += piece.joiner + piece.text
        else:
            self.lines.append(piece.prefix + piece.text)
            self.line_id = piece.line

    def text(self) -> str:
        start, end = 0, len(self.lines)
        while start < end and not self.lines[start].strip():
            start += 1
        while end > start and not self.lines[end - 1].strip():
            end -= 1
        return "\n".join(self.lines[start:end])


def rubric_texts(
    pieces: Iterable[Piece], leftovers: tuple[Leftover, ...], choices: Choices
) -> dict[str, str]:
    """Rubric id -> raw text, for every rubric with a heading or a passage sent to it."""
    out: dict[str, _Lines] = {}
    parts: Counter[str] = Counter()
    for piece in pieces:
        if piece.place == "heading":
            parts[piece.rubric] += 1
            out.setdefault(piece.rubric, _Lines())
            continue
        if piece.place == "rubric":
            out.setdefault(piece.rubric, _Lines()).add(piece, ("r", parts[piece.rubric]))
            continue
        target = choices.get(piece.leftover) if piece.place == "aside" else None
        if target is None or piece.title:
            continue
        inline = leftovers[piece.leftover].kind == "note"  # a note stays inside its line
        out.setdefault(target, _Lines()).add(piece, None if inline else ("a", piece.leftover))
    return {rubric_id: lines.text() for rubric_id, lines in out.items()}


def leftover_texts(pieces: Iterable[Piece], count: int) -> list[str]:
    out = [_Lines() for _ in range(count)]
    for piece in pieces:
        if piece.place == "aside" and not piece.title:
            out[piece.leftover].add(piece)
    return [lines.text() for lines in out]


def finished(text: str, from_export: bool) -> str:
    """The text as stored: line ends and invisible controls cleaned; the export's own
    typography undone for the application's export (a candidate's characters are kept)."""
    cleaned = clean_text(text).text
    return as_typed(cleaned) if from_export else cleaned


def final_rubrics(raw: dict[str, str], from_export: bool, call: Call) -> dict[str, str]:
    """Rubrics with some text, finished; DocxImportError when one is absurdly long."""
    rubrics: dict[str, str] = {}
    for rubric_id in call.rubric_ids:
        text = finished(raw.get(rubric_id, ""), from_export)
        if len(text) > MAX_FIELD_CHARS:
            raise DocxImportError(
                f"La rubrique « {call.rubric(rubric_id).short_fr} » de ce document est "
                "beaucoup trop longue pour un dossier : rien n'a été importé."
            )
        if text.strip():
            rubrics[rubric_id] = text
    return rubrics


def with_choices(result: ImportResult, choices: Choices, call: Call) -> ImportResult:
    """The result with set-aside passages sent to rubrics as the candidate chose."""
    merged: dict[int, str | None] = {**result.default_choices(), **choices}
    raw = rubric_texts(result.pieces, result.leftovers, merged)
    headings = dict(result.headings)
    for index, target in merged.items():
        if target and target not in headings:
            leftover = result.leftovers[index]
            headings[target] = leftover.heading or leftover.context
    rubrics = final_rubrics(raw, result.from_export, call)
    return replace(result, rubrics=rubrics, headings=headings)
