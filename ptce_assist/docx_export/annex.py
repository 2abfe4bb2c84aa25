"""The optional budget annex, written by the budget feature when it is installed.

`ptce_assist.budget.docx_annex.add_budget_annex(document, budget)` belongs to the budget issue.
It is looked up at run time so that the export works with or without it: absent module, or
an empty budget, means no annex.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from ptce_assist.dossier import Dossier

ANNEX_MODULE = "ptce_assist.budget.docx_annex"


def budget_is_empty(budget: Any) -> bool:
    flag = getattr(budget, "is_empty", None)
    if callable(flag):
        flag = flag()
    if isinstance(flag, bool):
        return flag
    return not any(_has_content(value) for value in budget.model_dump().values())


def _has_content(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_content(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_content(v) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return bool(value)


def annex_available() -> bool:
    return importlib.util.find_spec(ANNEX_MODULE) is not None


def add_budget_annex_if_any(document: Any, dossier: Dossier) -> bool:
    """Add the budget annex when the budget feature exists and the budget has content."""
    if budget_is_empty(dossier.budget) or not annex_available():
        return False
    module = importlib.import_module(ANNEX_MODULE)
    document.add_page_break()
    module.add_budget_annex(document, dossier.budget)
    return True
