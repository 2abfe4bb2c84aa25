"""docx_body writes the page, the Normal style and exactly the measured text."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from ptce_assist.layout.docx_body import add_body_text, apply_preset
from ptce_assist.layout.typography import prepare_text


def test_apply_preset_sets_page_style_and_widow_control() -> None:
    document = docx.Document()
    apply_preset(document, "calibri11")
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert section.left_margin.twips == section.right_margin.twips == 1417
    assert section.top_margin.twips == section.bottom_margin.twips == 1417
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Calibri"
    assert fonts.get(qn("w:asciiTheme")) is None
    assert normal.element.rPr.find(qn("w:sz")).get(qn("w:val")) == "22"
    assert normal.element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "22"
    fmt = normal.paragraph_format
    assert fmt.space_before == 0 and fmt.space_after == 0 and fmt.line_spacing == 1.0
    assert fmt.widow_control is True
    apply_preset(document, "arial11", widow_control=False)
    assert document.styles["Normal"].paragraph_format.widow_control is False


def test_add_body_text_writes_prepare_text_paragraph_per_line() -> None:
    document = docx.Document()
    apply_preset(document, "arial11")
    typed = "Titre : suite !\n\n- point « un »\n100 000 €"
    written = add_body_text(document, typed)
    assert [p.text for p in written] == prepare_text(typed).split("\n")
    assert all(p.style.name == "Normal" for p in written)
    buffer = io.BytesIO()
    document.save(buffer)
    reread = docx.Document(io.BytesIO(buffer.getvalue()))
    assert [p.text for p in reread.paragraphs] == prepare_text(typed).split("\n")
