"""Import of Word drafts formatted in many ways: each text lands in its rubric."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.docx_import import ImportResult, apply_import, import_docx
from ptce_assist.dossier import Dossier
from tests.docx import drafts
from tests.docx.drafts import TEXTS

ALL_RUBRICS = list(TEXTS)
MODELE = "Ligne du modèle (phrase de l'appel, limite recopiée, texte à compléter)"
CONCISION = load_call().concision_quote


def _import(name: str) -> ImportResult:
    return import_docx(drafts.DRAFTS[name]())


def test_word_heading_styles_with_exact_labels_and_limits() -> None:
    result = _import("heading_styles")
    assert result.rubrics == TEXTS
    assert result.identity == {
        "project.name": "Recyclerie du Val",
        "project.region": "Auvergne-Rhône-Alpes",
        "structure.name": "Val Solidaire",
        "structure.address": "12 rue des Lilas, 26100 Romans-sur-Isère",
        "structure.legal_form": "SCIC",
        "referent.name": "Martin Camille",
        "referent.role": "Coordinatrice",
        "referent.email": "camille@val-solidaire.fr",
        "referent.phone": "06 12 34 56 78",
    }
    # the template's title is not an answer: set aside, never silently dropped
    assert [(x.kind, x.text) for x in result.leftovers] == [
        ("modele", "Dossier de candidature AMI")
    ]
    assert result.headings["gouvernance"] == (
        "Mode de gouvernance en place ou en perspective pour le (futur) pôle (15 lignes maximum)"
    )


def test_bold_paragraphs_other_case_shortened_labels() -> None:
    result = _import("bold_labels")
    assert result.rubrics == {
        "structure": TEXTS["structure"],
        "objectifs": TEXTS["objectifs"],
        "gouvernance": TEXTS["gouvernance"],
        "financement": TEXTS["financement"],
    }
    assert result.identity == {
        "project.name": "Le Damier",
        "project.region": "Occitanie",
        "structure.name": "Association Le Damier",
        "structure.legal_form": "Association loi 1901",
        "referent.name": "Durand Léa",
        "referent.email": "lea@ledamier.org",
    }


def test_identity_table_and_headings_inside_table_cells() -> None:
    result = _import("tables")
    assert result.identity == {
        "structure.name": "Solilab",
        "structure.address": "8 rue Saint-Domingue\n44200 Nantes",
        "structure.legal_form": "SCIC",
        "referent.name": "Bernard Hugo",
        "referent.phone": "06 98 76 54 32",
    }
    assert result.rubrics == {
        "structure": TEXTS["structure"],
        "perimetre": TEXTS["perimetre"],
        "actions": TEXTS["actions"],
        "gouvernance": "Premier paragraphe.\nSecond paragraphe.",
    }


def test_numbered_titles_without_accents_and_odd_limits() -> None:
    result = _import("numbered_titles")
    assert result.rubrics == {
        rid: TEXTS[rid]
        for rid in ("structure", "objectifs", "gouvernance", "perimetre", "plan_action")
    }


def test_missing_rubrics_are_listed_and_kept_in_the_dossier() -> None:
    result = _import("missing_rubrics")
    assert set(result.rubrics) == {"structure", "acteurs", "financement"}
    absent = next(n for n in result.notes if n.startswith("Rubriques introuvables"))
    for name in ("Objectifs et vision", "Gouvernance", "Périmètre", "Mise en réseau"):
        assert f"« {name} »" in absent
    before = Dossier(rubrics={"gouvernance": "Texte déjà écrit.", "structure": "Ancien."})
    after = apply_import(before, result)
    assert after.rubrics["gouvernance"] == "Texte déjà écrit."
    assert after.rubrics["structure"] == TEXTS["structure"]
    assert before.rubrics["structure"] == "Ancien."  # the original is not modified


def test_extra_sections_are_left_over_not_glued_to_a_rubric() -> None:
    result = _import("extra_sections")
    assert result.rubrics == {
        "structure": TEXTS["structure"],
        # a level-2 heading under a rubric is part of the rubric
        "gouvernance": TEXTS["gouvernance"] + "\nNos instances\nAssemblée générale annuelle.",
        "financement": TEXTS["financement"],
    }
    assert [(x.context, x.text) for x in result.leftovers] == [
        (
            "Section « Contexte et historique du projet »",
            "Tout a commencé par un repair café en 2012.",
        ),
        ("Section « ANNEXE 2 – Statuts de la SCIC »", "Article 1 : forme."),
    ]


def test_rubric_split_over_paragraphs_lists_breaks_table_and_a_second_part() -> None:
    result = _import("split_rubric")
    assert result.rubrics["acteurs"] == (
        "Premier paragraphe sur les acteurs.\n"
        "\n"
        "Deuxième paragraphe,\n"
        "suite après un retour à la ligne.\n"
        "- Entreprises de l'ESS\n"
        "- Collectivités\n"
        "1. Commune de Die\n"
        "2. Communauté de communes\n"
        "Collège | Voix\n"
        "Salariés | 30 %\n"
        "\n"
        "Troisième paragraphe, après la gouvernance."
    )
    assert result.rubrics["gouvernance"] == TEXTS["gouvernance"]
    assert any("plusieurs fois" in n for n in result.notes)
    assert any("tableau" in n for n in result.notes)


def test_text_before_the_first_heading_is_left_over_and_template_sentences_set_aside() -> None:
    result = _import("text_before_first_heading")
    assert result.rubrics == {"structure": TEXTS["structure"]}
    assert [(x.kind, x.context, x.text) for x in result.leftovers] == [
        ("modele", MODELE, "Annexe 1 : Dossier de candidature AMI\n" + CONCISION),
        (
            "section",
            "Avant la première rubrique",
            "Brouillon v3 – relu par le CA le 12 mars.\nÀ compléter : chiffres 2023.",
        ),
        ("modele", MODELE, "Aucune annexe complémentaire n'est attendue pour les candidats"),
    ]


def test_the_calls_own_template_with_italic_headings_and_values_below_labels() -> None:
    result = _import("template_italics")
    assert result.identity == {
        "project.name": "Auton'Homme",
        "project.region": "Grand Est",
        "structure.name": "Auton'Homme",
        "structure.legal_form": "Association de droit local",
        "referent.name": "Petit Jeanne",
        "referent.email": "jeanne@autonhomme.fr",
    }
    assert result.rubrics == {
        rid: TEXTS[rid] for rid in ("structure", "objectifs", "perimetre", "financement")
    }


def test_bold_heading_at_the_start_of_the_text_paragraph() -> None:
    result = _import("heading_and_text_inline")
    assert result.rubrics == {
        "gouvernance": TEXTS["gouvernance"],
        # "Mise en réseau :" in plain text is the candidate's sentence, not a heading
        "perimetre": TEXTS["perimetre"] + "\nMise en réseau : " + TEXTS["mise_en_reseau"],
    }


def test_content_controls_tracked_changes_hyperlinks_page_breaks() -> None:
    result = _import("word_markup")
    assert result.rubrics == {
        "structure": "La SCIC Val Solidaire (voir valsolidaire.fr).",
        "gouvernance": TEXTS["gouvernance"],
    }


def test_apply_import_converts_region_and_legal_form() -> None:
    after = apply_import(Dossier(), _import("heading_styles"))
    assert after.project.region == "84"
    assert after.structure.legal_form == "scic"
    assert after.referent.phone == "06 12 34 56 78"
    assert after.rubrics == TEXTS


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Association loi 1901", "association_1901"),
        ("Association de droit local", "association_droit_local"),
        ("SCOP SA", "scop"),
        ("Société coopérative d'intérêt collectif", "scic"),
        ("SAS", "sas"),
        ("SARL", "sarl"),
        ("Fonds de dotation", "fonds_dotation"),
    ],
)
def test_legal_forms_as_candidates_write_them(written: str, expected: str) -> None:
    result = ImportResult({"structure.legal_form": written}, {}, {}, (), ())
    assert apply_import(Dossier(), result).structure.legal_form == expected


def test_unknown_region_and_legal_form_leave_the_dossier_unchanged_with_a_note() -> None:
    from ptce_assist.call import load_call
    from ptce_assist.docx_import.apply import resolve_identity

    raw = {"project.region": "Atlantide", "structure.legal_form": "GIE"}
    values, notes = resolve_identity(raw, load_call())
    assert values == {}
    assert notes == [
        "Région « Atlantide » non reconnue : choisissez-la dans la page Identité.",
        "Forme juridique « GIE » non reconnue : choisissez-la dans la page Identité.",
    ]
    before = Dossier.model_validate({"project": {"region": "76"}})
    after = apply_import(before, ImportResult(raw, {}, {}, (), ()))
    assert after.project.region == "76"


def test_at_least_eight_draft_formats() -> None:
    assert len(drafts.DRAFTS) >= 8
