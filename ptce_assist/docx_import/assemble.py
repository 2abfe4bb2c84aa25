"""From the paragraphs and tables of a draft to pieces, each in exactly one place.

Reading order is the document's. Before the first rubric heading come the identity fields
(`identity_walk`), the cover page and the table of contents. A text goes to the rubric
heading above it. A heading that names no rubric and looks as strong as the rubric's heading
opens a section set aside (its text is shown to the candidate, who may send it to a rubric).
Lines that are not answers (the template's sentences, a limit typed alone, a sommaire,
« Fait à …, le … » and the signature) are set aside with their reason; highlighted or
commented passages inside a rubric are « note interne ? ».
"""

from __future__ import annotations

import re

from ptce_assist.call import Call
from ptce_assist.docx_import import lines
from ptce_assist.docx_import.identity_walk import IdentityWalk
from ptce_assist.docx_import.ledger import BEFORE_FIRST, Aside, Collected, paragraphs
from ptce_assist.docx_import.marks import segments, whole_sentences
from ptce_assist.docx_import.matching import NEAR_EXACT, HeadingMatch, match_heading
from ptce_assist.docx_import.reader import Item, Para, Table
from ptce_assist.docx_import.shapes import (
    Look,
    formatted,
    heading_like,
    look_of,
    names_rubric,
    numbered,
    plain,
    weaker,
)
from ptce_assist.docx_import.styles import Comment

__all__ = ["BEFORE_FIRST", "Assembler", "Collected"]

_CUT = re.compile(r"[\s:–—-]*")
_MAX_SOMMAIRE_ENTRY_WORDS = 20


class Assembler(IdentityWalk):
    def __init__(self, call: Call, comments: dict[str, Comment] | None = None) -> None:
        super().__init__(call, comments)
        self.sommaire: int | None = None
        self.sommaire_named: set[str] = set()
        self.sommaire_outline: bool | None = None
        self.signing = False
        self.last_long: int | None = None  # position of the last paragraph not a short line

    # --- entry points -----------------------------------------------------------------------
    def feed(self, items: list[Item]) -> Collected:
        self.stream = items
        for position, item in enumerate(items):
            self.position = position
            self.item(item, top=True)
        self._finish_name()
        return self.out

    def item(self, item: Item, *, top: bool) -> None:
        if isinstance(item, Table):
            self.table(item)
        else:
            self.paragraph(item, top=top)

    # --- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p: Para, *, top: bool) -> None:
        text = p.text.strip()
        if not text:
            self.blank(p)
            return
        if self.pending is not None and self.pending[1] == p.index:
            label = self.pending[0]
            self.pending = None
            self.set_identity([p], label, text)
            return
        if self.sommaire is not None and self.sommaire_entry(p):
            return
        if lines.is_toc_entry(text, p.style) or lines.is_sommaire_title(text, self.call):
            self.start_sommaire(p)
            return
        if self.signing:
            if lines.is_short_line(text) and not self._names_a_rubric(p):
                self.set_aside(p, "signature")
                return
            self.signing = False
        if self.template_line(p, text):
            return
        if lines.is_closing(text, self.call) or (
            lines.is_signature_start(text, self.call) and self._only_short_lines_after()
        ):
            self.set_aside(p, "signature")
            self.signing = True
            return
        if not self.seen_rubric and self.identity(p, self._next_para() if top else None):
            return
        if formatted(p) and lines.is_annex_title(text):
            self.open_section(p, annex=True)
            return
        outcome = self.heading(p)
        if outcome == "heading":
            return
        if outcome == "none" and (self.whole_note(p) or self.boundary(p)):
            return
        self.body(p)

    def blank(self, p: Para) -> None:
        if p.page_break:
            self.sommaire = None
        if self.rubric is not None or self.section is not None:
            self.to_destination(p, p.text)
        else:
            self.put(p, p.text, "blank")

    def template_line(self, p: Para, text: str) -> bool:
        if lines.is_template(text, self.call) or lines.is_limit_alone(text):
            self.out.template_lines += 1
        elif not lines.is_placeholder(text, self.call):
            if not self.seen_rubric and lines.is_dossier_title(text, self.call):
                self.out.template_lines += 1  # a cover page's title: kept as text
            return False
        self.set_aside(p, "modele")
        return True

    def body(self, p: Para) -> None:
        if self.rubric is None or not p.marks:
            self.to_destination(p, p.text, prefix=p.list_prefix)
            return
        parts = segments(p.text, p.marks)
        line = self._new_line()
        for index, part in enumerate(parts):
            if part.mark is None:
                self.put(
                    p, part.text, "rubric", line=line, rubric=self.rubric, prefix=p.list_prefix
                )
                continue
            before = "".join(s.text for s in parts[:index])
            after = "".join(s.text for s in parts[index + 1 :])
            note = self._note(
                part.mark.comments, kept=not whole_sentences(before, part.text, after)
            )
            self.put(p, part.text, "aside", line=line, leftover=note, prefix=p.list_prefix)

    def whole_note(self, p: Para) -> bool:
        """A paragraph all highlighted or commented, inside a rubric: « note interne ? »."""
        if self.rubric is None or not p.marks:
            return False
        parts = segments(p.text, p.marks)
        if any(part.mark is None and part.text.strip() for part in parts):
            return False
        ids = tuple(dict.fromkeys(c for part in parts if part.mark for c in part.mark.comments))
        note = self._note(ids, kept=False)
        self.put(p, p.text, "aside", leftover=note, prefix=p.list_prefix)
        return True

    def _note(self, comment_ids: tuple[str, ...], *, kept: bool) -> int:
        assert self.rubric is not None
        said = [self.comments[c] for c in comment_ids if c in self.comments]
        comment = " ; ".join(f"{c.author} : {c.text}" if c.author else c.text for c in said)
        short = self.call.rubric(self.rubric).short_fr
        return self._aside(
            "note",
            f"Note interne ? (dans « {short} »)",
            rubric=self.rubric,
            kept=kept,
            comment=comment,
        )

    # --- headings and sections ----------------------------------------------------------------
    def heading(self, p: Para) -> str:
        """ "heading" when `p` opens a rubric, "text" when it names one but is its text,
        "none" when it names none."""
        text = p.text.strip()
        match = match_heading(text, self.call)
        if names_rubric(match, text, shaped=formatted(p) or numbered(p)):
            assert match is not None
            return self._open_or_text(p, match, len(p.text))
        lead = len(p.text) - len(p.text.lstrip())
        cuts: list[tuple[int, bool]] = []
        bold = p.bold_prefix.strip()
        if bold and bold != text:
            cuts.append((len(p.bold_prefix), True))
        start = 0
        while (colon := text.find(":", start)) != -1 and len(cuts) < 5:
            cuts.append((lead + colon, formatted(p)))
            start = colon + 1
        for cut, shaped in cuts:
            head = p.text[:cut]
            match = match_heading(head.strip(), self.call)
            if match is None or not head.strip():
                continue
            if match.score >= NEAR_EXACT or (shaped and names_rubric(match, head, shaped=True)):
                end = _CUT.match(p.text, cut).end()  # type: ignore[union-attr]
                return self._open_or_text(p, match, end)
        return "none"

    def _open_or_text(self, p: Para, match: HeadingMatch, cut: int) -> str:
        look = look_of(p)
        if self._subtitle(p, match, look, run_in=bool(p.text[cut:].strip())):
            return "text"
        self.open_rubric(p, match, look, cut)
        return "heading"

    def _subtitle(self, p: Para, match: HeadingMatch, look: Look, *, run_in: bool) -> bool:
        """Whether a line naming a rubric is, where it stands, a sub-title of the text: it
        names the rubric it is in, or names another by a few words but looks weaker than
        the rubric's title (a bold "Gouvernance :" leading a paragraph under "Heading 1"
        titles, a plain "Budget" line in a list)."""
        shaped = formatted(p) or numbered(p)
        if self.rubric is None or self.rubric_look is None:
            if self.section_annex:
                return match.score < NEAR_EXACT
            reference = self.section_look
            return (
                reference is not None
                and match.score < NEAR_EXACT
                and not shaped
                and (weaker(look, reference))
            )
        current = self.rubric_look
        below = weaker(look, current)
        if match.rubric_id == self.rubric:
            loose = plain(current) and look.outline is None and match.score < NEAR_EXACT
            return below or loose
        if match.score >= NEAR_EXACT:
            return False
        if look.outline is not None:
            return current.outline is not None and look.outline > current.outline
        if plain(current):  # under the template's plain labels, bold marks the answer's parts
            return shaped and not numbered(p)
        if None not in (current.numbering, look.numbering) and look.numbering != current.numbering:
            return True  # "a) …" under "C) Acteurs": an item of the rubric's own list
        return below and (run_in or not shaped or match.rubric_id in self.out.found)

    def open_rubric(self, p: Para, match: HeadingMatch, look: Look, cut: int) -> None:
        rubric_id = match.rubric_id
        heading = " ".join(p.text[:cut].split()).rstrip(" :")
        if rubric_id in self.out.found:
            if self.rubric != rubric_id:
                self.out.repeated.add(rubric_id)
        else:
            self.out.headings[rubric_id] = heading
        self.out.found[rubric_id] = max(self.out.found.get(rubric_id, 0.0), match.score)
        self.rubric, self.rubric_look = rubric_id, look
        self.section = None
        self.seen_rubric = True
        self.pending = None
        self.signing = False
        line = self._new_line()
        self.put(p, p.text[:cut], "heading", line=line, rubric=rubric_id)
        rest = p.text[cut:]
        if rest:
            self.put(p, rest, "rubric", line=line, rubric=rubric_id, prefix=p.list_prefix)

    def boundary(self, p: Para) -> bool:
        """A heading naming no rubric: a section set aside when it is the rubric's sibling."""
        if not heading_like(p):
            return False
        look = look_of(p)
        if self.rubric_look is not None:
            if weaker(look, self.rubric_look) or (plain(self.rubric_look) and look.outline is None):
                return False
        elif self.section is not None and self.section_look is not None:
            if weaker(look, self.section_look):
                return False
        elif p.outline_level is None:
            return False  # before the first rubric, only a styled heading opens a section
        self.open_section(p)
        return True

    def open_section(self, p: Para, *, annex: bool = False) -> None:
        heading = p.text.strip()
        self.out.asides.append(
            Aside("section", f"Section « {' '.join(heading.split())} »", heading=heading)
        )
        index = len(self.out.asides) - 1
        self.put(p, p.text, "aside", leftover=index, title=True)
        self.rubric = self.rubric_look = None
        self.section, self.section_look, self.section_annex = index, look_of(p), annex
        self.pending = None

    # --- sommaire and signature -------------------------------------------------------------------
    def start_sommaire(self, p: Para) -> None:
        index = self.set_aside(p, "sommaire")
        if lines.is_sommaire_title(p.text.strip(), self.call):
            self.sommaire = index
            self.sommaire_named = set()
            self.sommaire_outline = None

    def sommaire_entry(self, p: Para) -> bool:
        """An entry of the sommaire being read; False (and the sommaire ends) otherwise."""
        text = p.text.strip()
        match = match_heading(text, self.call)
        outline = p.outline_level is not None
        ended = (
            p.page_break
            or len(text.split()) > _MAX_SOMMAIRE_ENTRY_WORDS
            or (match is not None and match.rubric_id in self.sommaire_named)
            or (outline and self.sommaire_outline is False)
        )
        if ended and not lines.is_toc_entry(text, p.style):
            self.sommaire = None
            return False
        if self.sommaire_outline is None:
            self.sommaire_outline = outline
        if match is not None:
            self.sommaire_named.add(match.rubric_id)
        self.set_aside(p, "sommaire")
        return True

    def _only_short_lines_after(self) -> bool:
        if self.last_long is None:
            self.last_long = max(
                (
                    i
                    for i, item in enumerate(self.stream)
                    if isinstance(item, Table)
                    or (item.text.strip() and not lines.is_short_line(item.text))
                ),
                default=-1,
            )
        return self.position > self.last_long

    # --- tables -----------------------------------------------------------------------------------
    def table(self, table: Table) -> None:
        layout = self._has_heading(table)
        for row in table.rows:
            if not self.seen_rubric and self._identity_row(row):
                continue
            if layout:
                for cell in row:
                    for item in cell:
                        self.item(item, top=False)
            else:
                self._flat_row(row)

    def _has_heading(self, table: Table) -> bool:
        for row in table.rows:
            for cell in row:
                for p in paragraphs(cell):
                    text = p.text.strip()
                    if text and self._names_a_rubric(p) and not lines.is_template(text, self.call):
                        return True
        return False

    def _flat_row(self, row: tuple[tuple[Item, ...], ...]) -> None:
        """A table row as one line, its cells separated by " | "."""
        cells = [paragraphs(cell) for cell in row]
        if not any(p.text.strip() for cell in cells for p in cell):
            for cell in cells:
                for p in cell:
                    self.put(p, p.text, "blank")
            return
        place, rubric, leftover = self.destination()
        if place == "rubric":
            self.out.tables_flattened.add(rubric)
        line = self._new_line()
        for column, cell in enumerate(cells):
            texts = [p for p in cell if p.text.strip()]
            separator = " | " if column else ""
            if not texts:
                anchor = cell[0] if cell else None
                if anchor is not None:
                    self.put(
                        anchor,
                        "",
                        place,
                        line=line,
                        rubric=rubric,
                        leftover=leftover,
                        joiner=separator,
                    )
                    for p in cell[1:]:
                        self.put(p, p.text, "blank")
                continue
            for p in cell:
                if not p.text.strip():
                    self.put(p, p.text, "blank")
                    continue
                first = p is texts[0]
                joiner = (separator if first else " ") + p.list_prefix
                self.put(
                    p,
                    p.text,
                    place,
                    line=line,
                    rubric=rubric,
                    leftover=leftover,
                    joiner=joiner,
                    prefix=p.list_prefix if column == 0 and first else "",
                )
