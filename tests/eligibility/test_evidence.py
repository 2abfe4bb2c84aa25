"""Evidence detectors on realistic French passages: what they must find, and must not."""

from __future__ import annotations

import pytest

from ptce_assist.eligibility.evidence import DETECTORS, find

JOBS_POSITIVE = [
    "D'ici 2027, le pôle prévoit la création de 12 emplois dans la collecte et le tri.",
    "Nous visons douze nouveaux emplois en trois ans, dont la moitié en insertion.",
    "L'équipe compte aujourd'hui 3,5 ETP, financés par la vente et les subventions.",
    "Vingt-cinq postes en parcours d'insertion seront consolidés grâce à la mutualisation.",
    "Le chantier permettra de maintenir une quinzaine d'emplois durables sur le territoire.",
    "Depuis 2019, nos 6 salariés accueillent 400 usagers par an.",
    "À terme, 1 200 emplois indirects sont concernés par la filière bois.",
    "Le poste de coordination représente 0,5 équivalent temps plein en année 1.",
    "L'objectif est de passer de 2 à 5 ETP en 2026.",
]
JOBS_NEGATIVE = [
    "Le pôle veut favoriser l'accès à un emploi durable pour les habitants du quartier.",
    "En 2024 les emplois du secteur ont reculé selon l'INSEE.",
    "Partenaires : France Travail (ex-Pôle emploi), la mission locale et le PLIE.",
    "Le nombre d'ETP reste à définir avec les membres.",
    "Nous achèterons 2 postes informatiques reconditionnés pour l'accueil.",
    "Trois axes : emploi, formation, mobilité.",
    "Il faudra 3 ans pour créer des emplois stables.",
    "L'emploi des jeunes est un enjeu majeur du bassin de vie.",
]


@pytest.mark.parametrize("text", JOBS_POSITIVE)
def test_jobs_found(text: str) -> None:
    found = find("jobs_number", text)
    assert found, text
    assert found[0] in text or found[0].strip("…") in text  # excerpt of the text as typed


@pytest.mark.parametrize("text", JOBS_NEGATIVE)
def test_jobs_not_found(text: str) -> None:
    assert find("jobs_number", text) == []


INDICATORS_POSITIVE = [
    "Indicateurs de suivi : nombre de tonnes détournées de l'enfouissement, nombre de bénévoles.",
    "Un tableau de bord trimestriel sera présenté au comité de pilotage.",
    "Le taux de sortie positive des salariés en insertion sera suivi chaque année.",
    "Chaque action a une valeur cible et une échéance.",
    "Nous mènerons une mesure d'impact social avec l'université.",
]
INDICATORS_NEGATIVE = [
    "Les montants sont donnés à titre indicatif.",
    "Nous indiquons ci-dessous les grandes étapes du projet.",
    "Le prêt est consenti à un taux d'intérêt de 1 %.",
    "Les partenaires nous ont donné de nombreuses indications sur les besoins.",
]


@pytest.mark.parametrize("text", INDICATORS_POSITIVE)
def test_indicators_found(text: str) -> None:
    assert find("indicators", text), text


@pytest.mark.parametrize("text", INDICATORS_NEGATIVE)
def test_indicators_not_found(text: str) -> None:
    assert find("indicators", text) == []


COLLECTIVITES_POSITIVE = [
    "La Région Auvergne-Rhône-Alpes finance l'ingénierie à hauteur de 30 000 €.",
    "La communauté de communes du Val de Drôme met un local à disposition.",
    "Le Département de la Drôme soutient les chantiers d'insertion.",
    "Trois communes du bassin ont délibéré pour adhérer au pôle.",
    "La Ville de Romans accueille le siège du pôle.",
    "Les collectivités territoriales siègent dans le collège des partenaires publics.",
    "Une convention est signée avec la métropole et l'EPCI voisin.",
]
COLLECTIVITES_NEGATIVE = [
    "Les membres partagent une stratégie commune de mutualisation.",
    "C'est la principale recyclerie dans la région.",
    "Le département informatique de l'entreprise partenaire assure la maintenance.",
    "Un plan de communication est prévu.",
    "Les habitants ont été associés à une vision commune du quartier.",
]


@pytest.mark.parametrize("text", COLLECTIVITES_POSITIVE)
def test_collectivites_found(text: str) -> None:
    assert find("collectivites", text), text


@pytest.mark.parametrize("text", COLLECTIVITES_NEGATIVE)
def test_collectivites_not_found(text: str) -> None:
    assert find("collectivites", text) == []


PRIVATE_POSITIVE = [
    "Trois entreprises du territoire apportent 15 000 € par an.",
    "Le mécénat de la fondation d'entreprise Orange finance l'atelier numérique.",
    "Un prêt du Crédit Coopératif complète les fonds propres.",
    "Les partenaires privés contribuent à hauteur de 20 % des recettes.",
]
PRIVATE_NEGATIVE = [
    "Subventions : État (DREETS), Région et Département.",
    "Le pôle accompagne les personnes privées d'emploi.",
    "La Banque des Territoires finance l'étude de faisabilité.",
]


@pytest.mark.parametrize("text", PRIVATE_POSITIVE)
def test_private_partners_found(text: str) -> None:
    assert find("private_partners", text), text


@pytest.mark.parametrize("text", PRIVATE_NEGATIVE)
def test_private_partners_not_found(text: str) -> None:
    assert find("private_partners", text) == []


def test_research_is_not_a_job_search() -> None:
    assert find("research", "Un partenariat avec le laboratoire PACTE de l'université.")
    assert find("research", "Accompagner les demandeurs en recherche d'emploi.") == []


def test_excerpts_keep_accents_and_apostrophes_as_typed() -> None:
    text = "Objectif : créer dix-huit emplois d’ici 2027 à Saint-Étienne."
    assert find("jobs_number", text) == [text]


def test_excerpt_of_a_long_text_is_short_and_marked() -> None:
    text = "Avant. " * 40 + "Nous créerons 8 emplois." + " Après." * 40
    (passage,) = find("jobs_number", text)
    assert "8 emplois" in passage
    assert passage.startswith("…") and passage.endswith("…")
    assert len(passage) < 160


def test_every_detector_of_the_call_file_exists() -> None:
    from ptce_assist.call import load_call

    special = {"actors_composition", "fragile_declared"}
    rules = load_call().diagnostic
    signals = {r.signal for r in (*rules.eligibility_evidence, *rules.selection_evidence)}
    assert signals - special <= set(DETECTORS)


def test_words_must_start_on_a_word_boundary() -> None:
    assert find("citizens", "Les cohabitants du foyer.") == []
    assert find("citizens", "Les habitants du quartier.") == ["Les habitants du quartier."]
    assert find("indicators", "Des contre-indicateurs.") == ["Des contre-indicateurs."]  # hyphen


def test_characters_that_fold_to_several_keep_excerpts_aligned() -> None:
    text = "Le ﬁnancement (œuvre) permettra 12 emplois."  # « ﬁ » ligature folds to two letters
    assert find("jobs_number", text) == [text]
    assert find("amounts", "Budget : ﬁxé à 12 000 € par an.") == ["Budget : ﬁxé à 12 000 € par an."]
