"""DOCX export of a dossier (pure: no Streamlit). See `builder` for the document's layout."""

from __future__ import annotations

from ptce_assist.docx_export.builder import build_docx
from ptce_assist.docx_export.checks import export_warnings, over_limit_rubrics
from ptce_assist.docx_export.presets import UnknownLayout, export_preset_id
from ptce_assist.dossier import Dossier
from ptce_assist.filenames import safe_stem

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

__all__ = [
    "DOCX_MIME",
    "UnknownLayout",
    "build_docx",
    "docx_filename",
    "export_preset_id",
    "export_warnings",
    "over_limit_rubrics",
]


def docx_filename(dossier: Dossier, suffix: str = ".docx") -> str:
    """ "Pôle Sud / Archer" -> "Pole-Sud-Archer-dossier-AMI-PTCE.docx"."""
    stem = safe_stem(dossier.project.name, fallback="")
    return f"{stem}-dossier-AMI-PTCE{suffix}" if stem else f"dossier-AMI-PTCE{suffix}"
