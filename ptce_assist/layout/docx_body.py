"""DOCX writing shared by the layout oracle test and the dossier export.

`apply_preset` gives a python-docx document the page and body style the layout engine
assumes; `add_body_text` writes a rubric's text exactly as the engine measured it. Body
paragraphs use the Normal style with no direct formatting, so whatever else the export adds
(headings, tables) does not change how the body text is laid out.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from ptce_assist.layout.presets import Preset, get_preset
from ptce_assist.layout.typography import prepare_text

_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent: Any, tag: str) -> Any:
    """The first `tag` child of `parent`, created (at the end) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _set_run_properties(rpr: Any, preset: Preset) -> None:
    fonts = _child(rpr, "w:rFonts")
    for slot in _THEME_SLOTS:  # a theme font would win over the explicit names
        fonts.attrib.pop(qn(slot), None)
    for slot in _FONT_SLOTS:  # every script slot, so no character switches font
        fonts.set(qn(slot), preset.font_name)
    half_points = str(preset.size_pt * 2)
    _child(rpr, "w:sz").set(qn("w:val"), half_points)
    _child(rpr, "w:szCs").set(qn("w:val"), half_points)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "fr-FR")
    lang.set(qn("w:eastAsia"), "fr-FR")
    # No w:kern: the engine assumes no pair kerning, as LibreOffice then applies none.
    kern = rpr.find(qn("w:kern"))
    if kern is not None:
        rpr.remove(kern)


def _set_defaults(document: Any, preset: Preset) -> None:
    """Document defaults too, so styles not based on Normal measure the same."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _set_run_properties(rpr, preset)
    ppr = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    spacing = _child(ppr, "w:spacing")
    for name, value in (
        ("w:before", "0"),
        ("w:after", "0"),
        ("w:line", "240"),
        ("w:lineRule", "auto"),
    ):
        spacing.set(qn(name), value)


def apply_preset(document: Any, preset_id: str, *, widow_control: bool = True) -> Preset:
    """Page size, margins and the Normal style of `document` for the preset.

    Widow/orphan control is written explicitly (LibreOffice and Word default differently
    when the style says nothing); it moves lines between pages, never changes their count.
    """
    preset = get_preset(preset_id)
    for section in document.sections:
        section.page_width = Twips(preset.page_width_twips)
        section.page_height = Twips(preset.page_height_twips)
        section.top_margin = Twips(preset.margin_top_twips)
        section.bottom_margin = Twips(preset.margin_bottom_twips)
        section.left_margin = Twips(preset.margin_left_twips)
        section.right_margin = Twips(preset.margin_right_twips)
        section.gutter = Twips(0)
    _set_defaults(document, preset)
    normal = document.styles["Normal"]
    _set_run_properties(normal.element.get_or_add_rPr(), preset)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.left_indent = Pt(0)
    fmt.right_indent = Pt(0)
    fmt.first_line_indent = Pt(0)
    fmt.widow_control = widow_control
    return preset


def add_prepared_text(container: Any, prepared: str) -> list[Any]:
    """Write text that already went through `prepare_text`: one paragraph per line."""
    return [container.add_paragraph(paragraph) for paragraph in prepared.split("\n")]


def add_body_text(container: Any, text: str) -> list[Any]:
    """Write what the candidate typed, as the engine measures it (`prepare_text(text)`).

    `container` is the document (or a cell, header...) whose `add_paragraph` is used.
    Returns the python-docx paragraphs written, in the Normal style.
    """
    return add_prepared_text(container, prepare_text(text))
