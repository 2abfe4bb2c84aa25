"""The budget annex of the DOCX: added after the rubrics when the budget has content."""

from __future__ import annotations

from typing import Any

from ptce_assist.budget.docx_annex import add_budget_annex
from ptce_assist.dossier import Dossier


def add_budget_annex_if_any(document: Any, dossier: Dossier) -> bool:
    if dossier.budget.is_empty():
        return False
    document.add_page_break()
    add_budget_annex(document, dossier.budget)
    return True
