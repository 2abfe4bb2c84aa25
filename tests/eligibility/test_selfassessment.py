"""Self-assessment: scores per assessor, evidence per criterion, weakest first, chart rows."""

from __future__ import annotations

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.selfassessment import (
    assessment,
    block_mean,
    chart_rows,
    weakest_first,
)

PLAN = (
    "Année 1 : ouverture de la ressourcerie. Année 2 : atelier de réparation. "
    "Indicateurs : tonnes collectées, nombre de bénévoles, 12 emplois créés d'ici 2027."
)
FINANCEMENT = (
    "Dépenses : 180 000 € par an. Recettes : ventes 60 000 €, Région 40 000 €, "
    "mécénat d'entreprises 20 000 €."
)


def dossier(**scores: tuple[str, str]) -> Dossier:
    return Dossier.model_validate(
        {
            "rubrics": {"plan_action": PLAN, "financement": FINANCEMENT},
            "diagnostic": {
                "self_assessment": {
                    "candidate": {k: {"score": c} for k, (c, _) in scores.items()},
                    "adviser": {
                        k: {"score": a, "comment": "À étayer"} for k, (_, a) in scores.items()
                    },
                }
            },
        }
    )


def test_twelve_criteria_in_three_blocks() -> None:
    items = assessment(Dossier(), load_call())
    assert len(items) == 12
    assert [
        sum(1 for i in items if i.block == b) for b in ("vision", "operationnalite", "resultats")
    ] == [5, 3, 4]


def test_evidence_found_in_the_right_rubrics() -> None:
    items = {i.id: i for i in assessment(dossier(), load_call())}
    assert items["indicateurs"].coverage == 1.0
    assert items["emplois"].coverage == 1.0
    assert items["moyens"].coverage == 1.0  # amounts, private partners, collectivités
    assert items["credibilite"].coverage == 0.0
    assert items["credibilite"].to_add  # what to add is said
    found = [f.where for r in items["indicateurs"].rules for f in r.findings]
    assert found == ["Plan d'action"]


def test_scores_and_comments_per_assessor() -> None:
    items = {i.id: i for i in assessment(dossier(coherence=("3", "1")), load_call())}
    assert (items["coherence"].candidate, items["coherence"].adviser) == (3, 1)
    assert items["coherence"].adviser_comment == "À étayer"
    assert (items["utilite"].candidate, items["utilite"].adviser) == (None, None)


def test_weakest_first_uses_the_lowest_score_then_the_evidence() -> None:
    scored = dossier(indicateurs=("0", ""), emplois=("3", "2"), moyens=("1", "3"))
    order = [i.id for i in weakest_first(assessment(scored, load_call()))]
    assert order == [
        # unscored and nothing in the dossier: level 0, no evidence, in the call's order
        "credibilite",
        "positionnement",
        "coherence",
        "valeur_ajoutee",
        "innovation",
        "exemplarite",
        "utilite",
        "indicateurs",  # scored 0, but the plan d'action has indicators
        "moyens",  # lowest score 1
        "emplois",  # lowest score 2
        "plan_action",  # unscored, all evidence found: level 3
        "perennite",
    ]


def test_chart_rows_candidate_and_adviser_side_by_side() -> None:
    items = assessment(dossier(indicateurs=("2", "3")), load_call())
    rows = chart_rows(items, "resultats")
    assert len(rows) == 8
    assert {"Critère": "Indicateurs", "Évaluation": "Candidat", "Note": 2} in rows
    assert {"Critère": "Indicateurs", "Évaluation": "Conseiller", "Note": 3} in rows
    assert block_mean(items, "resultats", adviser=True) == 3.0
    assert block_mean(items, "vision", adviser=False) is None
