"""Comment rows: per dossier, per target, resolved only through their own dossier."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from ptce_assist.storage import DossierStore
from ptce_assist.storage.comments import CommentStore


def test_add_list_resolve(store_engine: Engine) -> None:
    dossiers, comments = DossierStore(store_engine), CommentStore(store_engine)
    _, mine = dossiers.create()
    _, other = dossiers.create()
    first = comments.add(
        dossier_id=mine.id,
        workshop_id=None,
        target_kind="rubric",
        target_id="objectifs",
        author="Camille (CRESS)",
        body="Précisez le territoire.",
    )
    comments.add(
        dossier_id=mine.id,
        workshop_id=None,
        target_kind="criterion",
        target_id="emplois",
        author="Camille (CRESS)",
        body="Combien d'emplois ?",
    )
    comments.add(
        dossier_id=other.id,
        workshop_id=None,
        target_kind="rubric",
        target_id="objectifs",
        author="Camille (CRESS)",
        body="Autre dossier",
    )
    assert [c.body for c in comments.of_dossier(mine.id)] == [
        "Précisez le territoire.",
        "Combien d'emplois ?",
    ]
    on_rubric = comments.of_dossier(mine.id, target_kind="rubric", target_id="objectifs")
    assert [c.id for c in on_rubric] == [first.id]
    assert comments.open_counts([mine.id, other.id]) == {mine.id: 2, other.id: 1}

    assert comments.set_resolved(first.id, other.id, True) is False  # not that dossier's
    assert not comments.of_dossier(mine.id)[0].resolved
    assert comments.set_resolved(first.id, mine.id, True) is True
    assert comments.of_dossier(mine.id)[0].resolved
    assert comments.open_counts([mine.id]) == {mine.id: 1}
    assert comments.set_resolved(first.id, mine.id, False) is True
    assert not comments.of_dossier(mine.id)[0].resolved


def test_comments_are_not_in_the_dossier(store_engine: Engine) -> None:
    dossiers, comments = DossierStore(store_engine), CommentStore(store_engine)
    token, stored = dossiers.create()
    comments.add(
        dossier_id=stored.id,
        workshop_id=None,
        target_kind="rubric",
        target_id="objectifs",
        author="A",
        body="Commentaire confidentiel",
    )
    reloaded = dossiers.load(token)
    assert reloaded is not None
    assert "Commentaire confidentiel" not in reloaded.dossier.model_dump_json()


def test_unknown_target_kind_refused(store_engine: Engine) -> None:
    with pytest.raises(ValueError):
        CommentStore(store_engine).add(
            dossier_id=1,
            workshop_id=None,
            target_kind="page",  # type: ignore[arg-type]
            target_id="x",
            author="A",
            body="B",
        )
