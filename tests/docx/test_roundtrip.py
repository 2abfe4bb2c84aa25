"""Export then import gives back the dossier: identity and every rubric text.

The export writes `prepare_text(text)` (French no-break spaces, "•" bullets, ’). The import
turns that back into typed text. For text typed in the plain form below (ordinary spaces
around French punctuation, "- " bullets, ’) the round trip is exact; for any text, the
re-imported text exports to the very same body text (same lines, same line count).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ptce_assist.docx_export import build_docx
from ptce_assist.docx_import import apply_import, import_docx
from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import PRESETS
from ptce_assist.layout.typography import prepare_text
from ptce_assist.plaintext import DOCUMENT_TITLE

TYPOGRAPHY = {
    "structure": (
        "La SCIC « Val Solidaire » : 40 sociétaires ; 12 salariés !\n"
        "Chiffre d’affaires 2023 : 1 250 000 € (dont 35 % de ventes).\n"
        "Pourquoi coopérer ? Parce qu’ensemble on va plus loin…"
    ),
    "objectifs": (
        "Nos objectifs :\n"
        "- créer 12 emplois d’ici 2027 ;\n"
        "- valoriser 300 tonnes de déchets par an ;\n"
        "- former 50 personnes !\n"
        "\n"
        "Vision : devenir le pôle de référence du réemploi en Drôme-Ardèche."
    ),
    "acteurs": (
        "Acteurs de l’ESS : Recyclerie du Val, Repair’Café, Les Ateliers du Rond-Point.\n"
        "Entreprises : Menuiserie Dupont (SARL), Transports Martin.\n"
        "\n"
        "\n"
        "Collectivités : Communauté de communes du Val de Drôme (29 communes).\n"
        "Recherche : Université Grenoble Alpes – laboratoire PACTE.\n"
        "Voir https://www.val-solidaire.fr/acteurs?page=2 et contact@val-solidaire.fr."
    ),
    "gouvernance": (
        "Trois collèges (salariés, usagers, partenaires) : une personne = une voix.\n"
        "Le conseil se réunit à 18:30 chaque 1er mardi ; « rien sans nous » est la règle !"
    ),
    "perimetre": "Périmètre : 29 communes, 54 000 habitants, dont 2 QPV et 11 communes FRR.",
    "actions": "- 2023 : ouverture de la recyclerie\n- 2024 : atelier vélo\n- 2025 : tiers-lieu",
    "financement": (
        "Dépenses : 180 000 € par an ; recettes propres : 72 000 € (40 %).\n"
        "Subventions : État 50 000 €, Région 30 000 €, Département 28 000 €."
    ),
}


def typographic_dossier() -> Dossier:
    return Dossier.model_validate(
        {
            "project": {"name": "Pôle « Val » d’Économie Solidaire", "region": "84"},
            "structure": {
                "name": "Val Solidaire",
                "address": "12 rue des Lilas\n26100 Romans-sur-Isère",
                "legal_form": "scic",
            },
            "referent": {
                "name": "Camille Martin-Lefèvre",
                "role": "Coordinatrice : animation",
                "email": "camille@val-solidaire.fr",
                "phone": "06 12 34 56 78",
            },
            "rubrics": TYPOGRAPHY,
        }
    )


@pytest.mark.parametrize("preset_id", sorted(PRESETS))
def test_exact_round_trip_of_typed_french_text(preset_id: str) -> None:
    original = typographic_dossier()
    result = import_docx(build_docx(original, layout=preset_id))
    assert result.rubrics == TYPOGRAPHY
    # only the document's title is set aside: it is the template's, not an answer
    assert [(x.kind, x.text) for x in result.leftovers] == [("modele", DOCUMENT_TITLE)]
    back = apply_import(Dossier(), result)
    assert back.project == original.project
    assert back.structure.model_dump(include={"name", "address", "legal_form"}) == {
        "name": "Val Solidaire",
        "address": "12 rue des Lilas\n26100 Romans-sur-Isère",
        "legal_form": "scic",
    }
    assert back.referent == original.referent


def test_text_typed_loosely_comes_back_in_its_plain_form() -> None:
    typed = "Budget: 100000 €  ; l'équipe dit «oui»!\n* premier point\n• second point\n– troisième"
    result = import_docx(build_docx(Dossier(rubrics={"gouvernance": typed})))
    assert result.rubrics["gouvernance"] == (
        "Budget : 100000 € ; l’équipe dit « oui » !\n- premier point\n- second point\n- troisième"
    )


def test_a_no_break_space_the_typography_would_not_add_is_kept() -> None:
    typed = "M.\u00a0Dupont et Mme\u00a0Durand : co-présidents."
    result = import_docx(build_docx(Dossier(rubrics={"gouvernance": typed})))
    assert result.rubrics["gouvernance"] == typed


def test_a_dash_before_a_closing_guillemet_comes_back_as_typed_not_as_a_bullet() -> None:
    # The export renders "-»" as "-\u00a0»"; rendered again, that line would be a bullet.
    typed = "Publics visés :\n-»\n- insertion"
    result = import_docx(build_docx(Dossier(rubrics={"acteurs": typed})))
    assert result.rubrics["acteurs"] == "Publics visés :\n-»\n- insertion"


def test_budget_annex_is_not_taken_for_the_financing_text() -> None:
    from ptce_assist.budget.model import Budget

    budget = Budget.model_validate(
        {"mode": "annuel", "expenses": [{"label": "Coordination", "amounts_cents": [4_000_000]}]}
    )
    assert not budget.is_empty()
    dossier = typographic_dossier().model_copy(update={"budget": budget})
    result = import_docx(build_docx(dossier))
    assert result.rubrics["financement"] == TYPOGRAPHY["financement"]
    (annex,) = [x for x in result.leftovers if x.kind == "section"]
    assert annex.context.startswith("Section « Annexe : budget prévisionnel")
    # a table set aside is read row by row, like a table inside a rubric
    assert "Total des dépenses | 40\u202f000\u00a0€" in annex.text.split("\n")


_ALPHABET = st.sampled_from(
    [
        *"abcdeéèêàçôœ ABCÉ0123456789,.;:!?'’«»()-–—€%/@\u00a0\u202f\t",
        *["\n", "\n", " ", " ", "- ", "• ", "100 000", "l'", "https://x.fr/a:b", "?!"],
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(text="-»")  # renders "-\u00a0»": the dash is typed, not a bullet (found by CI)
@given(text=st.lists(_ALPHABET, min_size=1, max_size=120).map("".join))
def test_any_text_re_exports_to_the_same_body_text(text: str) -> None:
    original = Dossier(rubrics={"acteurs": text})
    result = import_docx(build_docx(original))
    expected = prepare_text(text).strip("\n")  # blank lines at both ends are not kept
    expected_lines = expected.split("\n")
    # blank lines at both ends of a rubric are dropped on import (they are only spacing)
    while expected_lines and not expected_lines[0].strip():
        expected_lines.pop(0)
    while expected_lines and not expected_lines[-1].strip():
        expected_lines.pop()
    expected = "\n".join(expected_lines)
    if not expected.strip():
        assert "acteurs" not in result.rubrics
        return
    assert prepare_text(result.rubrics["acteurs"]) == expected
