"""The five things a new user met importing real-looking drafts (issue 13), one test each,
plus the candidate's characters. Each failed on the importer before the issue was fixed."""

from __future__ import annotations

import pytest

from ptce_assist.docx_import import ImportResult, apply_import, import_docx
from ptce_assist.dossier import Dossier
from tests.docx import corpus
from tests.docx.corpus import LABELS, PERIMETRE, T
from tests.docx.corpus_builder import Run, W


def _visible(result: ImportResult) -> str:
    """Everything the candidate is shown: rubric texts and headings, identity, set aside."""
    parts = [*result.rubrics.values(), *result.headings.values(), *result.identity.values()]
    for leftover in result.leftovers:
        parts += [leftover.heading, leftover.text]
    return "\n".join(parts)


def _all_shown(result: ImportResult, typed: tuple[str, ...] | list[str]) -> None:
    shown = _visible(result)
    for text in typed:
        _, _, value = text.partition(" : ")
        assert text.strip().rstrip(" :") in shown or (value and value in shown), text


# --- 1. A paragraph silently lost --------------------------------------------------------------
def test_the_paragraph_after_a_bold_structure_porteuse_label_is_not_lost() -> None:
    draft = corpus.structure_porteuse_en_gras()
    result = import_docx(draft.data)
    assert result.rubrics["structure"].startswith("L'association La Fabrique, créée en 2012")
    assert result.identity["structure.name"] == "Association La Fabrique"
    _all_shown(result, draft.typed)


def test_a_second_value_for_an_identity_field_is_set_aside_not_dropped() -> None:
    w = W()
    w.p("Nom de la structure porteuse : La Fabrique")
    w.p("Structure porteuse : Association Les Amis de la Fabrique")
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    result = import_docx(w.bytes())
    assert result.identity["structure.name"] == "La Fabrique"
    assert [x.text for x in result.leftovers] == [
        "Structure porteuse : Association Les Amis de la Fabrique"
    ]
    _all_shown(result, w.typed)


# --- 2. Shortened headings missed, text merged into the rubric above ---------------------------
@pytest.mark.parametrize("shape", ["heading", "bold"])
@pytest.mark.parametrize(
    "title",
    [
        "Actions engagées",
        "2.7 Actions déjà engagées et perspectives",
        "VI - Actions engagées et envisagées",
    ],
)
def test_shortened_actions_headings_are_found(title: str, shape: str) -> None:
    w = W()
    w.h(LABELS["structure"], 1) if shape == "heading" else w.p("Structure porteuse", bold=True)
    w.p(T["structure"])
    w.h(PERIMETRE, 1) if shape == "heading" else w.p("Périmètre", bold=True)
    w.p(T["perimetre"])
    w.h(title, 1) if shape == "heading" else w.p(title, bold=True)
    w.p(T["actions"])
    w.h("Budget prévisionnel", 1) if shape == "heading" else w.p("Budget prévisionnel", bold=True)
    w.p(T["financement"])
    result = import_docx(w.bytes())
    assert result.rubrics == {
        "structure": T["structure"],
        "perimetre": T["perimetre"],  # not glued to the actions any more
        "actions": T["actions"],
        "financement": T["financement"],
    }


def test_a_heading_naming_no_rubric_is_a_boundary_and_can_be_sent_to_a_rubric() -> None:
    from ptce_assist.call import load_call
    from ptce_assist.docx_import import with_choices

    w = W()
    for rubric_id in ("structure", "perimetre"):
        w.p(LABELS[rubric_id], bold=True)
        w.p(T[rubric_id])
    w.p("Ce que nous avons déjà fait", bold=True)
    w.p(T["actions"])
    result = import_docx(w.bytes())
    assert result.rubrics["perimetre"] == T["perimetre"]
    (aside,) = result.leftovers
    assert (aside.heading, aside.text) == ("Ce que nous avons déjà fait", T["actions"])
    chosen = with_choices(result, {0: "actions"}, load_call())
    assert chosen.rubrics["actions"] == T["actions"]
    assert chosen.rubrics["perimetre"] == T["perimetre"]
    assert result.rubrics.get("actions") is None  # the reading itself is not changed


# --- 3. Lines that are not the answer ----------------------------------------------------------
def test_limits_sommaire_signature_and_internal_notes_are_not_kept_as_text() -> None:
    w = W()
    w.p("Sommaire", bold=True)
    toc = "Rubrique 10 – Perspectives de financement ........ 4"
    w.p(toc)
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    w.h(LABELS["acteurs"], 1)
    w.p("(2 pages maximum)")
    w.p(T["acteurs"])
    w.h(PERIMETRE, 1)
    w.p(T["perimetre"])
    note = "NB Julien : demander les chiffres de l'INSEE à la comcom"
    w.p(note, highlight=True)
    w.runs("La gare est en QPV.", Run(" À confirmer avec la mairie.", comment="Marie : source ?"))
    w.h(LABELS["gouvernance"], 1)
    w.p("(15 lignes maximum)")
    w.p(T["gouvernance"])
    w.h(LABELS["financement"], 1)
    w.p(T["financement"])
    w.p("Fait à La Châtre, le 2 septembre 2024")
    w.p("La présidente, Nathalie Chevrier")
    result = import_docx(w.bytes())
    assert result.rubrics == {
        "structure": T["structure"],
        "acteurs": T["acteurs"],
        "perimetre": T["perimetre"] + "\nLa gare est en QPV.",
        "gouvernance": T["gouvernance"],
        "financement": T["financement"],
    }
    aside = [(x.kind, x.text) for x in result.leftovers]
    assert aside == [
        ("sommaire", "Sommaire\n" + toc),
        ("modele", "(2 pages maximum)"),
        ("note", note),
        ("note", "À confirmer avec la mairie."),
        ("modele", "(15 lignes maximum)"),
        ("signature", "Fait à La Châtre, le 2 septembre 2024\nLa présidente, Nathalie Chevrier"),
    ]
    assert result.leftovers[3].comment == "Marie : source ?"
    assert any("note interne ?" in n for n in result.notes)
    assert any(n.startswith("Retiré du texte des rubriques") for n in result.notes)


# --- 4. A document that is not a dossier ---------------------------------------------------------
def test_meeting_minutes_are_not_taken_for_a_dossier() -> None:
    result = import_docx(corpus.compte_rendu_reunion().data)
    assert result.looks_like_dossier is False
    assert result.not_a_dossier.startswith(
        "Ce document ne ressemble pas à un dossier de candidature : 3 intitulés de rubrique "
        "seulement y ont été trouvés (« Gouvernance », « Périmètre », « Financement »)"
    )
    assert import_docx(corpus.titre1_modele_complet().data).looks_like_dossier is True


# --- 5. Identity written freely -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["Porteur du projet : Association Les Jardins", "Référente : Marie Lefèvre"],
            {"structure.name": "Association Les Jardins", "referent.name": "Marie Lefèvre"},
        ),
        (["Nom : ROUX", "Prénom : Camille"], {"referent.name": "ROUX Camille"}),
        (
            ["Contact : Fatou Diallo, chargée de projet – fatou@tisserands.org – 06 71 42 58 90"],
            {
                "referent.name": "Fatou Diallo",
                "referent.role": "chargée de projet",
                "referent.email": "fatou@tisserands.org",
                "referent.phone": "06 71 42 58 90",
            },
        ),
        (
            ["Personne référente : Nathalie Chevrier (gérante)"],
            {"referent.name": "Nathalie Chevrier", "referent.role": "gérante"},
        ),
    ],
)
def test_identity_written_freely(lines: list[str], expected: dict[str, str]) -> None:
    w = W()
    for line in lines:
        w.p(line)
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    assert import_docx(w.bytes()).identity == expected


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Région Sud – Provence-Alpes-Côte d'Azur", "93"),
        ("Occitanie / Pyrénées-Méditerranée", "76"),
        ("Ile de France", "11"),
        ("Auvergne Rhone Alpes", "84"),
        ("PACA", "93"),
        ("Region Bretagne", "53"),
    ],
)
def test_regions_as_written(written: str, code: str) -> None:
    w = W()
    w.p(f"Région : {written}")
    w.h(LABELS["structure"], 1)
    w.p(T["structure"])
    assert apply_import(Dossier(), import_docx(w.bytes())).project.region == code


# --- The candidate's characters --------------------------------------------------------------
def test_typed_bullets_and_no_break_spaces_are_kept_as_typed() -> None:
    draft = corpus.espaces_insecables_et_puces_tapees()
    result = import_docx(draft.data)
    assert result.rubrics["gouvernance"].split("\n") == [
        "Nos principes\u00a0: une personne = une voix\u202f; «\u00a0rien sans nous\u00a0»\u202f!",
        "•\tcollège des salariés",
        "• collège des usagers",
        "M.\u00a0Dupont préside le comité.",
    ]
