"""A DOCX body as a flat list of paragraphs and tables, with the formatting that matters.

Walks the XML itself (`package` parses only the parts it needs): content controls, tracked
insertions, hyperlinks and simple fields are read; deletions, field codes, text boxes,
images and notes are skipped (and counted, so the candidate can be told).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.guard import DAMAGED
from ptce_assist.docx_import.package import open_word_parts

_HEADING_NAME = re.compile(r"^(?:heading|titre|title|subtitle|sous-titre)\s*(\d)?$", re.I)
_FALSE = {"0", "false", "off", "none"}
_SKIPPED_CONTAINERS = {qn("w:del"), qn("w:moveFrom")}
_INLINE_CONTAINERS = {
    qn(tag)
    for tag in (
        "w:hyperlink", "w:ins", "w:moveTo", "w:smartTag", "w:fldSimple", "w:customXml",
        "w:sdtContent", "w:dir", "w:bdo",
    )
}
_INLINE_SDT = qn("w:sdt")
_RUN = qn("w:r")
_OBJECTS = {qn("w:drawing"), qn("w:pict"), qn("w:object"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_NOTES = {qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:commentReference")}


@dataclass(frozen=True)
class Para:
    text: str  # line breaks as "\n", tabs as "\t"
    bold_prefix: str  # the leading run text in bold ("" if the paragraph starts plain)
    all_bold: bool
    all_italic: bool
    outline_level: int | None  # 0 for "Heading 1"/"Titre 1"/"Title"; None for body text
    list_prefix: str  # "- " for a bullet item of a Word list, "3. " for a numbered one
    in_table: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[tuple[Para | Table, ...], ...], ...]  # rows > cells > content


Item = Para | Table


@dataclass
class ReadDocument:
    items: list[Item]
    skipped: Counter[str] = field(default_factory=Counter)  # "objets", "notes"


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: int | None
    bold: bool | None
    italic: bool | None
    num_id: str | None  # list numbering carried by the style ("List Bullet")


def read_document(data: bytes) -> ReadDocument:
    """Parse a DOCX already accepted by `guard.check_container`."""
    parts = open_word_parts(data)
    root = parts.document
    body = root.find(qn("w:body")) if root.tag == qn("w:document") else None
    if body is None:
        raise DocxImportError(DAMAGED)
    reader = _Reader(_styles(parts.styles), _numbering(parts.numbering))
    items = list(reader.blocks(body, in_table=False))
    return ReadDocument(items, reader.skipped)


def _bool(element: Any) -> bool | None:
    if element is None:
        return None
    return str(element.get(qn("w:val"), "1")).lower() not in _FALSE


def _styles(root: Any | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:  # no styles part: read without styles
        return styles
    for style in root.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if not style_id:
            continue
        name_el = style.find(qn("w:name"))
        based = style.find(qn("w:basedOn"))
        outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        rpr = style.find(qn("w:rPr"))
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        styles[style_id] = _Style(
            name=str(name_el.get(qn("w:val"), "")) if name_el is not None else style_id,
            based_on=based.get(qn("w:val")) if based is not None else None,
            outline_level=_int(outline.get(qn("w:val"))) if outline is not None else None,
            bold=_bool(rpr.find(qn("w:b"))) if rpr is not None else None,
            italic=_bool(rpr.find(qn("w:i"))) if rpr is not None else None,
            num_id=str(num.get(qn("w:val"))) if num is not None else None,
        )
    return styles


def _int(value: Any) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _numbering(root: Any | None) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt ("bullet", "decimal"...)."""
    formats: dict[tuple[str, int], str] = {}
    if root is None:  # no numbering part: lists read as plain paragraphs
        return formats
    abstract: dict[str, dict[int, str]] = {}
    for node in root.iter(qn("w:abstractNum")):
        levels: dict[int, str] = {}
        for lvl in node.iter(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            level = _int(lvl.get(qn("w:ilvl")))
            if level is not None:
                levels[level] = str(fmt.get(qn("w:val"), "decimal")) if fmt is not None else ""
        abstract[str(node.get(qn("w:abstractNumId")))] = levels
    for num in root.iter(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for level, fmt in abstract.get(str(ref.get(qn("w:val"))), {}).items():
            formats[(str(num.get(qn("w:numId"))), level)] = fmt
    return formats


class _Reader:
    def __init__(self, styles: dict[str, _Style], numbering: dict[tuple[str, int], str]) -> None:
        self.styles = styles
        self.numbering = numbering
        self.skipped: Counter[str] = Counter()
        self.counters: dict[tuple[str, int], int] = {}
        self.default_para = next(
            (sid for sid, s in styles.items() if s.name.lower() == "normal"), None
        )

    # --- styles -------------------------------------------------------------------------
    def _chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def _style_outline(self, style_id: str | None) -> int | None:
        for style in self._chain(style_id):
            match = _HEADING_NAME.match(style.name.strip())
            if match:
                return int(match.group(1)) - 1 if match.group(1) else 0
            if style.outline_level is not None and style.outline_level < 9:
                return style.outline_level
        return None

    def _style_flag(self, style_id: str | None, attr: str) -> bool:
        for style in self._chain(style_id):
            value = getattr(style, attr)
            if value is not None:
                return bool(value)
        return False

    # --- body -----------------------------------------------------------------------------
    def blocks(self, parent: Any, *, in_table: bool) -> Iterator[Item]:
        for child in parent:
            tag = child.tag
            if tag == qn("w:p"):
                yield self.paragraph(child, in_table=in_table)
            elif tag == qn("w:tbl"):
                yield self.table(child)
            elif tag in (qn("w:sdt"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent")) if tag == qn("w:sdt") else child
                if content is not None:
                    yield from self.blocks(content, in_table=in_table)

    def table(self, element: Any) -> Table:
        rows = []
        for tr in _children(element, qn("w:tr")):
            cells = tuple(
                tuple(self.blocks(tc, in_table=True)) for tc in _children(tr, qn("w:tc"))
            )
            rows.append(cells)
        return Table(tuple(rows))

    def paragraph(self, element: Any, *, in_table: bool) -> Para:
        ppr = element.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style_el.get(qn("w:val")) if style_el is not None else self.default_para
        outline = self._style_outline(style_id)
        own_outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if own_outline is not None:
            level = _int(own_outline.get(qn("w:val")))
            outline = level if level is not None and level < 9 else None
        para_bold = self._style_flag(style_id, "bold")
        para_italic = self._style_flag(style_id, "italic")

        pieces: list[tuple[str, bool, bool]] = []
        for run in self._runs(element):
            text = self._run_text(run)
            if not text:
                continue
            rpr = run.find(qn("w:rPr"))
            rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
            rstyle_id = rstyle.get(qn("w:val")) if rstyle is not None else None
            bold = _bool(rpr.find(qn("w:b"))) if rpr is not None else None
            italic = _bool(rpr.find(qn("w:i"))) if rpr is not None else None
            if bold is None:
                bold = self._style_flag(rstyle_id, "bold") or para_bold
            if italic is None:
                italic = self._style_flag(rstyle_id, "italic") or para_italic
            pieces.append((text, bold, italic))

        text = "".join(p[0] for p in pieces)
        visible = [p for p in pieces if p[0].strip()]
        bold_prefix = ""
        for piece, bold, _ in pieces:
            if not bold and piece.strip():
                break
            bold_prefix += piece
        return Para(
            text=text,
            bold_prefix=bold_prefix if visible and visible[0][1] else "",
            all_bold=bool(visible) and all(p[1] for p in visible),
            all_italic=bool(visible) and all(p[2] for p in visible),
            outline_level=outline,
            list_prefix=self._list_prefix(ppr, style_id) if outline is None else "",
            in_table=in_table,
        )

    def _list_prefix(self, ppr: Any, style_id: str | None) -> str:
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num = numpr.find(qn("w:numId")) if numpr is not None else None
        lvl = numpr.find(qn("w:ilvl")) if numpr is not None else None
        num_id = str(num.get(qn("w:val"))) if num is not None else None
        if num_id is None:
            num_id = next((s.num_id for s in self._chain(style_id) if s.num_id), None)
        level = (_int(lvl.get(qn("w:val"))) if lvl is not None else 0) or 0
        if num_id is None or num_id == "0":
            return ""
        fmt = self.numbering.get((num_id, level), "bullet")
        if fmt in ("bullet", "none", ""):
            return "- "
        key = (num_id, level)
        for other in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[other]
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{self.counters[key]}. "

    def _runs(self, parent: Any) -> Iterator[Any]:
        for child in parent:
            tag = child.tag
            if tag == _RUN:
                yield child
            elif tag in _SKIPPED_CONTAINERS:
                continue
            elif tag in _INLINE_CONTAINERS:
                yield from self._runs(child)
            elif tag == _INLINE_SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._runs(content)

    def _run_text(self, run: Any) -> str:
        out: list[str] = []
        for child in run:
            tag = child.tag
            if tag == qn("w:t"):
                out.append(child.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            elif tag == qn("w:br"):
                if child.get(qn("w:type")) in (None, "textWrapping"):
                    out.append("\n")
            elif tag == qn("w:cr"):
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag in _OBJECTS:
                self.skipped["objets"] += 1
            elif tag in _NOTES:
                self.skipped["notes"] += 1
        return "".join(out)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Direct children with `tag`, looking through content controls wrapping them."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _children(content, tag)
