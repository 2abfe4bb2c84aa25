"""AppTest of the diagnostic pages: they render, save answers, and agree with the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore
from ptce_assist.ui.fields import select_key
from ptce_assist.ui.safe import md_escape
from tests.apptest_support import REPO, app_with, new_store
from tests.eligibility.conftest import complete

ACTORS = [
    {"name": "Recyclerie du Val", "kind": "ess", "role": "Porteur", "status": "implique"},
    {"name": "Menuiserie Durand", "kind": "hors_ess", "role": "Atelier", "status": "implique"},
    {"name": "Ville de Romans", "kind": "collectivite", "role": "Locaux", "status": "pressenti"},
    {"name": 'Collectif "La Monnaie"', "kind": "citoyens", "role": "", "status": "implique"},
]
DIAGNOSTIC: dict[str, Any] = {
    "criteria": {
        "regroupement": {"answer": "oui", "justification": "ESS et entreprises."},
        "ancrage": {"answer": "oui"},
        "emplois": {"answer": "moyen_terme"},
        "innovation_sociale": {"answer": "non"},
    },
    "governance": {"objectifs": "oui", "programme": "en_projet"},
    "actors": ACTORS,
    "fragile_territories": [{"kind": "qpv", "name": "La Monnaie", "communes": "Romans-sur-Isère"}],
    "self_assessment": {
        "candidate": {"indicateurs": {"score": "2"}, "emplois": {"score": "3"}},
        "adviser": {"indicateurs": {"score": "1", "comment": "Indicateurs sans cible."}},
    },
}


def rich_dossier() -> Dossier:
    dossier = complete(diagnostic=DIAGNOSTIC)
    dossier.rubrics["perimetre"] = "Quartier prioritaire de la Monnaie (QPV), Romans-sur-Isère."
    dossier.rubrics["plan_action"] = "Année 1 : 4 emplois. Indicateurs : tonnes collectées."
    return dossier


def open_page(
    tmp_path: Path, page: str, dossier: Dossier, **state: Any
) -> tuple[AppTest, DossierStore, str]:
    store = new_store(tmp_path)
    token, _ = store.create(dossier)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["dossier_token"] = token
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at, store, token


def alerts(at: AppTest) -> list[str]:
    return [str(e.value) for kind in (at.success, at.warning, at.error, at.info) for e in kind]


def test_eligibility_page_counts_and_saves_an_answer(tmp_path: Path) -> None:
    at, store, token = open_page(tmp_path, "eligibilite", rich_dossier())
    assert at.metric[0].value == "3 / 7"
    assert any("Pas encore de majorité" in a for a in alerts(at))
    at.selectbox(key=select_key("diagnostic.criteria.implication.answer")).select("oui").run()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.diagnostic.criteria["implication"].answer == "oui"
    assert at.metric[0].value == "4 / 7"
    assert any(a.startswith("Majorité atteinte") for a in alerts(at))
    assert any(a.startswith("Éligible en l'état") for a in alerts(at))  # the overall verdict
    # the suggestion from the actors table and the declared fragile territory are shown
    shown = " ".join(m.value for m in at.markdown)
    assert "Suggestion d'après le dossier : **Oui**" in shown
    assert any("La Monnaie" in a and "mentionne ce territoire" in a for a in alerts(at))


def test_eligibility_page_links_to_the_official_lookups(tmp_path: Path) -> None:
    at, _, _ = open_page(tmp_path, "eligibilite", Dossier())
    text = " ".join(m.value for m in at.markdown)
    assert "https://sig.ville.gouv.fr/" in text
    assert "observatoire-des-territoires.gouv.fr" in text


def test_self_assessment_page_draws_a_chart_per_block(tmp_path: Path) -> None:
    at, store, token = open_page(tmp_path, "autoevaluation", rich_dossier())
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    spec = json.loads(charts[2].proto.spec)
    assert spec["encoding"]["yOffset"]["field"] == "Évaluation"
    # the adviser's column is read-only for the candidate
    keys = [s.key for s in at.selectbox]
    assert select_key("diagnostic.self_assessment.candidate.credibilite.score") in keys
    assert not any(".adviser." in str(k) for k in keys)
    assert "Indicateurs sans cible" in " ".join(m.value for m in at.markdown)
    at.selectbox(key=select_key("diagnostic.self_assessment.candidate.credibilite.score")).select(
        "1"
    ).run()
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.diagnostic.self_assessment.candidate["credibilite"].score == "1"


def test_actors_page_verdict_and_network(tmp_path: Path) -> None:
    at, _, _ = open_page(tmp_path, "acteurs", rich_dossier())
    assert any("Composition conforme en perspective" in a for a in alerts(at))
    (graph,) = at.get("graphviz_chart")
    assert 'Collectif \\"La Monnaie\\"' in graph.proto.spec


def test_porteur_page_asks_for_esus_once_a_company_is_chosen(tmp_path: Path) -> None:
    at, store, token = open_page(tmp_path, "porteur", complete())
    assert not any(s.key == select_key("structure.esus") for s in at.selectbox)
    at.selectbox(key=select_key("structure.legal_form")).select("sas").run()
    at.selectbox(key=select_key("structure.esus")).select("en_cours").run()
    assert any("demande d'agrément ESUS est en cours" in a for a in alerts(at))
    at.selectbox(key=select_key("diagnostic.governance.objectifs")).select("non").run()
    assert any("Gouvernance non démocratique" in a for a in alerts(at))
    stored = store.load(token)
    assert stored is not None
    assert (stored.dossier.structure.legal_form, stored.dossier.structure.esus) == (
        "sas",
        "en_cours",
    )


def test_porteur_page_offers_the_form_the_dossier_names(tmp_path: Path) -> None:
    dossier = complete()
    dossier.structure.legal_form = ""
    dossier.rubrics["structure"] = "Val Solidaire est une SCIC SAS créée en 2016 à Romans."
    at, store, token = open_page(tmp_path, "porteur", dossier)
    suggestion = md_escape("« SCIC (société coopérative d'intérêt collectif) » ?")
    assert any(suggestion in a for a in alerts(at))
    (button,) = [b for b in at.button if b.label.startswith("Choisir")]
    assert button.label == "Choisir « SCIC (société coopérative d'intérêt collectif) »"
    button.click().run()
    assert not at.exception
    stored = store.load(token)
    assert stored is not None
    assert stored.dossier.structure.legal_form == "scic"
    assert at.selectbox(key=select_key("structure.legal_form")).value == "scic"
    assert any("forme prévue par l'appel" in a for a in alerts(at))


def test_check_page_and_cli_give_the_same_verdicts(tmp_path: Path) -> None:
    dossier = rich_dossier()
    dossier.referent.phone = ""  # one missing item
    path = tmp_path / "dossier.json"
    path.write_text(dossier.to_json(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ptce_assist", "check", str(path), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    assert report["recevable"] is False
    assert [item["id"] for item in report["admissibility"]["missing"]] == ["referent.phone"]

    at, _, _ = open_page(tmp_path, "recevabilite", dossier)
    shown = [m.value for m in at.markdown]
    for verdict in report["verdicts"]:
        line = f"**{md_escape(verdict['label'])}** — {md_escape(verdict['reason'])}"
        assert any(m.endswith(line) for m in shown), verdict["topic"]
    assert at.metric[0].value == f"{report['eligibility']['met']} / 7"
    assert at.metric[1].value == "1"
    captions = " ".join(c.value for c in at.caption)
    for verdict in report["verdicts"]:
        assert md_escape(verdict["quote"]) in captions, verdict["topic"]
    page_text = " ".join(m.value for m in at.markdown)
    assert "Téléphone portable" in page_text
    assert at.get("graphviz_chart")


def test_pages_without_a_dossier(tmp_path: Path) -> None:
    new_store(tmp_path)
    at = app_with(None)
    for page in ("recevabilite", "porteur", "acteurs", "eligibilite", "autoevaluation"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception
        assert "Aucun dossier n'est ouvert" in at.info[0].value


def test_a_suggested_answer_is_accepted_with_one_click(tmp_path: Path) -> None:
    from tests.apptest_support import full_dossier

    store = new_store(tmp_path)
    token, _ = store.create(full_dossier())
    at = app_with(token)
    at.switch_page("app_pages/eligibilite.py").run()
    (accept,) = [b for b in at.button if b.label.startswith("Retenir la suggestion")]
    criterion = accept.key.removeprefix("accept:")
    accept.click().run()
    assert not at.exception
    stored = store.load(token)
    assert stored is not None
    answer = stored.dossier.diagnostic.criteria[criterion].answer
    assert accept.label == f"Retenir la suggestion « {'Oui' if answer == 'oui' else answer} »"
    assert not [b for b in at.button if b.label.startswith("Retenir la suggestion")]
