"""Placeholders: text that stands for content still to write, and ordinary French left alone."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.placeholders import read_rubric, read_text
from ptce_assist.progress import completion_refusal, rubric_progress
from tests.eligibility.conftest import complete, fake_measure

CALL = load_call()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "vide"),
        ("  \n ", "vide"),
        ("À compléter après la réunion du 12", "attente"),
        ("TODO", "attente"),
        ("todo : décrire les partenaires", "attente"),
        ("[à rédiger]", "attente"),
        ("xxx", "attente"),
        ("???", "attente"),
        ("…", "attente"),
        ("En cours de rédaction.", "attente"),
        ("Texte à venir.", "attente"),
        ("À venir", "attente"),
        ("Financement : à préciser", "attente"),
        ("Néant.", "attente"),
        ("Idem.", "attente"),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "attente"),
        ("Sed ut perspiciatis unde omnis iste natus error sit voluptatem.", "contenu"),
        ("Voir le budget prévisionnel en annexe.", "renvoi"),
        ("Cf. pièce jointe", "renvoi"),
        # ordinary French that holds the same words
        (
            "Le plan de financement reste à compléter avec la Région, qui a donné son accord "
            "de principe pour 20 000 € en 2025.",
            "contenu",
        ),
        ("Des activités à faire émerger dans la vallée.", "contenu"),
        ("Nous ouvrirons deux boutiques dans les années à venir.", "contenu"),
        ("Subvention de la Région : montant à préciser avec le service instructeur.", "contenu"),
        ("06 12 34 56 78", "contenu"),
        ("camille@val-solidaire.fr", "contenu"),
    ],
)
def test_read_text(text: str, kind: str) -> None:
    assert read_text(text).kind == kind


def test_a_rubric_that_repeats_its_title_is_empty() -> None:
    perimetre = CALL.rubric("perimetre")
    assert read_rubric(perimetre, perimetre.label).kind == "intitule"
    assert read_rubric(perimetre, "Périmètre (1/2 page maximum) :").kind == "intitule"
    assert read_rubric(perimetre, "Le périmètre : Die et Crest.").kind == "contenu"


def test_placeholders_inside_real_content_are_unfinished_not_missing() -> None:
    text = (
        "Le pôle réunit sept structures de la vallée de la Drôme autour du réemploi. "
        "Il créera XXX emplois d'ici 2027. [à compléter : les partenaires privés]"
    )
    reading = read_text(text)
    assert reading.kind == "contenu"
    assert reading.unfinished == (
        "Il créera XXX emplois d'ici 2027.",
        "[à compléter : les partenaires privés]",
    )


def test_a_ticked_placeholder_rubric_does_not_count_and_says_why() -> None:
    rubrics = dict(complete().rubrics) | {"financement": "À compléter après la réunion du 12"}
    dossier = complete(rubrics=rubrics, completed_rubrics=["financement", "objectifs"])
    financement = CALL.rubric("financement")
    assert rubric_progress(dossier, financement, fake_measure).state == "en_cours"
    assert "texte d'attente" in str(completion_refusal(dossier, financement, fake_measure))
    assert completion_refusal(dossier, CALL.rubric("objectifs"), fake_measure) is None
    assert completion_refusal(dossier, CALL.rubric("acteurs"), fake_measure) is None  # not ticked


def test_a_ticked_over_limit_rubric_says_why() -> None:
    text = "\n".join(f"Ligne {n}." for n in range(16))
    dossier = Dossier(rubrics={"gouvernance": text}, completed_rubrics=["gouvernance"])
    refusal = completion_refusal(dossier, CALL.rubric("gouvernance"), fake_measure)
    assert refusal is not None
    assert "16 lignes pour 15 permises" in refusal
