"""What an import found, shown to the candidate before anything is replaced.

Every paragraph of the document (table cells included) is cut into `Piece`s, each in exactly
one place: a rubric's text, a rubric's heading, an identity field, or a passage set aside
(`Leftover`). The rubric texts and the set-aside texts are made of these pieces and nothing
else, so what is imported and what is set aside together make up the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Place = Literal["rubric", "heading", "identity", "aside", "blank"]
LeftoverKind = Literal["section", "note", "modele", "sommaire", "signature", "doublon"]


@dataclass(frozen=True)
class Piece:
    source: int  # the paragraph it comes from (its position in the document, cells included)
    line: int  # pieces of the same line are joined (a paragraph cut in two, a table row)
    text: str  # exactly as in the document
    place: Place
    rubric: str = ""  # "rubric" and "heading" pieces: the rubric's id
    leftover: int = -1  # "aside" pieces: index in ImportResult.leftovers
    paths: tuple[str, ...] = ()  # "identity" pieces: the fields read from it
    title: bool = False  # the heading of a set-aside section (not imported with its text)
    joiner: str = ""  # put before the text when the piece before it on its line is kept
    prefix: str = ""  # "- " or "3. " for an item of a Word list (not typed by the candidate)


@dataclass(frozen=True)
class Leftover:
    context: str  # French: where the text was ("Avant la première rubrique", "Section « … »")
    text: str
    kind: LeftoverKind = "section"
    heading: str = ""  # the heading of a set-aside section, as written
    rubric: str = ""  # a note: the rubric it sits in ("Garder" puts it back there)
    kept: bool = False  # a note imported unless the candidate sets it aside
    comment: str = ""  # the Word comments on a note ("Julien : lesquelles ?")


@dataclass(frozen=True)
class ImportResult:
    identity: dict[str, str]  # dossier path -> value as written in the document
    rubrics: dict[str, str]  # rubric id -> text (only rubrics found with some text)
    headings: dict[str, str]  # rubric id -> the heading as written in the document
    leftovers: tuple[Leftover, ...]
    notes: tuple[str, ...]  # French remarks for the candidate
    looks_like_dossier: bool = True
    not_a_dossier: str = ""  # French: why the file does not look like a dossier
    pieces: tuple[Piece, ...] = ()
    identity_sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    from_export: bool = False  # the application's own export: its typography is undone

    @property
    def recognised_anything(self) -> bool:
        return bool(self.identity or self.rubrics)

    def default_choices(self) -> dict[int, str]:
        """Leftover index -> rubric it goes to unless the candidate decides otherwise."""
        return {
            index: leftover.rubric
            for index, leftover in enumerate(self.leftovers)
            if leftover.kept and leftover.rubric
        }
