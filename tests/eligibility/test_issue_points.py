"""The seven ways the diagnostic disagreed with a careful CRESS adviser (issue 12), one test
each. They go through what existed before the fix too (`check_file`, its JSON and text, the
pages in AppTest, the dashboard rows, the rubric status), so each fails on the old code for
the reason the issue gives, not for a missing name."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.backup import read_backup
from ptce_assist.call import load_call
from ptce_assist.cli.check import check_file
from ptce_assist.dossier import Dossier
from ptce_assist.progress import rubric_progress
from ptce_assist.ui.fields import select_key
from ptce_assist.ui.safe import md_escape
from ptce_assist.volumes import rubric_measure
from ptce_assist.workshops.dashboard import COL_ELIGIBILITY, dashboard_rows
from ptce_assist.workshops.folder_check import check_folder
from tests.apptest_support import new_store, rubric_app
from tests.eligibility.test_pages import alerts, open_page

CORPUS = Path(__file__).parent / "dossiers"
CALL = load_call()


def corpus(name: str) -> Dossier:
    return read_backup((CORPUS / f"{name}.json").read_bytes())


def changed(name: str, **paths: Any) -> Dossier:
    """A corpus dossier with some values replaced (`structure__legal_form=…`)."""
    data = json.loads((CORPUS / f"{name}.json").read_text("utf-8"))
    for path, value in paths.items():
        node = data
        *parents, last = path.split("__")
        for part in parents:
            node = node[part]
        node[last] = copy.deepcopy(value)
    return read_backup(json.dumps(data).encode())


def run(
    tmp_path: Path, dossier: Dossier, capsys: pytest.CaptureFixture[str], *, text: bool = False
) -> Any:
    path = tmp_path / "dossier.json"
    path.write_text(dossier.to_json(), encoding="utf-8")
    assert check_file(path, as_json=not text) == 0
    out = capsys.readouterr().out
    return out if text else json.loads(out)


def verdict(report: dict[str, Any], topic: str) -> dict[str, Any]:
    found = [v for v in report["verdicts"] if v["topic"] == topic]
    assert found, f"no verdict « {topic} »"
    return found[0]


# --- 1. unknown or unlisted legal forms -------------------------------------------------------
@pytest.mark.parametrize(
    "stored", ["gie", "groupement_interet_economique", "entreprise_individuelle", "commune"]
)
def test_1_forms_the_call_excludes_are_non_with_the_calls_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stored: str
) -> None:
    report = run(
        tmp_path, changed("01-association-recyclerie", structure__legal_form=stored), capsys
    )
    porteur = verdict(report, "porteur")
    assert porteur["code"] == "non_eligible"
    assert porteur["quote"] == CALL.beneficiaries_quote
    assert f"« {stored} »" not in porteur["reason"]  # no raw id shown


def test_1_unnamed_ess_forms_stay_to_check_with_the_regional_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for form in ("fondation", "mutuelle", "fonds_dotation"):
        report = run(
            tmp_path, changed("01-association-recyclerie", structure__legal_form=form), capsys
        )
        assert verdict(report, "porteur")["code"] == "a_verifier"
        assert "cellule régionale" in verdict(report, "porteur")["reason"]


def test_1_identite_offers_the_forms_the_diagnostic_knows(tmp_path: Path) -> None:
    at, _, _ = open_page(tmp_path, "identite", corpus("01-association-recyclerie"))
    options = at.selectbox(key=select_key("structure.legal_form")).options
    for form in CALL.legal_forms:
        assert form.label_fr in options
    assert any(o.startswith("GIE") for o in options)
    assert any("Entreprise individuelle" in o for o in options)


# --- 2. what the dossier itself says ----------------------------------------------------------
def test_2_a_carrier_the_dossier_calls_an_informal_collective_is_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(tmp_path, corpus("21-association-mais-collectif-informel"), capsys)
    porteur = verdict(report, "porteur")
    assert porteur["code"] == "a_verifier"
    assert "collectif informel" in porteur["reason"]
    assert "personne morale" in porteur["reason"]


def test_2_an_empty_legal_form_is_suggested_from_the_rubric(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(tmp_path, corpus("26-forme-vide-texte-scic"), capsys)
    assert "SCIC (société coopérative d'intérêt collectif)" in verdict(report, "porteur")["reason"]


# --- 3. one overall verdict -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "fails"),
    [
        ("15-commune-porteuse", "structure porteuse"),
        ("09-sas-sans-esus", "agrément ESUS"),
        ("18-entreprise-individuelle", "structure porteuse"),
    ],
)
def test_3_the_overall_verdict_combines_carrier_and_majority(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fails: str
) -> None:
    dossier = corpus(name)
    path = tmp_path / "d.json"
    path.write_text(dossier.to_json(), encoding="utf-8")
    assert check_file(path, as_json=True, strict=True) == 1
    report = json.loads(capsys.readouterr().out)
    assert verdict(report, "eligibilite")["code"] == "eligible"  # the majority alone is met
    overall = verdict(report, "ensemble")
    assert overall["code"] == "non_eligible"
    assert fails in overall["reason"]
    (row,) = dashboard_rows([("1", dossier, None, None)], measure_for=rubric_measure)
    assert row.values[COL_ELIGIBILITY].startswith("non éligible")


def test_3_a_sound_dossier_is_eligible_overall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.json"
    path.write_text(corpus("01-association-recyclerie").to_json(), encoding="utf-8")
    assert check_file(path, as_json=True, strict=True) == 0
    assert verdict(json.loads(capsys.readouterr().out), "ensemble")["code"] == "eligible"


# --- 4. a placeholder is not content ----------------------------------------------------------
def test_4_a_placeholder_rubric_is_missing_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dossier = corpus("28-financement-a-completer")
    report = run(tmp_path, dossier, capsys)
    assert report["recevable"] is False
    assert verdict(report, "recevabilite")["code"] == "incomplet"
    text = run(tmp_path, dossier, capsys, text=True)
    assert "« À compléter après la réunion du 12 »" in text
    assert "compte comme vide" in text


# --- 5. fragile territories ---------------------------------------------------------------------
def test_5_negations_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    territories = verdict(run(tmp_path, corpus("34-perimetre-negations"), capsys), "territoires")
    assert territories["code"] == "aucun"
    assert "pourtant" not in territories["reason"]


def test_5_a_basin_described_by_its_history_is_recognised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(tmp_path, corpus("35-bassin-decrit-par-son-histoire"), capsys)
    territories = verdict(report, "territoires")
    assert territories["code"] != "aucun"
    assert "Bassin d'emploi désindustrialisé" in territories["reason"]
    assert "perdu ses mines" in territories["reason"]  # the reason quotes the history


def test_5_qpv_names_match_across_elision_and_dashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run(tmp_path, corpus("04-scic-textile-roubaix"), capsys)
    assert verdict(report, "territoires")["code"] == "coherent"


def test_5_the_advice_names_the_desindustrialised_basins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    territories = verdict(
        run(tmp_path, corpus("02-association-droit-local-alsace"), capsys), "territoires"
    )
    assert "bassin d'emploi désindustrialisé" in territories["reason"]  # the edition's kind
    assert "bassins d'emplois désindustrialisés" in territories["quote"]


# --- 6. consistency between pages ---------------------------------------------------------------
def test_6_complete_and_over_the_limit_are_both_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = verdict(run(tmp_path, corpus("37-gouvernance-trop-longue"), capsys), "recevabilite")[
        "reason"
    ]
    assert "complet" in reason
    assert "dépasse" in reason and "Gouvernance" in reason


def _scored() -> Dossier:
    """Indicators are in the plan d'action, yet the candidate scores them 0, and 1 for jobs."""
    return changed(
        "01-association-recyclerie",
        diagnostic__self_assessment={
            "candidate": {"indicateurs": {"score": "0"}, "emplois": {"score": "1"}},
            "adviser": {},
        },
    )


def _in_order(at: Any) -> list[tuple[str, str]]:
    """(element type, text) of the page's markdown, captions and headings, in order."""
    kinds = ("markdown", "caption", "subheader", "heading")
    return [(node.type, str(node.value)) for node in at.main if getattr(node, "type", "") in kinds]


CRITERIA = set(CALL.diagnostic.selection_short_fr.values())


def _criteria_named(at: Any) -> list[str]:
    """The selection criteria named in bold on a page, in order."""
    bold = [
        re.match(r"\*\*([^*]+)\*\*", text) for kind, text in _in_order(at) if kind == "markdown"
    ]
    return [m.group(1) for m in bold if m and m.group(1) in CRITERIA]


def test_6_both_pages_list_the_same_weakest_criteria(tmp_path: Path) -> None:
    dossier = _scored()
    receivable, _, _ = open_page(tmp_path, "recevabilite", dossier)
    own, _, _ = open_page(tmp_path, "autoevaluation", dossier)
    shown = _criteria_named(receivable)  # only the weakest are named there
    assert {"Indicateurs", "Emplois"} <= set(shown)  # scored 0 and 1, evidence or not
    listed = _criteria_named(own)
    every = len(CALL.selection_criteria)  # each criterion has its own section below
    assert listed[: len(listed) - every] == shown


def test_6_a_low_score_is_not_called_well_supported(tmp_path: Path) -> None:
    at, _, _ = open_page(tmp_path, "autoevaluation", _scored())
    jobs = next(text for _, text in _in_order(at) if text.startswith("**Emplois** ("))
    named, advice = jobs.split(" — ", 1)  # the weakest list: « **Critère** (notes) — conseil »
    assert "Candidat : 1/3" in named
    assert advice != md_escape("Le dossier contient déjà de quoi étayer ce critère.")
    assert md_escape("1/3") in advice


def test_6_ticking_an_over_limit_rubric_says_why_it_does_not_count(tmp_path: Path) -> None:
    dossier = corpus("37-gouvernance-trop-longue")
    assert "gouvernance" in dossier.completed_rubrics
    rubric = CALL.rubric("gouvernance")
    assert rubric_progress(dossier, rubric, rubric_measure(dossier)).state == "depasse"
    store = new_store(tmp_path)
    token, _ = store.create(dossier)
    at = rubric_app(token, "gouvernance")
    assert not at.exception
    assert any("dépasse sa limite" in w.value for w in at.warning), [w.value for w in at.warning]


def test_6_the_dashboard_shows_both_completeness_measures(tmp_path: Path) -> None:
    folder = tmp_path / "brouillons"
    folder.mkdir()
    (folder / "a.json").write_text(corpus("28-financement-a-completer").to_json(), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert check_folder(folder, True, out=out, err=err) == 0
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))
    ticked = [h for h in row if "cochées" in h]
    missing = [h for h in row if "manquants" in h]
    assert ticked and missing, list(row)
    assert int(row[ticked[0]]) >= 90  # every field filled and every rubric ticked…
    assert row[missing[0]] == "1"  # …but the financement rubric is only a placeholder
    assert row["Recevabilité"] == "incomplet"


# --- 7. words ---------------------------------------------------------------------------------
CODES = re.compile(r"\[[a-z_]+\]|\b[a-z0-9]+_[a-z0-9_]+\b|\beligible\b")
HERE = re.compile(r"-(?:le|la|les) ici\b")  # « déclarez-les ici » means nothing in a terminal


@pytest.mark.parametrize(
    "name",
    [
        "01-association-recyclerie",
        "08-sasu-esus-en-cours",
        "20-gie-valeur-brute",
        "36-ne-que-dans-des-qpv",
        "41-emergence-tout-a-moyen-terme",
        "42-dossier-vide",
    ],
)
def test_7_the_text_output_has_only_french_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = run(tmp_path, corpus(name), capsys, text=True)
    assert CODES.findall(text) == []
    assert HERE.findall(text) == []
    report = run(tmp_path, corpus(name), capsys)
    assert all(v["code"] for v in report["verdicts"])  # the codes stay in the JSON


@pytest.mark.parametrize(
    "page", ["recevabilite", "porteur", "acteurs", "eligibilite", "autoevaluation"]
)
def test_7_no_raw_id_or_code_on_the_diagnostic_pages(tmp_path: Path, page: str) -> None:
    at, _, _ = open_page(tmp_path, page, corpus("20-gie-valeur-brute"))
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption] + alerts(at)
    shown += [o for box in at.selectbox for o in box.options]
    text = re.sub(r":material/\w+:|:\w+\[|\]\(https?://[^)]*\)", " ", "\n".join(shown))
    assert CODES.findall(text) == []
    assert "« gie »" not in text
