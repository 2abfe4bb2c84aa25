"""The export's own styles: title, rubric headings, identity table, missing-rubric marker.

None of them is Normal, which `layout.docx_body.apply_preset` reserves for the rubric texts:
changing them cannot move a single line break of a rubric. They name the preset's font
explicitly (theme fonts of python-docx's template removed) so the document looks uniform.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ptce_assist.layout.presets import Preset

TITLE = "Title"
HEADING = "Heading 1"  # rubric headings: Word's navigation pane and outline show them
SECTION = "Heading 2"  # "Annexe" headings
IDENTITY = "PTCE Identité"
PROJECT = "PTCE Projet"
MISSING = "PTCE Rubrique manquante"
FOOTER = "PTCE Pied de page"

_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_DARK = RGBColor(0x1F, 0x1F, 0x1F)


def _font(style: Any, preset: Preset, size_pt: float, *, bold: bool, italic: bool = False) -> None:
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in _THEME_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), preset.font_name)
    style.font.size = Pt(size_pt)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = _DARK
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "fr-FR")


def _paragraph_style(document: Any, name: str) -> Any:
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.quick_style = True
    return style


def add_export_styles(document: Any, preset: Preset) -> None:
    size = preset.size_pt
    title = document.styles[TITLE]
    _font(title, preset, size + 7, bold=True)
    kern = title.element.get_or_add_rPr().find(qn("w:kern"))
    if kern is not None:
        kern.getparent().remove(kern)
    title.paragraph_format.space_after = Pt(12)

    for name, extra, before in ((HEADING, 1, 14), (SECTION, 1, 14)):
        heading = document.styles[name]
        _font(heading, preset, size + extra, bold=True)
        fmt = heading.paragraph_format
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(6)
        fmt.keep_with_next = True
        fmt.keep_together = True
        fmt.widow_control = True

    project = _paragraph_style(document, PROJECT)
    project.base_style = None
    _font(project, preset, size + 1, bold=False)
    project.paragraph_format.space_after = Pt(3)
    project.paragraph_format.keep_with_next = True

    identity = _paragraph_style(document, IDENTITY)
    identity.base_style = None
    _font(identity, preset, max(size - 1, 8), bold=False)
    fmt = identity.paragraph_format
    fmt.space_before = Pt(1)
    fmt.space_after = Pt(1)

    footer = _paragraph_style(document, FOOTER)
    footer.base_style = None
    _font(footer, preset, max(size - 2, 8), bold=False)
    footer.paragraph_format.space_before = Pt(0)
    footer.paragraph_format.space_after = Pt(0)

    missing = _paragraph_style(document, MISSING)
    missing.base_style = None
    _font(missing, preset, size, bold=False, italic=True)
    missing.font.color.rgb = RGBColor(0xA0, 0x1C, 0x1C)
