"""The budget annex appended to a python-docx document."""

from __future__ import annotations

import io

import docx

from ptce_assist.budget.docx_annex import add_budget_annex
from ptce_assist.budget.model import Budget
from tests.budget.helpers import plain, three_year_budget


def test_annex_table_in_grandes_masses() -> None:
    document = docx.Document()
    document.add_paragraph("Corps du dossier")
    add_budget_annex(document, three_year_budget())
    reopened = docx.Document(io.BytesIO(_save(document)))
    assert reopened.paragraphs[-1].text == "Annexe : budget prévisionnel (budget sur 3 ans)"
    table = reopened.tables[0]
    rows = [[plain(cell.text) for cell in row.cells] for row in table.rows]
    assert rows[0] == ["", "N", "N+1", "N+2"]
    assert rows[1][0] == "Dépenses"
    assert rows[2] == ["Personnel", "60 000 €", "65 000 €", "70 000 €"]
    assert ["Total des dépenses", "100 000 €", "105 000 €", "110 000 €"] in rows
    state = "État – AMI pour financer le développement des PTCE"
    assert [state, "50 000 €", "50 000 €", "0 €"] in rows
    assert rows[-1] == ["Total des ressources", "100 000 €", "105 000 €", "110 000 €"]


def test_empty_budget_adds_nothing() -> None:
    document = docx.Document()
    add_budget_annex(document, Budget())
    assert not document.tables and not document.paragraphs


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_annex_says_which_amounts_its_totals_leave_out() -> None:
    budget = three_year_budget()
    budget.resources[1] = budget.resources[1].model_copy(
        update={
            "amounts_typed": ["20 000", "à définir", "30 000"],
            "amounts_cents": [2_000_000, 0, 3_000_000],
        }
    )
    document = docx.Document()
    add_budget_annex(document, budget)
    reopened = docx.Document(io.BytesIO(_save(document)))
    assert reopened.paragraphs[-1].text == (
        "Total hors 1 montant non compris : Ressources, ligne 2, N+1 « à définir »."
    )
    rows = [[plain(cell.text) for cell in row.cells] for row in reopened.tables[0].rows]
    assert ["Région", "20 000 €", "0 €", "30 000 €"] in rows
    assert rows[-1] == ["Total des ressources", "100 000 €", "85 000 €", "110 000 €"]
