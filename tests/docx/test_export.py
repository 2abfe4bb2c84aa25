"""The exported DOCX, read back with python-docx: Annexe 1's order and wording, body text
written exactly as the layout engine measured it, properties, warnings, file names."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
import pytest
from lxml import etree

from ptce_assist.docx_export import (
    UnknownLayout,
    build_docx,
    docx_filename,
    export_warnings,
)
from ptce_assist.dossier import Dossier
from ptce_assist.layout.docx_body import apply_preset
from ptce_assist.layout.typography import prepare_text
from tests.docx.test_roundtrip import TYPOGRAPHY, typographic_dossier

# Annexe 1's headings, copied from the call (shared/reference/ami-ptce-2024-...md).
HEADINGS = {
    "structure": "Description de la structure porteuse du projet (1 page maximum)",
    "objectifs": (
        "Description des objectifs (en termes de développement d'activité, de création "
        "d'emplois, d'innovation sociale ou de recherche d'utilité sociale, de valorisation "
        "des ressources locales et de l'implication des acteurs du territoire) et de la vision "
        "stratégique du (futur) PTCE (1 page maximum)"
    ),
    "acteurs": (
        "Identification et description sommaire des différents acteurs d'ores et déjà "
        "impliqués dans la dynamique collective ou, le cas échéant, susceptibles d'y être "
        "impliqués (2 pages maximum)"
    ),
    "gouvernance": (
        "Mode de gouvernance en place ou en perspective pour le (futur) pôle (15 lignes maximum)"
    ),
    "perimetre": (
        "Description du périmètre géographique du (futur) PTCE et de son ancrage territorial "
        "intégrant notamment les territoires fragiles (1/2 page maximum)"
    ),
    "actions": (
        "Le cas échéant, description sommaire des actions déjà entamées par le PTCE au moment "
        "du dépôt du dossier ou envisagées à court, moyen et long terme (1 page maximum)"
    ),
    "plan_action": (
        "OPTIONNEL en fonction de la maturité du projet : Plan d'action prévisionnel sur 3 ans "
        "(1 page maximum)"
    ),
    "implication_membres": (
        "OPTIONNEL en fonction de la maturité du projet : Description de l'implication des "
        "différentes catégories de membres du (futur) PTCE (1 page maximum)"
    ),
    "mise_en_reseau": (
        "OPTIONNEL en fonction de la maturité du projet : perspectives de mise en réseau avec "
        "les autres dispositifs et l'articulation avec les politiques publiques nationales et "
        "locales (1 page maximum)"
    ),
    "financement": (
        "Perspectives attendues de financement prévisionnel du (futur) PTCE (simplifié et en "
        "« grandes masse ») en terme de dépenses comme de recettes (1 page maximum – "
        "Possibilité d'ajouter un budget en annexe (budget annuel type ou budget sur 3 ans au "
        "choix du déposant)"
    ),
}
ORDER = list(HEADINGS)


def _open(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _headings(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def _bodies(document: Any) -> dict[str, list[Any]]:
    """Paragraphs under each rubric heading (until the next heading), by rubric id."""
    by_text = {text: rid for rid, text in HEADINGS.items()}
    out: dict[str, list[Any]] = {}
    current: str | None = None
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1":
            current = by_text[paragraph.text]
            out[current] = []
        elif current is not None:
            out[current].append(paragraph)
    return out


def full() -> Dossier:
    rubrics = dict(TYPOGRAPHY)
    rubrics.update(
        plan_action="Année 1 : diagnostic.",
        implication_membres="Chaque collège désigne ses représentants.",
        mise_en_reseau="Réseau des ressourceries.",
    )
    return typographic_dossier().model_copy(update={"rubrics": rubrics})


def test_headings_are_the_calls_exact_labels_in_annex_order() -> None:
    assert _headings(_open(build_docx(full()))) == [HEADINGS[r] for r in ORDER]


def test_empty_optional_rubrics_left_out_empty_mandatory_ones_marked() -> None:
    dossier = Dossier(rubrics={"structure": "Texte.", "plan_action": "   \n "})
    document = _open(build_docx(dossier))
    assert _headings(document) == [
        HEADINGS[r]
        for r in ("structure", "objectifs", "acteurs", "gouvernance", "perimetre", "financement")
    ]
    bodies = _bodies(document)
    for rubric_id in ("objectifs", "acteurs", "gouvernance", "perimetre", "financement"):
        (marker,) = bodies[rubric_id]
        assert marker.text == "[Rubrique obligatoire non renseignée]"
        assert marker.style.name == "PTCE Rubrique manquante"
    assert [p.text for p in bodies["structure"]] == ["Texte."]


def test_body_paragraphs_are_exactly_the_measured_text_in_normal_style() -> None:
    document = _open(build_docx(full()))
    bodies = _bodies(document)
    for rubric_id, text in TYPOGRAPHY.items():
        paragraphs = bodies[rubric_id]
        assert [p.text for p in paragraphs] == prepare_text(text).split("\n")
        for paragraph in paragraphs:
            assert paragraph.style.name == "Normal"
            assert paragraph._p.pPr is None  # no direct paragraph formatting
            assert all(run._r.rPr is None for run in paragraph.runs)  # nor run formatting
    bullets = [p.text for p in bodies["actions"]]
    assert bullets == [
        "•\u00a02023\u00a0: ouverture de la recyclerie",
        "•\u00a02024\u00a0: atelier vélo",
        "•\u00a02025\u00a0: tiers-lieu",
    ]


@pytest.mark.parametrize("preset_id", ["arial11", "calibri11", "times12"])
def test_normal_style_and_page_are_the_presets_untouched_by_headings(preset_id: str) -> None:
    reference = docx.Document()
    apply_preset(reference, preset_id)
    exported = _open(build_docx(full(), layout=preset_id))

    def normal_xml(document: Any) -> bytes:
        return etree.tostring(document.styles["Normal"].element, method="c14n")

    def defaults_xml(document: Any) -> bytes:
        node = document.styles.element.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults"
        )
        return etree.tostring(node, method="c14n")

    assert normal_xml(exported) == normal_xml(reference)
    assert defaults_xml(exported) == defaults_xml(reference)
    (section,) = exported.sections
    (ref,) = reference.sections
    for attr in (
        "page_width",
        "page_height",
        "left_margin",
        "right_margin",
        "top_margin",
        "bottom_margin",
    ):
        assert getattr(section, attr) == getattr(ref, attr)
    for name in ("Heading 1", "Title", "PTCE Identité", "PTCE Rubrique manquante"):
        assert exported.styles[name].style_id != "Normal"


def test_title_project_region_and_identity_table() -> None:
    document = _open(build_docx(full()))
    texts = [p.text for p in document.paragraphs[:3]]
    assert texts == [
        "Dossier de candidature AMI PTCE",
        "Nom du projet : Pôle « Val » d’Économie Solidaire",
        "Région : Auvergne-Rhône-Alpes",
    ]
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Structure porteuse du dossier", "Structure porteuse du dossier"],
        ["Nom de la structure porteuse", "Val Solidaire"],
        ["Adresse", "12 rue des Lilas\n26100 Romans-sur-Isère"],
        ["Forme juridique", "SCIC (société coopérative d'intérêt collectif)"],
        ["Personne référente du dossier", "Personne référente du dossier"],
        ["Nom / Prénom", "Camille Martin-Lefèvre"],
        ["Fonction au sein de la structure porteuse", "Coordinatrice : animation"],
        ["Mail", "camille@val-solidaire.fr"],
        ["Téléphone portable", "06 12 34 56 78"],
    ]


def test_core_properties() -> None:
    when = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)
    props = _open(build_docx(full(), created=when)).core_properties
    assert props.title == "Dossier de candidature AMI PTCE — Pôle « Val » d’Économie Solidaire"
    assert props.author == "Camille Martin-Lefèvre"
    assert props.created == when
    assert props.modified == when
    assert props.language == "fr-FR"


def test_created_defaults_to_now() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    created = _open(build_docx(Dossier())).core_properties.created
    assert before <= created <= dt.datetime.now(dt.UTC)


def test_layout_argument_overrides_and_unknown_layout_is_refused() -> None:
    section = _open(build_docx(Dossier(), layout="times12")).sections[0]
    assert round(section.left_margin.cm, 2) == 2.5
    with pytest.raises(UnknownLayout, match="Mise en page inconnue : « a4 »"):
        build_docx(Dossier(), layout="a4")


def test_unknown_stored_layout_falls_back_to_the_default_with_a_warning() -> None:
    dossier = Dossier(layout="vieux")
    section = _open(build_docx(dossier)).sections[0]
    assert round(section.left_margin.cm, 2) == 2.0
    assert export_warnings(dossier)[0].startswith("La mise en page « vieux » est inconnue")


def test_warnings_missing_identity_missing_rubrics_over_limit_odd_characters() -> None:
    dossier = full().model_copy(
        update={
            "rubrics": {**full().rubrics, "gouvernance": "ligne\n" * 19 + "fin 🙂", "perimetre": ""}
        }
    )
    dossier.referent.email = ""
    warnings = export_warnings(dossier)
    assert warnings == [
        "Identité incomplète : « Mail » (ces cases resteront vides dans le document).",
        "La rubrique « Gouvernance » dépasse sa limite (15 lignes maximum) : 20 lignes pour 15 "
        "en Arial 11, marges 2 cm.",
        "La rubrique « Gouvernance » contient des caractères que la police ne dessine pas (🙂) : "
        "le nombre de lignes du document peut différer du compteur.",
        "La rubrique « Périmètre » est obligatoire mais vide : le document l'indique par "
        "« [Rubrique obligatoire non renseignée] ». Tout dossier incomplet ne sera pas recevable.",
    ]
    assert export_warnings(full()) == []


def test_budget_annex_only_with_a_budget() -> None:
    from ptce_assist.budget.model import Budget

    without = [p.text for p in _open(build_docx(full())).paragraphs]
    assert not any(t.startswith("Annexe") for t in without)
    budget = Budget.model_validate(
        {"mode": "annuel", "resources": [{"label": "État", "amounts_cents": [5_000_000]}]}
    )
    document = _open(build_docx(full().model_copy(update={"budget": budget})))
    assert any(p.text.startswith("Annexe : budget prévisionnel") for p in document.paragraphs)
    assert len(document.tables) == 2


def test_warnings_mention_budget_amounts_not_understood() -> None:
    from ptce_assist.budget.model import Budget

    budget = Budget.model_validate(
        {"expenses": [{"category": "personnel", "amounts_typed": ["45 000", "environ 5000"]}]}
    )
    warnings = export_warnings(full().model_copy(update={"budget": budget}))
    assert warnings == [
        "Budget : 1 montant non compris (Dépenses, ligne 1, N+1 « environ 5000 ») : les totaux "
        "de l'annexe budgétaire ne le comptent pas. Corrigez-le dans la page « Budget "
        "prévisionnel »."
    ]
    nothing = Budget.model_validate(
        {
            "expenses": [
                {"category": "personnel", "amounts_typed": ["à définir"]},
                {"category": "animation", "amounts_typed": ["environ 10 000"]},
            ]
        }
    )
    (warning,) = export_warnings(full().model_copy(update={"budget": nothing}))
    assert warning.startswith("Budget : 2 montants non compris (Dépenses, ligne 1, N « à définir")
    assert "l'annexe budgétaire n'est pas jointe (aucun montant compris). Corrigez-les" in warning


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pôle Sud / Archer", "Pole-Sud-Archer-dossier-AMI-PTCE.docx"),
        ("../../etc/passwd", "etc-passwd-dossier-AMI-PTCE.docx"),
        ("Réuniverre : « verre » & co\\bin", "Reuniverre-verre-co-bin-dossier-AMI-PTCE.docx"),
        ("", "dossier-AMI-PTCE.docx"),
        ("🙂🙂", "dossier-AMI-PTCE.docx"),
        ("CON", "CON-dossier-AMI-PTCE.docx"),
    ],
)
def test_safe_file_names(name: str, expected: str) -> None:
    dossier = Dossier.model_validate({"project": {"name": name}})
    assert docx_filename(dossier) == expected
    assert docx_filename(dossier, ".txt") == expected.removesuffix(".docx") + ".txt"


def test_identity_values_with_empty_lines_export() -> None:
    """A carriage return alone in an identity field (found by fuzzing: IndexError)."""
    dossier = full().model_copy(
        update={"referent": full().referent.model_copy(update={"name": "\r"})}
    )
    document = _open(build_docx(dossier))
    assert document.tables  # the identity table is there
