"""Page layouts a dossier can choose; the counters and the DOCX export use the same one."""

from __future__ import annotations

from dataclasses import dataclass

from ptce_assist.layout.metrics import load_metrics, scale_round

A4_WIDTH_TWIPS = 11906  # 210 mm
A4_HEIGHT_TWIPS = 16838  # 297 mm
TWIPS_PER_CM = 1440 / 2.54
PX_PER_TWIP = 6  # LibreOffice measures text at 8,640 dpi = 6 px per twip


def cm_to_twips(cm: float) -> int:
    return round(cm * TWIPS_PER_CM)


@dataclass(frozen=True, slots=True)
class Preset:
    id: str
    label: str  # French, shown to the candidate
    font_name: str  # the name written in the DOCX
    rendered_font: str  # what LibreOffice draws it with (metric-compatible substitute)
    metrics_file: str  # in assets/metrics/
    size_pt: int
    page_width_twips: int
    page_height_twips: int
    margin_top_twips: int
    margin_bottom_twips: int
    margin_left_twips: int
    margin_right_twips: int
    line_height_twips: int
    lines_per_page: int

    @property
    def line_width_twips(self) -> int:
        return self.page_width_twips - self.margin_left_twips - self.margin_right_twips

    @property
    def line_width_px(self) -> int:
        """Available width of a body line in 8,640-dpi pixels."""
        return self.line_width_twips * PX_PER_TWIP

    @property
    def text_height_twips(self) -> int:
        return self.page_height_twips - self.margin_top_twips - self.margin_bottom_twips


def single_line_height_twips(metrics_file: str, size_pt: int) -> int:
    """LibreOffice's single-spacing line height: ascent + descent + line gap, each rounded
    to whole 8,640-dpi pixels, then to twips (halves up)."""
    m = load_metrics(metrics_file)
    px = sum(
        scale_round(abs(v), size_pt, m.units_per_em) for v in (m.ascender, m.descender, m.line_gap)
    )
    return (2 * px + PX_PER_TWIP) // (2 * PX_PER_TWIP)


def _a4(
    preset_id: str,
    label: str,
    font_name: str,
    rendered: str,
    metrics_file: str,
    size_pt: int,
    margin_cm: float,
) -> Preset:
    margin = cm_to_twips(margin_cm)
    line_height = single_line_height_twips(metrics_file, size_pt)
    text_height = A4_HEIGHT_TWIPS - 2 * margin
    return Preset(
        id=preset_id,
        label=label,
        font_name=font_name,
        rendered_font=rendered,
        metrics_file=metrics_file,
        size_pt=size_pt,
        page_width_twips=A4_WIDTH_TWIPS,
        page_height_twips=A4_HEIGHT_TWIPS,
        margin_top_twips=margin,
        margin_bottom_twips=margin,
        margin_left_twips=margin,
        margin_right_twips=margin,
        line_height_twips=line_height,
        lines_per_page=text_height // line_height,
    )


DEFAULT_PRESET = "arial11"

PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        _a4(
            "arial11",
            "Arial 11, marges 2 cm",
            "Arial",
            "Liberation Sans",
            "liberation-sans.json",
            11,
            2.0,
        ),
        _a4(
            "calibri11", "Calibri 11, marges 2,5 cm", "Calibri", "Carlito", "carlito.json", 11, 2.5
        ),
        _a4(
            "times12",
            "Times New Roman 12, marges 2,5 cm",
            "Times New Roman",
            "Liberation Serif",
            "liberation-serif.json",
            12,
            2.5,
        ),
    )
}


def get_preset(preset_id: str) -> Preset:
    try:
        return PRESETS[preset_id]
    except KeyError:
        known = ", ".join(PRESETS)
        raise KeyError(f"unknown layout preset {preset_id!r} (known: {known})") from None
