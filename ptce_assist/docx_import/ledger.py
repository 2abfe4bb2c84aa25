"""The ledger of an import being read: every piece of every paragraph, in one place each,
and the passages set aside. The readers of identity lines (`identity_walk`) and of the rest
(`assemble`) write to it through these few methods."""

from __future__ import annotations

from dataclasses import dataclass, field

from ptce_assist.call import Call
from ptce_assist.docx_import.matching import match_heading
from ptce_assist.docx_import.reader import Item, Para, Table
from ptce_assist.docx_import.result import LeftoverKind, Piece, Place
from ptce_assist.docx_import.shapes import Look, formatted, names_rubric, numbered
from ptce_assist.docx_import.styles import Comment

BEFORE_FIRST = "Avant la première rubrique"
_GROUPED: frozenset[LeftoverKind] = frozenset({"modele", "sommaire", "signature"})
_CONTEXTS: dict[LeftoverKind, str] = {
    "modele": "Ligne du modèle (phrase de l'appel, limite recopiée, texte à compléter)",
    "sommaire": "Sommaire",
    "signature": "Formule de fin et signature",
}


@dataclass
class Aside:
    kind: LeftoverKind
    context: str
    heading: str = ""
    rubric: str = ""
    kept: bool = False
    comment: str = ""


@dataclass
class Collected:
    pieces: list[Piece] = field(default_factory=list)
    asides: list[Aside] = field(default_factory=list)
    identity: dict[str, str] = field(default_factory=dict)
    identity_sources: dict[str, list[str]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # first heading as written
    found: dict[str, float] = field(default_factory=dict)  # best score of each rubric heading
    repeated: set[str] = field(default_factory=set)
    tables_flattened: set[str] = field(default_factory=set)
    template_lines: int = 0  # the template's lines, limits, a dossier's title: signs of one
    empty_labels: list[str] = field(default_factory=list)


class Ledger:
    def __init__(self, call: Call, comments: dict[str, Comment] | None = None) -> None:
        self.call = call
        self.comments = comments or {}
        self.out = Collected()
        self.stream: list[Item] = []
        self.position = 0  # of the top-level item being read
        self.line = 0
        self.last_aside: int | None = None  # set-aside passage of the last non-blank piece
        # where text goes
        self.rubric: str | None = None
        self.rubric_look: Look | None = None
        self.section: int | None = None
        self.section_look: Look | None = None  # None: the text before the first rubric
        self.section_annex = False
        self.seen_rubric = False

    def _new_line(self) -> int:
        self.line += 1
        return self.line

    def put(
        self,
        p: Para,
        text: str,
        place: Place,
        *,
        line: int | None = None,
        rubric: str = "",
        leftover: int = -1,
        paths: tuple[str, ...] = (),
        title: bool = False,
        joiner: str = "",
        prefix: str = "",
    ) -> None:
        piece = Piece(
            p.index,
            self._new_line() if line is None else line,
            text,
            place,
            rubric,
            leftover,
            paths,
            title,
            joiner,
            prefix,
        )
        self.out.pieces.append(piece)
        if text.strip():
            self.last_aside = leftover if place == "aside" else None

    def _aside(
        self,
        kind: LeftoverKind,
        context: str = "",
        *,
        rubric: str = "",
        kept: bool = False,
        comment: str = "",
    ) -> int:
        """A new set-aside passage, or the one just before when it is of the same kind."""
        last = self.last_aside
        if kind in _GROUPED and last is not None and self.out.asides[last].kind == kind:
            return last
        context = context or _CONTEXTS.get(kind, "")
        self.out.asides.append(Aside(kind, context, rubric=rubric, kept=kept, comment=comment))
        return len(self.out.asides) - 1

    def set_aside(self, p: Para, kind: LeftoverKind, context: str = "") -> int:
        index = self._aside(kind, context)
        self.put(p, p.text, "aside", leftover=index, prefix=p.list_prefix)
        return index

    def destination(self) -> tuple[Place, str, int]:
        if self.rubric is not None:
            return "rubric", self.rubric, -1
        if self.section is None:
            self.out.asides.append(Aside("section", BEFORE_FIRST))
            self.section = len(self.out.asides) - 1
            self.section_look = None
        return "aside", "", self.section

    def to_destination(self, p: Para, text: str, prefix: str = "") -> None:
        place, rubric, leftover = self.destination()
        self.put(p, text, place, rubric=rubric, leftover=leftover, prefix=prefix)

    def _names_a_rubric(self, p: Para) -> bool:
        text = p.text.strip()
        return names_rubric(
            match_heading(text, self.call), text, shaped=formatted(p) or numbered(p)
        )

    def _next_para(self) -> Para | None:
        """The next top-level paragraph with text (None past a table)."""
        for item in self.stream[self.position + 1 :]:
            if isinstance(item, Table):
                return None
            if item.text.strip():
                return item
        return None


def paragraphs(cell: tuple[Item, ...]) -> list[Para]:
    """The paragraphs of a table cell, those of tables nested in it included."""
    out: list[Para] = []
    for item in cell:
        if isinstance(item, Table):
            for row in item.rows:
                for inner in row:
                    out.extend(paragraphs(inner))
        else:
            out.append(item)
    return out
