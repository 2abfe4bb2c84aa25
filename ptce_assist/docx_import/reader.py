"""A DOCX body as a flat list of paragraphs and tables, with the formatting that matters.

Walks the XML itself (`package` parses only the parts it needs: the document, its styles,
numbering and comments): content controls, tracked insertions, hyperlinks and simple fields
are read; deletions, field codes, text boxes, images and notes are skipped (and counted, so
the candidate can be told). Highlighted and commented passages are marked, for the candidate
to decide whether they are internal notes. Every paragraph gets its position in the document
(`Para.index`, table cells included), so the import can account for each one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.guard import DAMAGED
from ptce_assist.docx_import.package import open_word_parts
from ptce_assist.docx_import.styles import (
    Comment,
    Styles,
    flag,
    integer,
    read_comments,
    read_numbering,
    read_styles,
    run_size,
)

_SKIPPED_CONTAINERS = {qn("w:del"), qn("w:moveFrom")}
_INLINE_CONTAINERS = {
    qn(tag)
    for tag in (
        "w:hyperlink",
        "w:ins",
        "w:moveTo",
        "w:smartTag",
        "w:fldSimple",
        "w:customXml",
        "w:sdtContent",
        "w:dir",
        "w:bdo",
    )
}
_INLINE_SDT = qn("w:sdt")
_RUN = qn("w:r")
_COMMENT_START = qn("w:commentRangeStart")
_COMMENT_END = qn("w:commentRangeEnd")
_OBJECTS = {
    qn("w:drawing"),
    qn("w:pict"),
    qn("w:object"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
}
_NOTES = {qn("w:footnoteReference"), qn("w:endnoteReference")}
_NO_FILL = {"", "auto", "ffffff", "none"}


@dataclass(frozen=True)
class Mark:
    """A highlighted or commented passage of a paragraph: text[start:end]."""

    start: int
    end: int
    comments: tuple[str, ...] = ()  # ids of the Word comments anchored on it


@dataclass(frozen=True)
class Para:
    text: str  # line breaks as "\n", tabs as "\t"
    bold_prefix: str  # the leading run text in bold ("" if the paragraph starts plain)
    all_bold: bool
    all_italic: bool
    outline_level: int | None  # 0 for "Heading 1"/"Titre 1"/"Title"; None for body text
    list_prefix: str  # "- " for a bullet item of a Word list, "3. " for a numbered one
    in_table: bool = False
    index: int = -1  # position among all the paragraphs of the document, cells included
    all_underline: bool = False
    caps: bool = False  # every letter shows in capitals (typed so, or the "caps" property)
    bigger: bool = False  # its text is larger than the body text
    style: str = ""  # the paragraph style's name ("toc 1", "Heading 2")
    page_break: bool = False  # holds a page break, or starts a page
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[tuple[Para | Table, ...], ...], ...]  # rows > cells > content


Item = Para | Table


@dataclass
class ReadDocument:
    items: list[Item]
    skipped: Counter[str] = field(default_factory=Counter)  # "objets", "notes"
    comments: dict[str, Comment] = field(default_factory=dict)
    headers_footers: bool = False  # the body refers to headers or footers (not read)
    from_export: bool = False  # written by the application's own export


def read_document(data: bytes) -> ReadDocument:
    """Parse a DOCX already accepted by `guard.check_container`."""
    parts = open_word_parts(data)
    root = parts.document
    body = root.find(qn("w:body")) if root.tag == qn("w:document") else None
    if body is None:
        raise DocxImportError(DAMAGED)
    styles = read_styles(parts.styles)
    reader = _Reader(styles, read_numbering(parts.numbering), _closed_comments(body))
    items = list(reader.blocks(body, in_table=False))
    furniture = any(
        child.tag in (qn("w:headerReference"), qn("w:footerReference"))
        for sect in body.iter(qn("w:sectPr"))
        for child in sect
    )
    return ReadDocument(
        items, reader.skipped, read_comments(parts.comments), furniture, styles.from_export
    )


def _closed_comments(body: Any) -> frozenset[str]:
    """Ids of comments whose range ends somewhere (an unclosed range marks nothing)."""
    return frozenset(str(e.get(qn("w:id"))) for e in body.iter(_COMMENT_END))


class _Reader:
    def __init__(
        self, styles: Styles, numbering: dict[tuple[str, int], str], closed: frozenset[str]
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.closed = closed
        self.skipped: Counter[str] = Counter()
        self.counters: dict[tuple[str, int], int] = {}
        self.default_para = styles.default_paragraph()
        self.open_comments: list[str] = []  # comment ranges open at this point of the text
        self.index = 0

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
            cells = tuple(tuple(self.blocks(tc, in_table=True)) for tc in _children(tr, qn("w:tc")))
            rows.append(cells)
        return Table(tuple(rows))

    def paragraph(self, element: Any, *, in_table: bool) -> Para:
        ppr = element.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style_el.get(qn("w:val")) if style_el is not None else self.default_para
        styles = self.styles
        outline = styles.outline(style_id)
        own_outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if own_outline is not None:
            level = integer(own_outline.get(qn("w:val")))
            outline = level if level is not None and level < 9 else None
        base = {
            attr: styles.flag(style_id, attr) for attr in ("bold", "italic", "underline", "caps")
        }
        base_size = styles.size(style_id) or styles.default_size
        page_break = bool(flag(ppr.find(qn("w:pageBreakBefore")))) if ppr is not None else False

        pieces: list[_Piece] = []
        for kind, node in self._runs(element):
            if kind == "start":
                self.open_comments.append(node)
                continue
            if kind == "end":
                if node in self.open_comments:
                    self.open_comments.remove(node)
                continue
            text, breaks = self._run_text(node)
            page_break = page_break or breaks
            if not text:
                continue
            pieces.append(self._piece(node, text, base, base_size))

        text = "".join(p.text for p in pieces)
        visible = [p for p in pieces if p.text.strip()]
        bold_prefix = ""
        for piece in pieces:
            if not piece.bold and piece.text.strip():
                break
            bold_prefix += piece.text
        letters = [c for p in visible for c in p.text if c.isalpha()]
        index = self.index
        self.index += 1
        return Para(
            text=text,
            bold_prefix=bold_prefix if visible and visible[0].bold else "",
            all_bold=bool(visible) and all(p.bold for p in visible),
            all_italic=bool(visible) and all(p.italic for p in visible),
            outline_level=outline,
            list_prefix=self._list_prefix(ppr, style_id) if outline is None else "",
            in_table=in_table,
            index=index,
            all_underline=bool(visible) and all(p.underline for p in visible),
            caps=len(letters) > 3 and all(p.caps or not _lower(p.text) for p in visible),
            bigger=bool(visible) and max(p.size for p in visible) > self.styles.default_size,
            style=styles.name(style_id),
            page_break=page_break,
            marks=_marks(pieces),
        )

    def _piece(self, run: Any, text: str, base: dict[str, bool], base_size: int) -> _Piece:
        rpr = run.find(qn("w:rPr"))
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        rstyle_id = rstyle.get(qn("w:val")) if rstyle is not None else None
        values: dict[str, bool] = {}
        for attr, tag in (("bold", "w:b"), ("italic", "w:i"), ("caps", "w:caps")):
            own = flag(rpr.find(qn(tag))) if rpr is not None else None
            values[attr] = (
                own if own is not None else (self.styles.flag(rstyle_id, attr) or base[attr])
            )
        underline = rpr.find(qn("w:u")) if rpr is not None else None
        values["underline"] = (
            str(underline.get(qn("w:val"), "single")).lower() not in ("none", "0", "false")
            if underline is not None
            else self.styles.flag(rstyle_id, "underline") or base["underline"]
        )
        size = run_size(rpr) or self.styles.size(rstyle_id) or base_size
        return _Piece(
            text,
            values["bold"],
            values["italic"],
            values["underline"],
            values["caps"],
            size,
            _highlighted(rpr),
            tuple(c for c in self.open_comments if c in self.closed),
        )

    def _list_prefix(self, ppr: Any, style_id: str | None) -> str:
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num = numpr.find(qn("w:numId")) if numpr is not None else None
        lvl = numpr.find(qn("w:ilvl")) if numpr is not None else None
        num_id = str(num.get(qn("w:val"))) if num is not None else None
        if num_id is None:
            num_id = self.styles.num_id(style_id)
        level = (integer(lvl.get(qn("w:val"))) if lvl is not None else 0) or 0
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

    def _runs(self, parent: Any) -> Iterator[tuple[str, Any]]:
        """("run", element), ("start", comment id) and ("end", comment id), in text order."""
        for child in parent:
            tag = child.tag
            if tag == _RUN:
                yield "run", child
            elif tag == _COMMENT_START:
                yield "start", str(child.get(qn("w:id")))
            elif tag == _COMMENT_END:
                yield "end", str(child.get(qn("w:id")))
            elif tag in _SKIPPED_CONTAINERS:
                continue
            elif tag in _INLINE_CONTAINERS:
                yield from self._runs(child)
            elif tag == _INLINE_SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from self._runs(content)

    def _run_text(self, run: Any) -> tuple[str, bool]:
        """The run's text, and whether it holds a page break."""
        out: list[str] = []
        page_break = False
        for child in run:
            tag = child.tag
            if tag == qn("w:t"):
                out.append(child.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            elif tag == qn("w:br"):
                kind = child.get(qn("w:type"))
                if kind in (None, "textWrapping"):
                    out.append("\n")
                elif kind == "page":
                    page_break = True
            elif tag == qn("w:cr"):
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag in _OBJECTS:
                self.skipped["objets"] += 1
            elif tag in _NOTES:
                self.skipped["notes"] += 1
        return "".join(out), page_break


@dataclass(frozen=True)
class _Piece:
    text: str
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    size: int
    highlight: bool
    comments: tuple[str, ...]


def _lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _highlighted(rpr: Any) -> bool:
    if rpr is None:
        return False
    mark = rpr.find(qn("w:highlight"))
    if mark is not None and str(mark.get(qn("w:val"), "")).lower() not in ("none", ""):
        return True
    shade = rpr.find(qn("w:shd"))
    return shade is not None and str(shade.get(qn("w:fill"), "")).lower() not in _NO_FILL


def _marks(pieces: list[_Piece]) -> tuple[Mark, ...]:
    """Consecutive highlighted or commented runs, as character ranges of the paragraph."""
    marks: list[Mark] = []
    text = "".join(p.text for p in pieces)
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        if piece.highlight or piece.comments:
            last = marks[-1] if marks else None
            if last is not None and last.end == position:
                ids = tuple(dict.fromkeys(last.comments + piece.comments))
                marks[-1] = Mark(last.start, end, ids)
            else:
                marks.append(Mark(position, end, piece.comments))
        position = end
    return tuple(m for m in marks if text[m.start : m.end].strip())


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Direct children with `tag`, looking through content controls wrapping them."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _children(content, tag)
