"""« Reprendre ce dossier pour l'édition … »: rubric by rubric what is kept, moves or is set
aside (never deleted), the new limits exceeded; nothing changes before confirmation."""

from __future__ import annotations

import json
from pathlib import Path

from ptce_assist.backup import load_backup
from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.edition_move import moved_dossier, plan_move
from ptce_assist.services import DossierService, Saved
from ptce_assist.volumes import rubric_measure
from tests.apptest_support import app_with, full_dossier, new_store, rubric_app
from tests.editions import FIXTURE_ID

OLD, NEW = load_call("ami_2024"), load_call(FIXTURE_ID)
LONG = "\n".join(f"Paragraphe {n} sur l'histoire de la structure." for n in range(40))


def dossier_2024() -> Dossier:
    dossier = full_dossier("ami_2024")
    dossier.rubrics["structure"] = LONG  # 40 lines: within 1 page, over 1/2 page
    dossier.rubrics["actions"] = "Une recyclerie ouverte en 2023."
    dossier.rubrics["mise_en_reseau"] = "Membre du réseau des ressourceries."
    dossier.rubrics["implication_membres"] = "   "  # blank: nothing to keep
    return dossier


def fates(dossier: Dossier) -> dict[str, tuple[str, str | None]]:
    move = plan_move(dossier, OLD, NEW, rubric_measure(dossier))
    return {
        (f.source or f.target).id: (f.fate, f.target.id if f.target else None)  # type: ignore[union-attr]
        for f in move.rubrics
    }


def test_the_plan_says_rubric_by_rubric_what_becomes_of_each_text() -> None:
    dossier = dossier_2024()
    before = dossier.model_copy(deep=True)
    move = plan_move(dossier, OLD, NEW, rubric_measure(dossier))
    assert dossier == before  # a plan changes nothing
    assert fates(dossier) == {
        "structure": ("garde", "structure"),
        "objectifs": ("garde", "objectifs"),
        "acteurs": ("garde", "acteurs"),
        "gouvernance": ("garde", "gouvernance"),
        "perimetre": ("garde", "perimetre"),
        "actions": ("deplace", "realisations"),
        "plan_action": ("garde", "plan_action"),
        "implication_membres": ("vide", "implication_membres"),  # in both editions
        "financement": ("garde", "financement"),
        "mise_en_reseau": ("mis_de_cote", None),
    }
    by_id = {(f.source or f.target).id: f for f in move.rubrics}  # type: ignore[union-attr]
    assert [f.target.id for f in move.over_limits if f.target] == ["structure"]
    structure = by_id["structure"].describe()
    assert "dépasse la nouvelle limite (1/2 page maximum)" in structure
    assert "l'intitulé de la rubrique change" in by_id["objectifs"].describe()
    assert "va dans la rubrique « Réalisations »" in by_id["actions"].describe()
    assert "mis de côté" in by_id["mise_en_reseau"].describe()
    assert by_id["implication_membres"].describe() == (
        "« Implication des membres » : pas encore de texte dans le dossier."
    )


def test_the_moved_dossier_keeps_every_text() -> None:
    dossier = dossier_2024()
    dossier.completed_rubrics = ["structure", "actions", "mise_en_reseau", "gouvernance"]
    moved = moved_dossier(plan_move(dossier, OLD, NEW, rubric_measure(dossier)))
    assert moved.call_id == FIXTURE_ID
    assert moved.rubrics["realisations"] == "Une recyclerie ouverte en 2023."
    assert moved.rubrics["structure"] == LONG
    assert "actions" not in moved.rubrics and "mise_en_reseau" not in moved.rubrics
    assert [(s.call_id, s.rubric_id, s.label, s.text) for s in moved.set_aside] == [
        ("ami_2024", "mise_en_reseau", "Mise en réseau", "Membre du réseau des ressourceries.")
    ]
    # « terminée » follows the text, except where it now exceeds its limit
    assert moved.completed_rubrics == ["gouvernance", "realisations"]
    assert moved.project == dossier.project and moved.budget == dossier.budget

    back = moved_dossier(plan_move(moved, NEW, OLD, rubric_measure(moved)))
    texts = {*back.rubrics.values(), *(s.text for s in back.set_aside)}
    assert {t for t in dossier.rubrics.values() if t.strip()} <= texts  # nothing ever lost


def test_a_backup_written_before_set_aside_texts_still_loads() -> None:
    data = json.loads(Dossier(rubrics={"objectifs": "Créer 8 emplois."}).to_json())
    del data["set_aside"]
    del data["call_id"]  # the oldest backups did not name their edition either
    restored = load_backup(json.dumps(data).encode())
    assert restored.dossier.set_aside == []
    assert restored.dossier.call_id == "ami_2024"
    assert restored.dossier.rubrics == {"objectifs": "Créer 8 emplois."}


def _open_move(at: object) -> None:
    at.switch_page("app_pages/recapitulatif.py").run()  # type: ignore[attr-defined]
    at.selectbox(key="p:edition:target").select(FIXTURE_ID).run()  # type: ignore[attr-defined]


def test_the_page_moves_the_dossier_only_once_confirmed(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, created = store.create(dossier_2024())
    at = app_with(token)
    _open_move(at)
    assert not at.exception, [e.value for e in at.exception]
    shown = " ".join(m.value for m in at.markdown)
    assert "mis de côté" in shown and "va dans la rubrique « Réalisations »" in shown
    assert next(b for b in at.button if b.label == "Reprendre le dossier").disabled
    stored = store.load(token)
    assert stored is not None and (stored.version, stored.dossier.call_id) == (
        created.version,
        "ami_2024",
    )

    at.checkbox(key="p:edition:confirm").check().run()
    next(b for b in at.button if b.label == "Reprendre le dossier").click().run()
    assert not at.exception, [e.value for e in at.exception]
    stored = store.load(token)
    assert stored is not None and stored.dossier.call_id == FIXTURE_ID
    assert stored.version == created.version + 1
    assert any("Textes mis de côté" in e.label for e in at.expander)
    page = rubric_app(token, "realisations")  # the navigation is now the new edition's
    assert page.subheader[0].value == NEW.rubric("realisations").label


def test_a_change_made_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(dossier_2024())
    at = app_with(token)
    _open_move(at)
    at.checkbox(key="p:edition:confirm").check().run()
    # Someone else saves the dossier before the click.
    theirs = DossierService(store).update_value(token, "project.name", lambda _: "Autre nom")
    assert isinstance(theirs, Saved)
    button = next(b for b in at.button if b.label == "Reprendre le dossier")
    button.click().run()
    stored = store.load(token)
    assert stored is not None
    assert (stored.dossier.call_id, stored.dossier.project.name) == ("ami_2024", "Autre nom")
    assert any("modifié ailleurs" in e.value for e in at.error)
