"""Two journeys through the same pages: a candidate's (the dossier, its progress first) and an
adviser's (the workshop, then a team's dossier opened from the dashboard, read only).

Every page is registered in both navigations, so that any link opens its page; the pages
outside a journey are hidden from its menu. The menu is drawn here (Streamlit's own is hidden:
`st.navigation(position="hidden")`) so that the dossier's progress comes first, above the
fold of a 1366×768 laptop screen, and each rubric shows its state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from ptce_assist.call import Call
from ptce_assist.progress import (
    STATE_ICONS,
    RubricProgress,
    overall_progress,
)
from ptce_assist.ui.context import OpenDossier, call_of, current_open
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure


@dataclass(frozen=True)
class Entry:
    key: str
    target: str | Callable[[], None]
    title: str
    icon: str
    url_path: str = ""


def _file(key: str, title: str, icon: str, url_path: str) -> Entry:
    return Entry(key, f"app_pages/{key}.py", title, icon, url_path)


ACCUEIL = Entry("accueil", "app_pages/accueil.py", "Accueil", ":material/home:")
OTHER_ENTRIES = (
    _file("identite", "Identité", ":material/badge:", "identite"),
    _file("equipe", "Écrire en équipe", ":material/group:", "equipe"),
    _file("budget", "Budget prévisionnel", ":material/euro:", "budget"),
    _file("recevabilite", "Recevabilité", ":material/fact_check:", "recevabilite"),
    _file("porteur", "Porteur et gouvernance", ":material/account_balance:", "porteur"),
    _file("acteurs", "Acteurs du pôle", ":material/hub:", "acteurs-du-pole"),
    _file("eligibilite", "Éligibilité", ":material/rule:", "eligibilite"),
    _file("autoevaluation", "Auto-évaluation", ":material/insights:", "autoevaluation"),
    _file("recapitulatif", "Récapitulatif", ":material/checklist:", "recapitulatif"),
    _file("export", "Exporter", ":material/download:", "export"),
    _file("import_word", "Importer un brouillon Word", ":material/upload_file:", "importer"),
    _file("atelier_rejoindre", "Rejoindre un atelier", ":material/group_add:", "rejoindre-atelier"),
    _file("atelier_creer", "Créer un atelier", ":material/add_circle:", "creer-atelier"),
    _file("tableau_de_bord", "Tableau de bord", ":material/dashboard:", "tableau-de-bord"),
)
RUBRICS = "rubriques"  # stands for the rubric pages in a journey's sections

CANDIDATE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mon dossier", ("accueil", "identite", "equipe")),
    ("Rubriques", (RUBRICS,)),
    ("Budget", ("budget",)),
    ("Vérifier", ("recevabilite", "porteur", "acteurs", "eligibilite", "autoevaluation")),
    ("Finaliser", ("recapitulatif", "export", "import_word")),
    ("Accompagnement", ("atelier_rejoindre",)),
)
ADVISER_WORKSHOP: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Atelier", ("tableau_de_bord", "atelier_creer")),
)
ADVISER_DOSSIER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Le dossier", ("recapitulatif", "identite")),
    ("Rubriques", (RUBRICS,)),
    ("Budget", ("budget",)),
    ("Diagnostic", ("recevabilite", "porteur", "acteurs", "eligibilite", "autoevaluation")),
    ("Documents", ("export",)),
)


def _keys(sections: Sequence[tuple[str, tuple[str, ...]]]) -> set[str]:
    return {key for _, keys in sections for key in keys}


def _page(entry: Entry, visible: bool) -> st.Page:
    return st.Page(
        entry.target,
        title=entry.title,
        icon=entry.icon,
        url_path=entry.url_path or None,
        default=entry.key == ACCUEIL.key,
        visibility="visible" if visible else "hidden",
    )


class Journey:
    """The pages of this run's navigation, and the menu that goes with them."""

    def __init__(self, call: Call, rubric_entries: Sequence[Entry], *, adviser: bool) -> None:
        self.call = call
        self.adviser = adviser
        self.rubric_entries = list(rubric_entries)
        sections = (*ADVISER_WORKSHOP, *ADVISER_DOSSIER) if adviser else CANDIDATE
        shown = _keys(sections)
        entries = [ACCUEIL, *OTHER_ENTRIES]
        self.pages = {e.key: _page(e, e.key in shown) for e in entries}
        for entry in self.rubric_entries:
            self.pages[entry.key] = _page(entry, RUBRICS in shown)

    def navigation(self) -> st.Page:
        return st.navigation(list(self.pages.values()), position="hidden")

    # -- the menu ---------------------------------------------------------------------------
    def sidebar(self) -> None:
        opened = current_open()
        with st.sidebar:
            if self.adviser:
                self._links(ADVISER_WORKSHOP, None)
            if opened is None:
                if not self.adviser:
                    st.caption("Aucun dossier ouvert.")
                    self._links(CANDIDATE, None)
                return
            if not opened.team:  # a team's dossier opened from the dashboard
                st.markdown("**Dossier de l'équipe (lecture seule)**")
                self._links(ADVISER_DOSSIER, _progress(opened))
            else:  # the team itself, or an adviser given the team's own link
                self._links(CANDIDATE, _progress(opened))

    def _links(
        self,
        sections: Sequence[tuple[str, tuple[str, ...]]],
        progress: dict[str, RubricProgress] | None,
    ) -> None:
        for title, keys in sections:
            st.markdown(f"**{title}**")
            for key in keys:
                if key == RUBRICS:
                    self._rubric_links(progress)
                else:
                    page = self.pages[key]
                    st.page_link(page, label=page.title, icon=page.icon)

    def _rubric_links(self, progress: dict[str, RubricProgress] | None) -> None:
        for entry in self.rubric_entries:
            state = progress.get(entry.url_path) if progress else None
            if state is None:
                st.page_link(self.pages[entry.key], label=entry.title, icon=entry.icon)
                continue
            figures = f" · {state.lines} / {state.budget} lignes" if state.lines else ""
            st.page_link(
                self.pages[entry.key],
                label=f"{entry.title} ({state.label})",
                icon=STATE_ICONS[state.state],
                help=f"{state.label}{figures}",
            )


def _progress(opened: OpenDossier) -> dict[str, RubricProgress]:
    """The progress block (first, above the fold), and each rubric's state for the menu."""
    dossier = opened.dossier
    call = call_of(dossier)
    measure = rubric_measure(dossier)
    overall = overall_progress(dossier, call, measure)
    name = dossier.project.name.strip() or "Projet sans nom"
    st.markdown("**Progression du dossier**")
    st.progress(
        overall.fraction,
        text=(
            f"Identité : {overall.identity_filled}/{overall.identity_total} · "
            f"Rubriques complètes : {overall.rubrics_done}/{overall.rubrics_total}"
        ),
    )
    missing = overall.identity_total - overall.identity_filled  # empty or to correct
    st.caption(
        f"Dossier : {md_escape(name)}"
        + (f" · {missing} champ(s) d'identité à remplir ou corriger" if missing else "")
    )
    return {p.rubric.id: p for p in overall.rubrics}
