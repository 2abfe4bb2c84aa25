"""The page does not move under the pointer while the person writes.

Issue « Nothing typed is ever lost and every click lands », point 2, under load: a person typed
in an empty rubric then went for « Rubrique suivante → »; the button went down on the link and
came up 400 px lower on the page, so no click was made. The run that saved the first letters
opened « Conseils de rédaction » by itself (it opened whenever the text was not empty), and
the panel, sliding open between the link and the editor, pushed the link down the page.

A page shows its panels open or closed as they were when it was opened; what the person
types changes neither, and the links that take them on sit above what grows as they write.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.person import Person
from tests.browser.server import AppServer

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("page-holds-still")]

# A text that the coach has much to say about: a long sentence, an acronym, figures.
TYPED = (
    " Le comité de pilotage, qui réunit chaque trimestre les collectivités, les entreprises "
    "de l'ESS, les associations du territoire et les représentants des habitants autour "
    "d'une feuille de route partagée, arbitre les priorités du pôle et valide le budget. "
    "Le CA élargi se réunit 4 fois par an."
)
EARLIER = "Le pôle est porté par une association collégiale."

# Where an element is in the page (not on the screen: the main area scrolls).
OFFSET_IN_PAGE = """
(element) => {
  const page = document.querySelector("[data-testid='stMainBlockContainer']");
  return element.getBoundingClientRect().top - page.getBoundingClientRect().top;
}
"""


def _offset(locator: Any) -> float:
    return float(locator.evaluate(OFFSET_IN_PAGE))


@pytest.mark.parametrize("already", ["", EARLIER], ids=["rubrique vide", "rubrique déjà commencée"])
def test_typing_does_not_move_the_link_to_the_next_rubric(
    app_server: AppServer, new_page: Callable[[], Any], already: str
) -> None:
    engine = make_engine(app_server.database_url)
    try:
        token, _ = DossierStore(engine).create(Dossier(rubrics={"gouvernance": already}))
    finally:
        engine.dispose()
    person = Person(new_page(), app_server, token)
    person.open("gouvernance")
    link = person.page.get_by_role("link", name="Rubrique suivante →")
    before = _offset(link)

    person.type_in("Votre texte", TYPED)
    person.eventually_stored(
        lambda d: d.rubric_text("gouvernance") == already + TYPED,
        "le texte tapé n'est pas enregistré",
    )
    person.wait_field_saved("Votre texte")
    person.wait_settled()

    assert _offset(link) == pytest.approx(before, abs=1), (
        "« Rubrique suivante → » a bougé pendant que la personne écrivait"
    )
