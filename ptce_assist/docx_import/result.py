"""What an import found, shown to the candidate before anything is replaced."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Leftover:
    context: str  # French: where the text was ("Avant la première rubrique", "Section « … »")
    text: str


@dataclass(frozen=True)
class ImportResult:
    identity: dict[str, str]  # dossier path -> value as written in the document
    rubrics: dict[str, str]  # rubric id -> text (only rubrics found with some text)
    headings: dict[str, str]  # rubric id -> the heading as written in the document
    leftovers: tuple[Leftover, ...]
    notes: tuple[str, ...]  # French remarks for the candidate

    @property
    def recognised_anything(self) -> bool:
        return bool(self.identity or self.rubrics)
