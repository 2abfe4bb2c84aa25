"""Page numbers in the footer of the exported DOCX: « Page 2 sur 7 » (PAGE and NUMPAGES
fields, which Word and LibreOffice fill in).

The footer sits in the bottom margin, below the text: its distance from the page's edge plus
its one small line stay within the margin of every preset, so no page loses a line of text
(tests/docx/test_page_numbers.py checks it with LibreOffice).
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from ptce_assist.docx_export import styles

FOOTER_DISTANCE_TWIPS = 567  # 1 cm from the bottom edge of the page


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown  # what a reader that does not compute fields shows
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_page_numbers(document: Any) -> None:
    for section in document.sections:
        section.footer_distance = Twips(FOOTER_DISTANCE_TWIPS)
        paragraph = section.footer.paragraphs[0]
        paragraph.style = document.styles[styles.FOOTER]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        _field(paragraph, " PAGE ", "1")
        paragraph.add_run(" sur ")
        _field(paragraph, " NUMPAGES ", "1")
