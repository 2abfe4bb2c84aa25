"""The keyboard alone: on a rubric page and on the budget, a person reaches every control with
Tab, types into the editor and the tables, moves on, and activates checkboxes and buttons with
Space and Enter. No mouse click anywhere in these tests."""

from __future__ import annotations

from typing import Any

from ptce_assist.call import load_call
from tests.browser.person import Person
from tests.browser.server import AppServer
from tests.browser.waits import expect_run, open_page

# The element that has the focus, through the components' shadow roots, and its name as a
# screen reader gives it (aria-label, its <label>, else its text).
FOCUSED = """
() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return { tag: "BODY", name: "" };
  const labelled = el.getAttribute("aria-labelledby");
  const byId = labelled && (el.getRootNode().getElementById?.(labelled) || null);
  const name = el.getAttribute("aria-label") || (byId && byId.textContent)
    || (el.labels && el.labels.length ? el.labels[0].textContent : "")
    || el.closest("label")?.textContent || el.textContent || "";
  return { tag: el.tagName, name: name.replace(/\\s+/g, " ").trim() };
}
"""
MAX_TABS = 150
RUBRIC_IDS = [r.id for r in load_call().rubrics]
NEXT = RUBRIC_IDS[RUBRIC_IDS.index("objectifs") + 1]


def focused(page: Any) -> dict[str, str]:
    return dict(page.evaluate(FOCUSED))


def tab_to(page: Any, name: str, *, tag: str | None = None) -> list[str]:
    """Press Tab until the focus is on the control named `name`; the names passed on the way."""
    passed: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        passed.append(now["name"])
        if name in now["name"] and (tag is None or now["tag"] == tag):
            return passed
    raise AssertionError(f"« {name} » jamais atteint au clavier ; parcouru : {passed}")


def test_a_rubric_is_written_and_marked_done_with_the_keyboard_alone(
    app_server: AppServer, page: Any
) -> None:
    person = Person(page, app_server)
    token = person.create_dossier()
    open_page(page, f"{app_server.url}/objectifs?d={token}")
    page.get_by_label("Votre texte").wait_for()
    passed = tab_to(page, "Votre texte", tag="TEXTAREA")
    assert any("Objectifs et vision" in n for n in passed), passed  # the menu comes first
    text = "Le pôle réunit douze structures de l'économie sociale et solidaire."
    page.keyboard.type(text)
    person.eventually_stored(lambda d: d.rubric_text("objectifs") == text, "le texte tapé")

    tab_to(page, "J'ai terminé cette rubrique", tag="INPUT")
    with expect_run(page):
        page.keyboard.press("Space")
    person.eventually_stored(lambda d: "objectifs" in d.completed_rubrics, "la case cochée")

    tab_to(page, "Rubrique suivante", tag="A")  # the next rubric, followed with Enter
    with expect_run(page):
        page.keyboard.press("Enter")
    page.wait_for_url(f"**/{NEXT}?d=*")


def test_the_budget_is_filled_with_the_keyboard_alone(app_server: AppServer, page: Any) -> None:
    person = Person(page, app_server)
    token = person.create_dossier()
    open_page(page, f"{app_server.url}/budget?d={token}")
    page.get_by_role("table", name="Dépenses", exact=True).wait_for()
    tab_to(page, "N (€), ligne 1", tag="INPUT")
    page.keyboard.type("150 000")
    person.eventually_stored(
        lambda d: bool(d.budget.expenses) and d.budget.expenses[0].amounts_typed[0] == "150 000",
        "le montant tapé",
    )
    tab_to(page, "Ajouter une ligne", tag="BUTTON")
    page.keyboard.press("Enter")
    page.get_by_role("table", name="Dépenses", exact=True).get_by_label(
        "N (€), ligne 2", exact=True
    ).wait_for()
    tab_to(page, "Ajouter à la fin de la rubrique Financement", tag="BUTTON")
    with expect_run(page):
        page.keyboard.press("Enter")
    person.eventually_stored(
        lambda d: "150 000" in d.rubric_text("financement"), "le paragraphe inséré"
    )
