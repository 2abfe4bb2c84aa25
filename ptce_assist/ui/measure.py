"""The rubric measure used by status displays (the layout engine, once it is wired)."""

from __future__ import annotations

from ptce_assist.dossier import Dossier
from ptce_assist.progress import Measure


def rubric_measure(dossier: Dossier) -> Measure | None:
    return None
