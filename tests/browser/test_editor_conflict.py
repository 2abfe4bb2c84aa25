"""The same rubric open in two tabs: the second writer is told, nothing is overwritten
silently, and "Reprendre la version enregistrée" puts the saved text in the editor."""

from __future__ import annotations

from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import expect_run

pytestmark = pytest.mark.browser

START = "Version de départ."
FROM_A = " Ajout de l'onglet A."
FROM_B = " Ajout de l'onglet B."
CONFLICT = "Ce champ a été modifié ailleurs"
EDITOR_CONFLICT = "Modifié ailleurs entre-temps"


@pytest.fixture(scope="module")
def app_server_env() -> dict[str, str]:
    """Without the team's live updates: tab B would otherwise be brought up to date by its
    next check (every 3 s) whenever that falls between A's save and B's typing, and there
    would be no conflict to test (tests/browser/test_team.py tests that path)."""
    return {"PTCE_TEAM_LIVE": "0"}


def test_second_tab_is_told_and_can_take_the_saved_text(
    app_server: AppServer, new_page: Any
) -> None:
    store = DossierStore(make_engine(app_server.database_url))
    token, _ = store.create(Dossier(rubrics={"perimetre": START}))
    tab_a, tab_b = (Person(new_page(), app_server, token) for _ in range(2))
    for tab in (tab_a, tab_b):
        tab.open("perimetre")
        assert tab.field("Votre texte").input_value() == START

    tab_a.type_in("Votre texte", FROM_A)
    tab_a.wait_field_saved("Votre texte")
    tab_a.eventually_stored(
        lambda d: d.rubric_text("perimetre") == START + FROM_A,
        f"jamais enregistré : {START + FROM_A!r}",
    )

    tab_b.type_in("Votre texte", FROM_B)
    tab_b.page.get_by_text(CONFLICT, exact=False).wait_for(timeout=15_000)
    # The editor itself knows: a conflict is not sent again until the person chooses.
    tab_b.status_of("Votre texte").filter(has_text=EDITOR_CONFLICT).wait_for()
    assert tab_b.stored().rubric_text("perimetre") == START + FROM_A  # not overwritten
    assert tab_b.field("Votre texte").input_value() == START + FROM_B  # not lost

    with expect_run(tab_b.page):
        tab_b.page.get_by_role("button", name="Reprendre la version enregistrée").click()
    tab_b.page.get_by_text(CONFLICT, exact=False).wait_for(state="detached", timeout=15_000)
    assert tab_b.field("Votre texte").input_value() == START + FROM_A
    tab_b.wait_field_saved("Votre texte")
    assert tab_b.stored().rubric_text("perimetre") == START + FROM_A
