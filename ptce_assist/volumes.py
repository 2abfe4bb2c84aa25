"""Lines used and allowed per rubric in the dossier's page layout.

The one measure behind every status (sidebar progress, récapitulatif, recevabilité,
dashboard, `check` CLI, export warnings): the layout engine's line count against the
rubric's limit converted to lines of the same preset, as the live counter shows it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from functools import lru_cache

from ptce_assist.call import Rubric
from ptce_assist.dossier import Dossier
from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.line_budget import budget_lines
from ptce_assist.layout.presets import DEFAULT_PRESET, PRESETS
from ptce_assist.progress import Measure

# Texts longer than this are not kept as cache keys: a pasted novel must not pin megabytes in
# memory (a one-page rubric is ~4,000 characters); their counts are kept by digest instead.
CACHED_TEXT_MAX_CHARS = 40_000


def effective_preset(dossier: Dossier) -> str:
    """The dossier's preset, or the default one for a value from an unknown version."""
    return dossier.layout if dossier.layout in PRESETS else DEFAULT_PRESET


def allowed_lines(rubric: Rubric, preset_id: str) -> int:
    return budget_lines(rubric.limit.amount, rubric.limit.unit, preset_id)


@lru_cache(maxsize=1024)
def _cached_line_count(text: str, preset_id: str) -> int:
    return layout_text(text, preset_id).line_count


_LONG_COUNTS: OrderedDict[tuple[bytes, str], int] = OrderedDict()
_LONG_COUNTS_MAX = 64
_LONG_COUNTS_LOCK = threading.Lock()


def _long_line_count(text: str, preset_id: str) -> int:
    """Keyed by the text's digest: a pasted megabyte is laid out once, not on every run (the
    sidebar and the page each measure it), and the cache keeps no text, only counts."""
    key = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), preset_id)
    with _LONG_COUNTS_LOCK:
        if key in _LONG_COUNTS:
            _LONG_COUNTS.move_to_end(key)
            return _LONG_COUNTS[key]
    count = layout_text(text, preset_id).line_count
    with _LONG_COUNTS_LOCK:
        _LONG_COUNTS[key] = count
        while len(_LONG_COUNTS) > _LONG_COUNTS_MAX:
            _LONG_COUNTS.popitem(last=False)
    return count


def line_count(text: str, preset_id: str) -> int:
    if len(text) > CACHED_TEXT_MAX_CHARS:
        return _long_line_count(text, preset_id)
    return _cached_line_count(text, preset_id)


def rubric_measure(dossier: Dossier) -> Measure:
    """(lines used, lines allowed) of a rubric's text in the dossier's layout."""
    preset_id = effective_preset(dossier)

    def measure(rubric: Rubric, text: str) -> tuple[int, int]:
        return line_count(text, preset_id), allowed_lines(rubric, preset_id)

    return measure


def volume_label(measure: Measure, rubric: Rubric, text: str) -> str:
    """« vide », or « 12 / 57 lignes »: an empty rubric occupies no line of the document."""
    if not text.strip():
        return "vide"
    figures = measure(rubric, text)
    if figures is None:
        return f"{len(text)} caractères"
    used, allowed = figures
    return f"{used} / {allowed} lignes"
