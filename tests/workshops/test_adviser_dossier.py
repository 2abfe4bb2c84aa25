"""An adviser opens a team's dossier from the dashboard, without the team's personal link: they
read it, score the adviser's column of the self-assessment and comment; they never change the
team's texts or answers, even by forging the values of the widgets they are shown disabled
(AppTest sets a disabled widget's value as a forged request would)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from ptce_assist.call import load_call
from ptce_assist.services.access import ADVISER_READS_ONLY
from ptce_assist.storage import DossierStore
from ptce_assist.ui.context import OpenDossier
from ptce_assist.ui.fields import select_key
from ptce_assist.workshops.access import WorkshopService
from ptce_assist.workshops.passphrase import HASH_ENV
from tests.apptest_support import APP, TIMEOUT, full_dossier, new_store
from tests.workshops.conftest import CONFIG, PASSPHRASE

DASHBOARD = "app_pages/tableau_de_bord.py"
AUTOEVALUATION = "app_pages/autoevaluation.py"
ADVISER_SCORE = select_key("diagnostic.self_assessment.adviser.emplois.score")
CANDIDATE_SCORE = select_key("diagnostic.self_assessment.candidate.emplois.score")


@pytest.fixture
def store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passphrase_hash: str
) -> Iterator[DossierStore]:
    monkeypatch.setenv(HASH_ENV, passphrase_hash)
    monkeypatch.setenv("PTCE_DATABASE_URL", "")
    store = new_store(tmp_path)
    yield store
    store.engine.dispose()


@pytest.fixture
def team(store: DossierStore, passphrase_hash: str) -> dict[str, Any]:
    service = WorkshopService(store.engine, CONFIG, passphrase_hash)
    created = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier", region="84", days=[dt.date.today()]
    )
    token, stored = service.dossiers.create(full_dossier())
    service.join(token, created.workshop.join_code, "t")
    return {"adviser": created.adviser_token, "token": token, "id": stored.id}


def opened_from_dashboard(team: dict[str, Any]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["a"] = team["adviser"]
    at.run()
    at.switch_page(DASHBOARD).run()
    at.selectbox(key="dash_open").select(team["id"]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def forge(at: AppTest, key: str, value: Any) -> None:
    at.selectbox(key=key).set_value(value).run()


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_adviser_scores_from_the_dashboard(store: DossierStore, team: dict[str, Any]) -> None:
    at = go(opened_from_dashboard(team), AUTOEVALUATION)
    assert "Aucun dossier n'est ouvert" not in [i.value for i in at.info]
    assert not at.selectbox(key=ADVISER_SCORE).disabled
    assert at.selectbox(key=CANDIDATE_SCORE).disabled
    at.selectbox(key=ADVISER_SCORE).select("2").run()
    stored = store.load(team["token"])
    assert stored is not None
    assert stored.dossier.diagnostic.self_assessment.adviser["emplois"].score == "2"
    assert "d" not in at.query_params  # never the team's link


def test_the_team_s_fields_are_shown_read_only(team: dict[str, Any]) -> None:
    at = go(opened_from_dashboard(team), AUTOEVALUATION)
    assert at.selectbox(key=CANDIDATE_SCORE).disabled
    go(at, "app_pages/identite.py")
    assert at.selectbox(key=select_key("project.region")).disabled
    go(at, "app_pages/porteur.py")
    assert at.selectbox(key=select_key("diagnostic.governance.instance")).disabled


def test_forged_widgets_change_nothing_of_the_team(
    store: DossierStore, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit drops a value sent for a disabled widget; were a page to show the team's
    fields enabled to an adviser (a bug), or a request to carry them, the access layer still
    refuses: here every field is drawn enabled and the values are sent."""
    monkeypatch.setattr(OpenDossier, "may_write", lambda self, path: True)
    before = store.load(team["token"])
    assert before is not None
    at = go(opened_from_dashboard(team), AUTOEVALUATION)
    forge(at, CANDIDATE_SCORE, "3")
    assert ADVISER_READS_ONLY in [e.value for e in at.error]
    go(at, "app_pages/identite.py")
    forge(at, select_key("project.region"), "11")
    forge(at, select_key("structure.legal_form"), "association_1901")
    go(at, "app_pages/porteur.py")
    forge(at, select_key("diagnostic.governance.instance"), "non")
    go(at, "app_pages/eligibilite.py")
    forge(at, select_key("diagnostic.criteria.ancrage.answer"), "non")
    after = store.load(team["token"])
    assert after is not None
    assert after.dossier == before.dossier
    assert after.version == before.version


def test_team_only_pages_say_so(team: dict[str, Any]) -> None:
    at = opened_from_dashboard(team)
    for page in ("app_pages/import_word.py", "app_pages/atelier_rejoindre.py"):
        go(at, page)
        assert any("Cette page sert à l'équipe" in i.value for i in at.info), page
        assert not at.button


def test_the_dossier_opened_is_remembered(team: dict[str, Any]) -> None:
    at = go(opened_from_dashboard(team), AUTOEVALUATION)
    go(at, DASHBOARD)
    assert at.selectbox(key="dash_open").value == team["id"]
    assert at.query_params["dossier"] in (str(team["id"]), [str(team["id"])])


def test_signature_is_a_placeholder_not_a_value(team: dict[str, Any]) -> None:
    at = opened_from_dashboard(team)
    author = next(t for t in at.text_input if t.label == "Signature")
    assert author.value == ""
    assert author.placeholder == "Conseil CRESS"


def test_rubric_panels_of_the_dashboard_show_their_line_count(team: dict[str, Any]) -> None:
    at = opened_from_dashboard(team)
    labels = [e.label for e in at.expander]
    rubric_panels = [label for label in labels if " · " in label]
    assert len(rubric_panels) == len(load_call().rubrics)
    assert all(re.search(r" · (\d+ / \d+ lignes|vide)", label) for label in rubric_panels)
