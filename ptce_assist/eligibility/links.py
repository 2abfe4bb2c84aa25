"""The app pages a verdict sends the person to: their url_path (as in app.py) and title.

A rubric's page has the rubric's id as url_path. `tests/eligibility/test_links.py` checks these
against app.py.
"""

from __future__ import annotations

from ptce_assist.call import Call

IDENTITE = "identite"
RECEVABILITE = "recevabilite"
PORTEUR = "porteur"
ACTEURS = "acteurs-du-pole"
ELIGIBILITE = "eligibilite"
AUTOEVALUATION = "autoevaluation"

PAGE_TITLES: dict[str, str] = {
    IDENTITE: "Identité",
    RECEVABILITE: "Recevabilité",
    PORTEUR: "Porteur et gouvernance",
    ACTEURS: "Acteurs du pôle",
    ELIGIBILITE: "Éligibilité",
    AUTOEVALUATION: "Auto-évaluation",
}


def page_title(url_path: str, call: Call) -> str:
    """The French title of a page: « Porteur et gouvernance », « Périmètre »…"""
    if url_path in PAGE_TITLES:
        return PAGE_TITLES[url_path]
    return next((r.short_fr for r in call.rubrics if r.id == url_path), "")


def on_page(url_path: str, call: Call) -> str:
    """« sur la page « Éligibilité » », for a sentence read in the app or in a terminal."""
    return f"sur la page « {page_title(url_path, call)} »"
