"""The access layer: an adviser who opens a team's dossier from the dashboard writes only the
adviser's column of the self-assessment; the team never writes it. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from ptce_assist.dossier import Dossier
from ptce_assist.services import DossierService, Refused, Saved
from ptce_assist.services.access import (
    ADVISER_READS_ONLY,
    TEAM_NOT_ADVISER,
    AdviserAccess,
    AdviserRight,
    TeamAccess,
    adviser_path,
)
from ptce_assist.storage.schema import workshops
from ptce_assist.workshops.access import DENIED_MESSAGE, WorkshopService
from tests.workshops.conftest import PASSPHRASE

SCORE = "diagnostic.self_assessment.adviser.emplois.score"
COMMENT = "diagnostic.self_assessment.adviser.emplois.comment"


def _setup(service: WorkshopService) -> dict[str, Any]:
    today = [dt.date.today()]
    a = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier A", region="84", days=today
    )
    b = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier B", region="53", days=today
    )
    token, stored = service.dossiers.create()
    service.dossiers.set_field(token, "rubrics.objectifs", "Le texte de l'équipe.", expected="")
    service.join(token, a.workshop.join_code, "t")
    return {"a": a.adviser_token, "b": b.adviser_token, "token": token, "id": stored.id}


def _adviser(service: WorkshopService, adviser_token: str, dossier_id: int) -> AdviserAccess:
    return AdviserAccess(
        DossierService(service.dossiers), AdviserRight(service, adviser_token, dossier_id)
    )


def test_paths_of_the_adviser() -> None:
    assert adviser_path(SCORE) and adviser_path(COMMENT)
    for forged in (
        "diagnostic.self_assessment.adviser",
        "diagnostic.self_assessment.adviser.emplois",
        "diagnostic.self_assessment.adviser.emplois.score.extra",
        "diagnostic.self_assessment.candidate.emplois.score",
        "rubrics.objectifs",
        "xdiagnostic.self_assessment.adviser.emplois.score",
    ):
        assert not adviser_path(forged), forged


def test_adviser_scores_and_comments(service: WorkshopService) -> None:
    data = _setup(service)
    access = _adviser(service, data["a"], data["id"])
    assert isinstance(access.save_value(SCORE, "2", expected=None), Saved)
    assert isinstance(access.save_value(COMMENT, "Des chiffres, svp.", expected=None), Saved)
    stored = service.dossiers.load(data["token"])
    assert stored is not None
    entry = stored.dossier.diagnostic.self_assessment.adviser["emplois"]
    assert (entry.score, entry.comment) == ("2", "Des chiffres, svp.")


@pytest.mark.parametrize(
    "path, value",
    [
        ("rubrics.objectifs", "Réécrit par le conseiller."),
        ("project.name", "Autre nom"),
        ("diagnostic.self_assessment.candidate.emplois.score", "3"),
        ("completed_rubrics", ["objectifs"]),
        ("diagnostic.self_assessment.adviser", {"emplois": {"score": "3", "comment": ""}}),
    ],
)
def test_adviser_cannot_write_the_team_s_part(
    service: WorkshopService, path: str, value: Any
) -> None:
    data = _setup(service)
    before = service.dossiers.load(data["token"])
    access = _adviser(service, data["a"], data["id"])
    assert access.save_value(path, value, expected=None) == Refused(ADVISER_READS_ONLY)
    assert access.update_value(path, lambda _: value) == Refused(ADVISER_READS_ONLY)
    assert access.set_rubric_done("objectifs", True) == Refused(ADVISER_READS_ONLY)
    assert access.replace(Dossier(), expected_version=before.version) == Refused(  # type: ignore[union-attr]
        ADVISER_READS_ONLY
    )
    assert service.dossiers.load(data["token"]) == before


def test_adviser_of_another_workshop_writes_nothing(service: WorkshopService) -> None:
    data = _setup(service)
    before = service.dossiers.load(data["token"])
    access = _adviser(service, data["b"], data["id"])
    assert access.load() is None
    assert access.save_value(SCORE, "3", expected=None) == Refused(DENIED_MESSAGE)
    assert service.dossiers.load(data["token"]) == before


def test_expired_adviser_link_writes_nothing(service: WorkshopService) -> None:
    data = _setup(service)
    access = _adviser(service, data["a"], data["id"])
    with service.dossiers.engine.begin() as conn:
        conn.execute(update(workshops).values(adviser_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
    assert access.save_value(SCORE, "3", expected=None) == Refused(DENIED_MESSAGE)


def test_team_never_writes_the_adviser_column(service: WorkshopService) -> None:
    data = _setup(service)
    team = TeamAccess(DossierService(service.dossiers), data["token"])
    assert team.save_value(SCORE, "3", expected=None) == Refused(TEAM_NOT_ADVISER)
    written = team.save_value("rubrics.objectifs", "Nouveau.", expected="Le texte de l'équipe.")
    assert isinstance(written, Saved)
    # The team's link held by the workshop's adviser: both parts.
    dossiers = DossierService(service.dossiers)
    both = TeamAccess(dossiers, data["token"], AdviserRight(service, data["a"], data["id"]))
    assert isinstance(both.save_value(SCORE, "3", expected=None), Saved)
    other = TeamAccess(dossiers, data["token"], AdviserRight(service, data["b"], data["id"]))
    assert other.save_value(SCORE, "1", expected=None) == Refused(DENIED_MESSAGE)
