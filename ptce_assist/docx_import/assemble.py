"""From the paragraphs and tables of a draft to rubric texts, identity values and leftovers.

Reading order is the document's. Identity fields are looked for only before the first rubric
heading (a "Mail : ..." line inside a rubric is the candidate's text). A text goes to the last
rubric heading above it; a heading of the same or a higher level that names no rubric opens a
"leftover" section, so an extra chapter is shown to the candidate instead of being glued to the
rubric before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ptce_assist.call import Call
from ptce_assist.docx_import.matching import (
    MAX_HEADING_CHARS,
    HeadingMatch,
    identity_path,
    identity_section,
    is_annex_title,
    is_boilerplate,
    is_missing_marker,
    match_heading,
    split_label_value,
)
from ptce_assist.docx_import.reader import Item, Para, Table
from ptce_assist.docx_import.result import Leftover

BEFORE_FIRST = "Avant la première rubrique"
_FORMATTED_MIN = 0.75
_PLAIN_MIN = 0.9


@dataclass
class Collected:
    identity: dict[str, str] = field(default_factory=dict)
    rubric_lines: dict[str, list[str]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    leftovers: list[tuple[str, list[str]]] = field(default_factory=list)
    repeated: set[str] = field(default_factory=set)
    tables_flattened: set[str] = field(default_factory=set)

    def rubric_texts(self) -> dict[str, str]:
        return {rid: _trim_blank_lines(lines) for rid, lines in self.rubric_lines.items()}

    def leftover_items(self) -> tuple[Leftover, ...]:
        out = []
        for context, lines in self.leftovers:
            text = _trim_blank_lines(lines)
            if text:
                out.append(Leftover(context, text))
        return tuple(out)


def _trim_blank_lines(lines: list[str]) -> str:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def _formatted(p: Para) -> bool:
    if p.outline_level is not None or p.all_bold or p.all_italic:
        return True
    if len(p.text) > MAX_HEADING_CHARS:
        return False
    letters = [c for c in p.text if c.isalpha()]
    shouting = len(letters) > 3 and all(c.isupper() for c in letters)
    return p.outline_level is not None or p.all_bold or p.all_italic or shouting


class Assembler:
    def __init__(self, call: Call) -> None:
        self.call = call
        self.out = Collected()
        self.rubric: str | None = None  # rubric receiving text
        self.rubric_level: int | None = None  # outline level of its heading (None: not styled)
        self.leftover: list[str] | None = None  # leftover section receiving text
        self.seen_rubric = False
        self.section: str | None = None  # identity section of Annexe 1 we are in
        self.pending: str | None = None  # identity path whose value is on the next line

    # --- entry points -----------------------------------------------------------------------
    def feed(self, items: list[Item]) -> Collected:
        for item in items:
            self.item(item)
        return self.out

    def item(self, item: Item) -> None:
        if isinstance(item, Table):
            self.table(item)
        else:
            self.paragraph(item)

    # --- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p: Para) -> None:
        stripped = p.text.strip()
        if not stripped:
            if self.rubric is not None:
                self.out.rubric_lines[self.rubric].append("")
            elif self.leftover is not None:
                self.leftover.append("")
            return
        if is_boilerplate(stripped, self.call) or is_missing_marker(stripped):
            return
        if not self.seen_rubric and self.identity(p):
            return
        if self.heading(p):
            return
        if not self.seen_rubric and self.pending is not None:
            self._set_identity(self.pending, stripped)
            return
        if (p.outline_level is not None and self._closes_rubric(p.outline_level)) or (
            _formatted(p) and is_annex_title(stripped)
        ):
            self.open_leftover(f"Section « {' '.join(stripped.split())} »")
            return
        self.append(p.list_prefix + p.text)

    def _closes_rubric(self, level: int) -> bool:
        if self.rubric is None:
            return True
        return self.rubric_level is None or level <= self.rubric_level

    def heading(self, p: Para) -> bool:
        """Open a rubric if `p` is (or starts with) one of its headings."""
        text = p.text.strip()
        formatted = _formatted(p)
        match = self._deeper_guard(match_heading(text, self.call), p)
        if _accept(match, formatted, text, self.call) and match is not None:
            self.open_rubric(match.rubric_id, text, p.outline_level)
            return True
        # A heading followed by text in the same paragraph: bold label, or "Label : text".
        splits: list[tuple[str, str, bool]] = []
        bold = p.bold_prefix.strip()
        if bold and bold != text:
            splits.append((bold, p.text.lstrip()[len(p.bold_prefix.lstrip()):], True))
        start = 0
        while (colon := text.find(":", start)) != -1 and len(splits) < 5:
            splits.append((text[:colon], text[colon + 1:], formatted))
            start = colon + 1
        for head, rest, head_formatted in splits:
            match = self._deeper_guard(match_heading(head, self.call), p)
            if _accept(match, head_formatted, head, self.call) and match is not None:
                self.open_rubric(match.rubric_id, head.strip(), p.outline_level)
                rest = rest.lstrip(" \t:").rstrip()
                if rest.strip():
                    self.append(p.list_prefix + rest)
                return True
        return False

    def _deeper_guard(self, match: HeadingMatch | None, p: Para) -> HeadingMatch | None:
        """A sub-heading deeper than the current rubric's heading is only a rubric heading
        if it names the rubric outright, not by a keyword ("Notre gouvernance")."""
        deeper = (
            self.rubric is not None and self.rubric_level is not None
            and p.outline_level is not None and p.outline_level > self.rubric_level
        )
        if match is not None and deeper and match.score < _PLAIN_MIN:
            return None
        return match

    def open_rubric(self, rubric_id: str, heading: str, level: int | None) -> None:
        if rubric_id in self.out.headings:
            if self.rubric != rubric_id:
                self.out.repeated.add(rubric_id)
        else:
            self.out.headings[rubric_id] = " ".join(heading.split())
            self.out.rubric_lines[rubric_id] = []
        if self.rubric != rubric_id and self.out.rubric_lines[rubric_id]:
            self.out.rubric_lines[rubric_id].append("")
        self.rubric = rubric_id
        self.rubric_level = level
        self.leftover = None
        self.seen_rubric = True
        self.pending = None

    def open_leftover(self, context: str) -> None:
        self.rubric = None
        self.rubric_level = None
        self.leftover = []
        self.out.leftovers.append((context, self.leftover))

    def append(self, text: str) -> None:
        if self.rubric is not None:
            self.out.rubric_lines[self.rubric].append(text)
            return
        if self.leftover is None:
            self.open_leftover(BEFORE_FIRST)
        assert self.leftover is not None
        self.leftover.append(text)

    # --- identity -----------------------------------------------------------------------------
    def identity(self, p: Para) -> bool:
        text = p.text.strip()
        section = identity_section(text, self.call)
        own_path = identity_path(text.rstrip(" :"), self.call, self.section)
        if section is not None and own_path is None:
            self.section = section
            self.pending = None
            return True
        label_value = split_label_value(text)
        if label_value is not None:
            label, value = label_value
            path = identity_path(label, self.call, self.section)
            if path is not None:
                self._set_identity(path, value)
                return True
        if own_path is not None:
            self.pending = own_path
            return True
        return False  # a value on its own line is taken after the heading check

    def _set_identity(self, path: str, value: str) -> None:
        value = value.strip()
        if not value:
            self.pending = path
            return
        self.pending = None
        self.out.identity.setdefault(path, value)
        if path.startswith("structure."):
            self.section = "structure"
        elif path.startswith("referent."):
            self.section = "referent"

    # --- tables ---------------------------------------------------------------------------------
    def table(self, table: Table) -> None:
        if self.rubric is not None and not self._has_heading(table):
            self._flatten(table)
            return
        for row in table.rows:
            texts = [_cell_text(cell) for cell in row]
            filled = [t for t in texts if t.strip()]
            if not self.seen_rubric and len(filled) >= 2 and self._identity_row(filled):
                continue
            for cell in row:
                for item in cell:
                    self.item(item)

    def _identity_row(self, filled: list[str]) -> bool:
        label = filled[0].strip().rstrip(" :")
        path = identity_path(label, self.call, self.section)
        if path is None:
            return False
        self.pending = None
        self._set_identity(path, "\n".join(t.strip() for t in filled[1:]))
        return True

    def _has_heading(self, table: Table) -> bool:
        for row in table.rows:
            for cell in row:
                for item in cell:
                    if isinstance(item, Table):
                        if self._has_heading(item):
                            return True
                        continue
                    text = item.text.strip()
                    match = match_heading(text, self.call) if text else None
                    if _accept(match, _formatted(item), text, self.call):
                        return True
        return False

    def _flatten(self, table: Table) -> None:
        assert self.rubric is not None
        self.out.tables_flattened.add(self.rubric)
        for row in table.rows:
            cells = [" ".join(_cell_text(cell).split()) for cell in row]
            if any(cells):
                self.append(" | ".join(cells))


def _accept(match: HeadingMatch | None, formatted: bool, text: str, call: Call) -> bool:
    if match is None:
        return False
    if match.score < (_FORMATTED_MIN if formatted else _PLAIN_MIN):
        return False
    return not is_boilerplate(text, call)


def _cell_text(cell: tuple[Item, ...]) -> str:
    parts: list[str] = []
    for item in cell:
        if isinstance(item, Table):
            parts.extend(_cell_text(c) for row in item.rows for c in row)
        else:
            parts.append(item.list_prefix + item.text)
    return "\n".join(p for p in parts if p.strip())
