"""Going to another page and coming back never writes an old value over a newer one.

Issue « Nothing typed is ever lost and every click lands », point 1: the budget, filled then
left for another page, came back as it was when first opened in the session, and that old
state was saved over the new one. The cause was a seed kept in the session across pages;
every page bound to the dossier is checked here: visiting it writes nothing, and a value
changed meanwhile by someone else (another tab) is what the page shows when one comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.selfassessment import assessment
from ptce_assist.storage import DossierStore, make_engine
from tests.apptest_support import full_dossier
from tests.browser.person import Person
from tests.browser.server import AppServer

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("no-stale-writes")]

CALL = load_call()
EMPLOIS = next(i.short for i in assessment(Dossier(), CALL) if i.id == "emplois")
# (sidebar title, url path) of every page of an open dossier.
PAGES = [
    ("Identité", "identite"),
    ("Écrire en équipe", "equipe"),
    *[(r.short_fr, r.id) for r in CALL.rubrics],
    ("Budget prévisionnel", "budget"),
    ("Récapitulatif", "recapitulatif"),
    ("Exporter", "export"),
    ("Importer un brouillon Word", "importer"),
    ("Recevabilité", "recevabilite"),
    ("Porteur et gouvernance", "porteur"),
    ("Acteurs du pôle", "acteurs-du-pole"),
    ("Éligibilité", "eligibilite"),
    ("Auto-évaluation", "autoevaluation"),
    ("Rejoindre un atelier", "rejoindre-atelier"),
]


def _store(server: AppServer) -> DossierStore:
    return DossierStore(make_engine(server.database_url))


def test_visiting_every_page_back_and_forth_writes_nothing(
    app_server: AppServer, new_page: Callable[[], Any]
) -> None:
    token, _ = _store(app_server).create(full_dossier())
    person = Person(new_page(), app_server, token)
    person.open("identite")
    before = person.version()
    for title, path in [*PAGES[1:], *reversed(PAGES[:-1])]:
        person.go_by_sidebar(title, path)
        assert person.version() == before, f"la page {path} a écrit dans le dossier"
    assert person.stored() == full_dossier()


# Pages with widgets seeded from the dossier, and a change another tab makes meanwhile.
# (page, dossier path, the new value, how the page shows it: a field's label or an option)
CHANGES = [
    pytest.param(
        "identite",
        "project.region",
        "93",
        ("select", "Région", "Provence-Alpes-Côte d'Azur"),
        id="identité (région)",
    ),
    pytest.param(
        "identite",
        "project.name",
        "Nom changé ailleurs",
        ("field", "Nom du projet", ""),
        id="identité (nom)",
    ),
    pytest.param(
        "eligibilite",
        "diagnostic.criteria.regroupement.answer",
        "non",
        ("select", "Réponse", "Non"),
        id="éligibilité (réponse)",
    ),
    pytest.param(
        "porteur",
        "diagnostic.governance.objectifs",
        "en_projet",
        ("select", CALL.diagnostic.governance_questions[0].question_fr, "En projet"),
        id="porteur (gouvernance)",
    ),
    pytest.param(
        "autoevaluation",
        "diagnostic.self_assessment.candidate.emplois.score",
        "1",
        ("select", f"Note du candidat — {EMPLOIS}", "1 — esquissé"),
        id="auto-évaluation (note)",
    ),
    pytest.param(
        "gouvernance",
        "rubrics.gouvernance",
        "Texte enregistré ailleurs.",
        ("field", "Votre texte", ""),
        id="rubrique",
    ),
]


@pytest.mark.parametrize(("url_path", "path", "theirs", "shown"), CHANGES)
def test_a_page_shown_again_shows_what_was_saved_meanwhile_and_writes_nothing(
    app_server: AppServer,
    new_page: Callable[[], Any],
    url_path: str,
    path: str,
    theirs: str,
    shown: tuple[str, str, str],
) -> None:
    store = _store(app_server)
    token, _ = store.create(full_dossier())
    person = Person(new_page(), app_server, token)
    person.open(url_path)
    title = dict((p, t) for t, p in PAGES)[url_path]
    person.go_by_sidebar("Récapitulatif", "recapitulatif")
    # Meanwhile another tab (another member) saves a new value.
    current = _value(person.stored(), path)
    store.set_field(token, path, theirs, expected=current)
    version = person.version()
    person.go_by_sidebar(title, url_path)
    assert person.version() == version, "revenir sur la page a écrit dans le dossier"
    assert _value(person.stored(), path) == theirs
    kind, label, option = shown
    if kind == "field":
        assert person.field(label).input_value() == theirs
    else:  # the select box shows the chosen option's label
        assert person.page.get_by_label(label, exact=True).first.input_value() == option
    person.go_by_sidebar("Récapitulatif", "recapitulatif")
    assert person.version() == version, "quitter la page a écrit dans le dossier"


def _value(dossier: Dossier, path: str) -> Any:
    node: Any = dossier.model_dump(mode="json")
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def test_the_budget_typed_then_left_for_another_page_is_still_there_on_return(
    app_server: AppServer, new_page: Callable[[], Any]
) -> None:
    """Issue point 1, as it was seen: a new dossier, 45 000 € typed in the budget, saved;
    Récapitulatif, then Budget again: the budget was back to empty and that was saved."""
    token, _ = _store(app_server).create(Dossier())
    person = Person(new_page(), app_server, token)
    person.open("budget")
    expenses = person.page.get_by_role("table", name="Dépenses", exact=True)
    cell = expenses.get_by_label("N (€), ligne 1", exact=True)
    cell.click()
    person.page.keyboard.type("45 000")
    stored = person.eventually_stored(
        lambda d: d.budget.expense_totals()[0] == 4_500_000, "le montant n'est pas enregistré"
    )
    version = person.version()
    for title, path in [
        ("Récapitulatif", "recapitulatif"),
        ("Budget prévisionnel", "budget"),
        ("Identité", "identite"),
        ("Budget prévisionnel", "budget"),
    ]:
        person.go_by_sidebar(title, path)
        assert person.version() == version, f"aller sur {path} a écrit dans le dossier"
    assert person.stored().budget == stored.budget
    shown = person.page.get_by_role("table", name="Dépenses", exact=True)
    assert shown.get_by_label("N (€), ligne 1", exact=True).input_value() == "45 000"
