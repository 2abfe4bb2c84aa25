"""AppTest of the budget page: what it shows for a stored budget (amounts not understood
included), the duration switch, the first year, the paragraph inserted into the financement
rubric. What is typed in the tables is tested in a real browser (tests/browser/test_tables.py):
AppTest runs no JavaScript."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from ptce_assist.budget.model import Budget
from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from ptce_assist.ui.safe import md_escape
from tests.apptest_support import app_with, new_store
from tests.budget.helpers import three_year_budget

PAGE = "app_pages/budget.py"
MODE = "p:budget.mode#radio"
FIRST_YEAR = "p:budget.first_year#input"


def _open(tmp_path: Path, dossier: Dossier | None = None) -> tuple[AppTest, DossierStore, str]:
    store = new_store(tmp_path)
    token, _ = store.create(dossier or Dossier())
    at = app_with(token)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at, store, token


def _budget(store: DossierStore, token: str) -> Any:
    stored = store.load(token)
    assert stored is not None
    return stored.dossier.budget


def test_empty_page_saves_nothing(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path)
    assert any("Budget à saisir" in m.value for m in at.markdown)
    assert _budget(store, token).is_empty()
    stored = store.load(token)
    assert stored is not None and stored.version == 1  # viewing wrote nothing


def test_amount_not_understood_is_said_and_left_out(tmp_path: Path) -> None:
    budget = three_year_budget()
    budget.expenses[1] = budget.expenses[1].model_copy(
        update={
            "amounts_typed": ["20 000", "environ 22 000", "24 000"],
            "amounts_cents": [2_000_000, 0, 2_400_000],
        }
    )
    at, _, _ = _open(tmp_path, Dossier(budget=budget))
    assert not at.error
    place = "1 montant non compris : Dépenses, ligne 2, N+1 « environ 22 000 »."
    assert md_escape(f"Total hors {place}") in [w.value for w in at.warning]
    assert any("1 montant non compris" in m.value for m in at.markdown)
    assert md_escape(f"Paragraphe calculé hors {place}") in [c.value for c in at.caption]
    assert (
        "Le budget prévisionnel du PTCE prévoit des dépenses de 100 000 € en N, 83 000 €"
        in at.text[0].value
    )


def test_switch_to_annual_asks_before_dropping_amounts(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    at.radio(key=MODE).set_value("annuel").run()
    assert "retire les montants saisis pour N+1 et N+2" in at.warning[0].value
    assert _budget(store, token).mode == "trois_ans"
    at.button(key="budget:keep").click().run()
    assert at.radio(key=MODE).value == "trois_ans" and not at.warning
    at.radio(key=MODE).set_value("annuel").run()
    at.button(key="budget:confirm").click().run()
    budget = _budget(store, token)
    assert budget.mode == "annuel" and budget.expense_totals() == [10_000_000]
    assert all(len(line.amounts_cents) == 1 for line in budget.lines())
    assert at.radio(key=MODE).value == "annuel" and not at.warning


def test_switch_without_anything_to_drop_is_saved_at_once(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path)
    at.radio(key=MODE).set_value("annuel").run()
    assert not at.exception and not at.warning
    assert _budget(store, token).mode == "annuel"
    at.radio(key=MODE).set_value("trois_ans").run()
    assert _budget(store, token).mode == "trois_ans"


def test_paragraph_is_appended_then_replaces_with_confirmation(tmp_path: Path) -> None:
    dossier = Dossier(budget=three_year_budget(), rubrics={"financement": "Notre texte."})
    at, store, token = _open(tmp_path, dossier)
    paragraph = at.text[0].value
    at.button(key="budget:append").click().run()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.rubrics["financement"] == f"Notre texte.\n\n{paragraph}"
    assert "Paragraphe inséré" in at.success[0].value

    assert at.button(key="budget:replace").disabled
    at.checkbox(key="budget:sure").check().run()
    at.button(key="budget:replace").click().run()
    stored = store.load(token)
    assert stored is not None and stored.dossier.rubrics["financement"] == paragraph


def test_insertion_never_overwrites_a_change_made_meanwhile(tmp_path: Path) -> None:
    dossier = Dossier(budget=three_year_budget(), rubrics={"financement": "Version A."})
    at, store, token = _open(tmp_path, dossier)
    store.set_field(token, "rubrics.financement", "Version B.", expected="Version A.")
    at.button(key="budget:append").click().run()
    stored = store.load(token)
    assert stored is not None and stored.dossier.rubrics["financement"] == "Version B."
    assert "rien n'a été inséré" in at.warning[0].value


def test_first_year_changed_elsewhere_is_not_overwritten(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    store.set_field(token, "budget.first_year", 2024, expected=None)  # another tab
    at.number_input(key=FIRST_YEAR).set_value(2025).run()
    assert _budget(store, token).first_year == 2024
    assert any("modifiée ailleurs" in w.value for w in at.warning)
    assert at.number_input(key=FIRST_YEAR).value == 2024  # the stored year is shown


def test_calendar_year_renames_the_columns(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    at.number_input(key=FIRST_YEAR).set_value(2025).run()
    assert _budget(store, token).first_year == 2025
    assert "100 000 € en 2025" in at.text[0].value
    assert [b.label for b in at.get("download_button")] == [
        "Télécharger (CSV pour Excel)",
        "Télécharger (XLSX)",
    ]
    at.number_input(key=FIRST_YEAR).set_value(None).run()
    assert _budget(store, token).first_year is None
    assert isinstance(_budget(store, token), Budget)


def test_a_duration_nobody_chose_is_never_saved(tmp_path: Path) -> None:
    # CI, busy machine: a budget on 3 years was stored as annual while the person typed in the
    # tables, never touching the duration. The radio showed « annuel », its first option, and
    # the page took any difference from the stored duration for the person's choice. Here the
    # radio's value changes without the person (as a widget whose state Streamlit dropped):
    # the page shows the stored duration again and saves nothing.
    at, store, token = _open(tmp_path, Dossier(budget=Budget()))
    assert at.radio(key=MODE).value == "trois_ans"
    at.session_state[MODE] = "annuel"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert _budget(store, token).mode == "trois_ans"
    assert at.radio(key=MODE).value == "trois_ans"
    stored = store.load(token)
    assert stored is not None and stored.version == 1  # nothing written
    at.radio(key=MODE).set_value("annuel").run()  # the person's choice is still obeyed
    assert _budget(store, token).mode == "annuel"
