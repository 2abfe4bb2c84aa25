"""Font metrics shipped as JSON in assets/metrics/ (written by tools/extract_metrics.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

METRICS_DIR = Path(__file__).resolve().parents[2] / "assets" / "metrics"


@dataclass(frozen=True, slots=True)
class FontMetrics:
    family: str
    version: str
    units_per_em: int
    ascender: int
    descender: int  # negative, as in the font
    line_gap: int
    advances: dict[str, int]  # character -> advance width in font units
    ligatures: tuple[tuple[str, int], ...]  # (character sequence, advance), font order


def scale_round(units: int, size_pt: int, units_per_em: int) -> int:
    """Font units -> whole pixels at 8,640 dpi (size_pt * 120 px per em), halves rounded up.

    Integer arithmetic, so that Python and JavaScript agree bit for bit.
    """
    return (2 * units * size_pt * 120 + units_per_em) // (2 * units_per_em)


def metrics_path(file_name: str) -> Path:
    return METRICS_DIR / file_name


@cache
def metrics_json(file_name: str) -> dict[str, Any]:
    """The raw JSON, as the browser twin receives it."""
    data: dict[str, Any] = json.loads(metrics_path(file_name).read_text(encoding="utf-8"))
    return data


@cache
def load_metrics(file_name: str) -> FontMetrics:
    data = metrics_json(file_name)
    return FontMetrics(
        family=data["family"],
        version=data["version"],
        units_per_em=int(data["units_per_em"]),
        ascender=int(data["ascender"]),
        descender=int(data["descender"]),
        line_gap=int(data["line_gap"]),
        advances={str(k): int(v) for k, v in data["advances"].items()},
        ligatures=tuple((str(s), int(a)) for s, a in data["ligatures"]),
    )
