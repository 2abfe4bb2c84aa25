"""Presets (the capacities measured with LibreOffice) and budgets in lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ptce_assist.layout.line_budget import budget_lines, budget_status, format_pages, near_margin
from ptce_assist.layout.presets import DEFAULT_PRESET, PRESETS, get_preset
from tests.conftest import require_or_skip

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("preset_id", "font", "line_twips", "line_height", "lines_per_page"),
    [
        # ../shared/notes/layout-fidelity.md: 481.9 pt x 12.65 pt, 57 lines; 453.6 pt x
        # 13.45 pt, 52 lines; 453.6 pt x 13.80 pt, 50 lines.
        ("arial11", "Arial", 9638, 253, 57),
        ("calibri11", "Calibri", 9072, 269, 52),
        ("times12", "Times New Roman", 9072, 276, 50),
    ],
)
def test_presets_match_the_measured_capacities(
    preset_id: str, font: str, line_twips: int, line_height: int, lines_per_page: int
) -> None:
    preset = get_preset(preset_id)
    assert preset.font_name == font
    assert preset.line_width_twips == line_twips
    assert preset.line_width_px == line_twips * 6
    assert preset.line_height_twips == line_height
    assert preset.lines_per_page == lines_per_page
    assert (preset.page_width_twips, preset.page_height_twips) == (11906, 16838)  # A4


def test_default_and_labels() -> None:
    assert DEFAULT_PRESET == "arial11"
    assert [p.label for p in PRESETS.values()] == [
        "Arial 11, marges 2 cm",
        "Calibri 11, marges 2,5 cm",
        "Times New Roman 12, marges 2,5 cm",
    ]
    with pytest.raises(KeyError):
        get_preset("comic12")


def test_budget_lines() -> None:
    assert budget_lines(1, "page", "arial11") == 57
    assert budget_lines(0.5, "page", "arial11") == 28  # 28.5 rounded down
    assert budget_lines(0.5, "page", "calibri11") == 26
    assert budget_lines(2, "page", "times12") == 100
    assert budget_lines(15, "ligne", "times12") == 15
    with pytest.raises(ValueError):
        budget_lines(0, "page", "arial11")


def test_budget_status_and_wording() -> None:
    assert near_margin(57) == 6 and near_margin(15) == 3 and near_margin(114) == 12
    assert budget_status(12, 57).message == "12 / 57 lignes — il reste 45 lignes"
    assert budget_status(50, 57).state == "ok"
    assert budget_status(51, 57).state == "near"
    assert budget_status(56, 57).message == "56 / 57 lignes — il ne reste qu'une ligne"
    assert budget_status(57, 57).message == "57 / 57 lignes — limite atteinte"
    assert budget_status(57, 57).state == "near"
    over = budget_status(60, 57)
    assert (over.state, over.remaining, over.message) == (
        "over",
        -3,
        "60 / 57 lignes — 3 lignes de trop",
    )
    assert budget_status(16, 15).message == "16 / 15 lignes — 1 ligne de trop"
    assert budget_status(12, 15).state == "near"
    assert format_pages(0.4912) == "0,49 page" and format_pages(2.1) == "2,10 pages"


def test_metrics_json_is_what_the_extraction_script_writes() -> None:
    fonts = [
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    ]
    require_or_skip(
        all(Path(f).exists() for f in fonts),
        "PTCE_REQUIRE_ORACLES",
        "polices Debian absentes : extraction des métriques non vérifiée",
    )
    done = subprocess.run(
        [sys.executable, "tools/extract_metrics.py", "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("LICENSE-Liberation.txt", "LICENSE-Carlito.txt"):
        assert "SIL OPEN FONT LICENSE" in (REPO / "assets/metrics" / name).read_text()
