"""The dossier as a DOCX that follows Annexe 1 of the call, in its order.

Title, project name and region, the identity table (structure porteuse, personne référente),
then each rubric: a heading with the call's exact label and limit, and the text written by
`layout.docx_body.add_body_text`, the very text and style the live counter measured.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ptce_assist.call import Call, load_call
from ptce_assist.docx_export import styles
from ptce_assist.docx_export.annex import add_budget_annex_if_any
from ptce_assist.docx_export.footer import add_page_numbers
from ptce_assist.docx_export.presets import export_preset_id
from ptce_assist.dossier import Dossier
from ptce_assist.layout.docx_body import add_body_text, apply_preset
from ptce_assist.plaintext import (
    DOCUMENT_TITLE,
    MISSING_MARKER,
    export_sections,
    identity_blocks,
)
from ptce_assist.text import clean_text

LABEL_WIDTH = Cm(6.0)
CORE_PROPERTY_CHARS = 255
"""python-docx refuses longer core properties (title, author...); names are not capped."""


def build_docx(
    dossier: Dossier, *, layout: str | None = None, created: dt.datetime | None = None
) -> bytes:
    """The DOCX bytes. `layout` overrides the dossier's preset (ValueError if unknown)."""
    # Control characters and lone surrogates cannot go into XML: drop them as typing would,
    # whatever path the dossier came by (lxml would otherwise raise an English ValueError).
    dossier = Dossier.model_validate(_cleaned(dossier.model_dump()))
    call = load_call(dossier.call_id)
    preset_id = export_preset_id(dossier, layout)
    document: Any = docx.Document()
    preset = apply_preset(document, preset_id)
    styles.add_export_styles(document, preset)
    _properties(document, dossier, call, created)
    add_page_numbers(document)

    document.add_paragraph(DOCUMENT_TITLE, style=styles.TITLE)
    blocks = identity_blocks(dossier, call)
    for block in blocks:
        if len(block.rows) == 1 and block.rows[0].label == block.label:
            _project_line(document, block.label, block.rows[0].value)
    _identity_table(document, preset.line_width_twips, [b for b in blocks if len(b.rows) > 1])

    for section in export_sections(dossier, call):
        document.add_paragraph(section.heading, style=styles.HEADING)
        if section.text is None:
            document.add_paragraph(MISSING_MARKER, style=styles.MISSING)
        else:
            add_body_text(document, section.text)

    add_budget_annex_if_any(document, dossier)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value).text
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _properties(document: Any, dossier: Dossier, call: Call, created: dt.datetime | None) -> None:
    when = created or dt.datetime.now(dt.UTC).replace(microsecond=0)
    props = document.core_properties
    name = " ".join(dossier.project.name.split())
    props.title = _fit(f"{DOCUMENT_TITLE} — {name}" if name else DOCUMENT_TITLE)
    props.subject = _fit(call.title)
    props.author = _fit(" ".join(dossier.referent.name.split()))
    props.last_modified_by = props.author
    props.created = when
    props.modified = when
    props.revision = 1
    props.language = "fr-FR"
    props.keywords = "AMI PTCE; dossier de candidature"
    props.comments = "Document produit avec ptce-assist."
    props.category = ""


def _fit(text: str) -> str:
    """At most CORE_PROPERTY_CHARS characters, an ellipsis marking a cut."""
    if len(text) <= CORE_PROPERTY_CHARS:
        return text
    return text[: CORE_PROPERTY_CHARS - 1].rstrip() + "…"


def _project_line(document: Any, label: str, value: str) -> None:
    paragraph = document.add_paragraph(style=styles.PROJECT)
    paragraph.add_run(f"{label} : ").bold = True
    paragraph.add_run(" ".join(value.split()))


def _identity_table(document: Any, width_twips: int, blocks: list[Any]) -> None:
    rows = sum(1 + len(block.rows) for block in blocks)
    if not rows:
        return
    table = document.add_table(rows=rows, cols=2)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    value_width = Cm(width_twips * 2.54 / 1440) - LABEL_WIDTH
    table.columns[0].width = LABEL_WIDTH
    table.columns[1].width = value_width
    index = 0
    for block in blocks:
        header = table.rows[index].cells
        merged = header[0].merge(header[1])
        _cell_text(merged, block.label, bold=True)
        _shade(merged, "E7E6E6")
        index += 1
        for row in block.rows:
            label_cell, value_cell = table.rows[index].cells
            _cell_text(label_cell, row.label, bold=False)
            _cell_text(value_cell, row.value, bold=False)
            label_cell.width = LABEL_WIDTH
            value_cell.width = value_width
            index += 1


def _cell_text(cell: Any, text: str, *, bold: bool) -> None:
    lines = text.split("\n") or [""]
    first = cell.paragraphs[0]
    first.style = styles.IDENTITY
    first.add_run(lines[0]).bold = bold
    for line in lines[1:]:
        # An empty line makes a paragraph without runs: the run is added, not looked up.
        cell.add_paragraph(style=styles.IDENTITY).add_run(line).bold = bold


def _shade(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)
