"""AppTest of the budget page: edits in the data editors, refused amounts, duration switch,
the paragraph inserted into the financement rubric."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from tests.apptest_support import app_with, new_store
from tests.budget.helpers import three_year_budget

PAGE = "app_pages/budget.py"


def _open(tmp_path: Path, dossier: Dossier | None = None) -> tuple[AppTest, DossierStore, str]:
    store = new_store(tmp_path)
    token, _ = store.create(dossier or Dossier())
    at = app_with(token)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at, store, token


def _edit(at: AppTest, section: str, **state: Any) -> None:
    key = f"budget:{section}:{at.session_state['budget:generation']}"
    at.session_state[key] = {
        "edited_rows": state.get("edited_rows", {}),
        "added_rows": state.get("added_rows", []),
        "deleted_rows": state.get("deleted_rows", []),
    }


def _budget(store: DossierStore, token: str) -> Any:
    stored = store.load(token)
    assert stored is not None
    return stored.dossier.budget


def test_empty_page_offers_one_row_per_heading_and_saves_nothing(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path)
    assert [e.editing_mode for e in at.data_editor] == ["dynamic", "dynamic"]
    assert list(at.data_editor[0].value["poste"])[:2] == ["Personnel", "Animation territoriale"]
    assert any("Budget à saisir" in m.value for m in at.markdown)
    assert _budget(store, token).is_empty()
    stored = store.load(token)
    assert stored is not None and stored.version == 1  # viewing wrote nothing


def test_typed_french_amounts_are_saved_and_checked(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path)
    _edit(at, "expenses", edited_rows={0: {"y0": "60 000", "y1": "1,5 k€", "y2": "70000 €"}})
    _edit(
        at,
        "resources",
        edited_rows={1: {"y0": "60\u202f000", "y1": "1 500", "y2": "10k"}},  # Région
        added_rows=[{"poste": "Entreprises partenaires", "precision": "Mécénat", "y2": "60 000"}],
    )
    at.run()
    assert not at.exception and not at.error
    budget = _budget(store, token)
    assert budget.expenses[0].category == "personnel"
    assert budget.expenses[0].amounts_cents == [6_000_000, 150_000, 7_000_000]
    assert [(r.category, r.amounts_cents) for r in budget.resources] == [
        ("region", [6_000_000, 150_000, 1_000_000]),
        ("entreprises", [0, 0, 6_000_000]),
    ]
    titles = [m.value for m in at.markdown if m.value.startswith(":material/")]
    assert any("Budget équilibré chaque année" in t for t in titles)
    assert any("Participation des collectivités" in t for t in titles)
    assert "Le budget prévisionnel du PTCE s'élève à 60 000 € en N" in at.text[0].value


def test_refused_amount_is_explained_and_nothing_is_saved(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    _edit(at, "expenses", edited_rows={0: {"y1": "1.000"}}, added_rows=[{"y0": "500"}])
    at.run()
    message = at.error[0].value
    assert "le budget n'est pas enregistré" in message
    assert "ligne 1 \\(Personnel\\), N\\+1" in message and "ambigu" in message
    assert "ligne 4 \\: choisissez un poste de dépense" in message
    assert _budget(store, token) == three_year_budget()
    _edit(at, "expenses", edited_rows={0: {"y1": "66 000"}})  # corrected
    at.run()
    assert not at.error
    assert _budget(store, token).expenses[0].amounts_cents == [6_000_000, 6_600_000, 7_000_000]


def test_switch_to_annual_asks_before_dropping_amounts(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    generation = at.session_state["budget:generation"]
    at.radio(key=f"budget:mode:{generation}").set_value("annuel").run()
    assert "retire les montants saisis pour N+1 et N+2" in at.warning[0].value
    assert _budget(store, token).mode == "trois_ans"
    at.button(key=f"budget:confirm:{generation}").click().run()
    budget = _budget(store, token)
    assert budget.mode == "annuel" and budget.expense_totals() == [10_000_000]
    assert list(at.data_editor[0].value.columns) == ["poste", "precision", "y0"]


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


def test_budget_changed_elsewhere_is_shown_not_overwritten(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    other = three_year_budget()
    other.expenses[0].amounts_cents = [1, 2, 3]
    store.set_field(
        token,
        "budget",
        other.model_dump(mode="json"),
        expected=three_year_budget().model_dump(mode="json"),
    )
    _edit(at, "expenses", edited_rows={1: {"y0": "99 999"}})
    at.run()
    assert "modifié ailleurs" in at.warning[0].value
    assert _budget(store, token) == other
    assert at.data_editor[0].value["y0"][0] == "0,01"


def test_calendar_year_renames_the_columns(tmp_path: Path) -> None:
    at, store, token = _open(tmp_path, Dossier(budget=three_year_budget()))
    generation = at.session_state["budget:generation"]
    at.number_input(key=f"budget:first_year:{generation}").set_value(2025).run()
    assert _budget(store, token).first_year == 2025
    assert "100 000 € en 2025" in at.text[0].value
    assert [b.label for b in at.get("download_button")] == [
        "Télécharger (CSV pour Excel)",
        "Télécharger (XLSX)",
    ]
