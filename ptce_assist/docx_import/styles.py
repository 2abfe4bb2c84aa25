"""The style, numbering and comment definitions of a DOCX, from their XML parts.

Each reader takes the root element of its part (or None when the document has no such part)
and returns plain data; nothing here opens the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

_FALSE = {"0", "false", "off", "none"}
_HEADING_NAME = re.compile(r"^(?:heading|titre|title|subtitle|sous-titre)\s*(\d)?$", re.I)
# The export's own styles (ptce_assist/docx_export/styles.py): a document holding them was
# written by the application, so its typography was added by the export, not typed.
EXPORT_STYLE_NAMES = frozenset({"PTCE Identité", "PTCE Projet", "PTCE Rubrique manquante"})


def flag(element: Any) -> bool | None:
    """A Word on/off property (<w:b/>, <w:b w:val="0"/>); None when absent."""
    if element is None:
        return None
    return str(element.get(qn("w:val"), "1")).lower() not in _FALSE


def integer(value: Any) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def run_size(rpr: Any) -> int | None:
    """The font size a run or style sets, in half-points."""
    size = rpr.find(qn("w:sz")) if rpr is not None else None
    return integer(size.get(qn("w:val"))) if size is not None else None


@dataclass(frozen=True)
class Style:
    name: str
    based_on: str | None
    outline_level: int | None
    bold: bool | None
    italic: bool | None
    underline: bool | None
    caps: bool | None
    size: int | None  # half-points
    num_id: str | None  # list numbering carried by the style ("List Bullet")


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    default_size: int = 22  # half-points; Word's 11 pt when the document says nothing
    from_export: bool = False

    def chain(self, style_id: str | None) -> list[Style]:
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def outline(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            match = _HEADING_NAME.match(style.name.strip())
            if match:
                return int(match.group(1)) - 1 if match.group(1) else 0
            if style.outline_level is not None and style.outline_level < 9:
                return style.outline_level
        return None

    def flag(self, style_id: str | None, attr: str) -> bool:
        for style in self.chain(style_id):
            value = getattr(style, attr)
            if value is not None:
                return bool(value)
        return False

    def size(self, style_id: str | None) -> int | None:
        return next((s.size for s in self.chain(style_id) if s.size is not None), None)

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else ""

    def num_id(self, style_id: str | None) -> str | None:
        return next((s.num_id for s in self.chain(style_id) if s.num_id), None)

    def default_paragraph(self) -> str | None:
        return next((sid for sid, s in self.by_id.items() if s.name.lower() == "normal"), None)


def read_styles(root: Any | None) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    default = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    styles.default_size = run_size(default) or styles.default_size
    for style in root.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if not style_id:
            continue
        name_el = style.find(qn("w:name"))
        based = style.find(qn("w:basedOn"))
        outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        rpr = style.find(qn("w:rPr"))
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        name = str(name_el.get(qn("w:val"), "")) if name_el is not None else style_id
        styles.by_id[style_id] = Style(
            name=name,
            based_on=based.get(qn("w:val")) if based is not None else None,
            outline_level=integer(outline.get(qn("w:val"))) if outline is not None else None,
            bold=flag(rpr.find(qn("w:b"))) if rpr is not None else None,
            italic=flag(rpr.find(qn("w:i"))) if rpr is not None else None,
            underline=_underline(rpr),
            caps=flag(rpr.find(qn("w:caps"))) if rpr is not None else None,
            size=run_size(rpr),
            num_id=str(num.get(qn("w:val"))) if num is not None else None,
        )
        styles.from_export = styles.from_export or name in EXPORT_STYLE_NAMES
    normal = styles.default_paragraph()
    styles.default_size = styles.size(normal) or styles.default_size
    return styles


def _underline(rpr: Any) -> bool | None:
    element = rpr.find(qn("w:u")) if rpr is not None else None
    if element is None:
        return None
    return str(element.get(qn("w:val"), "single")).lower() not in _FALSE


def read_numbering(root: Any | None) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt ("bullet", "decimal"...)."""
    formats: dict[tuple[str, int], str] = {}
    if root is None:
        return formats
    abstract: dict[str, dict[int, str]] = {}
    for node in root.iter(qn("w:abstractNum")):
        levels: dict[int, str] = {}
        for lvl in node.iter(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            level = integer(lvl.get(qn("w:ilvl")))
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


@dataclass(frozen=True)
class Comment:
    author: str
    text: str


def read_comments(root: Any | None) -> dict[str, Comment]:
    """Comment id -> who wrote it and what (paragraphs joined by spaces)."""
    comments: dict[str, Comment] = {}
    if root is None:
        return comments
    for node in root.iter(qn("w:comment")):
        comment_id = node.get(qn("w:id"))
        if comment_id is None:
            continue
        paragraphs = [
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in node.iter(qn("w:p"))
        ]
        text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
        comments[str(comment_id)] = Comment(str(node.get(qn("w:author"), "")), text)
    return comments
