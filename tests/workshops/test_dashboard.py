"""The dashboard table and its exports (CSV, XLSX, ZIP of DOCX)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import openpyxl

from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import ScoreEntry
from ptce_assist.workshops.access import WorkshopService
from ptce_assist.workshops.dashboard import (
    COL_ADMISSIBLE,
    COL_CHANGED,
    COL_COMMENTS,
    COL_COMPLETENESS,
    COL_OVER,
    COL_PROJECT,
    COL_REGION,
    COL_STAGE,
    SELF_PREFIX,
    dashboard_rows,
    to_frame,
)
from ptce_assist.workshops.exports import docx_zip, to_csv_bytes, to_xlsx_bytes
from tests.apptest_support import full_dossier
from tests.workshops.conftest import PASSPHRASE

WHEN = dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC)


def scored() -> Dossier:
    dossier = Dossier()
    dossier.project.name = '=HYPERLINK("http://evil","clic")'
    dossier.project.region = "53"
    dossier.maturity = "emergence"
    answers = dossier.diagnostic.self_assessment.candidate
    answers["credibilite"] = ScoreEntry(score="2")
    answers["coherence"] = ScoreEntry(score="3")
    answers["emplois"] = ScoreEntry(score="0")
    answers["plan_action"] = ScoreEntry(score="")  # not scored: not in the mean
    return dossier


def frame_of(*dossiers: Dossier, measure: object = None) -> object:
    entries = [(str(n), d, WHEN, n) for n, d in enumerate(dossiers, start=1)]
    rows = dashboard_rows(entries, measure_for=lambda _d: measure)  # type: ignore[arg-type, return-value]
    return to_frame(rows)


def test_row_values() -> None:
    frame = frame_of(scored(), full_dossier())
    first = frame.loc["1"]  # type: ignore[attr-defined]
    assert first[COL_REGION] == "Bretagne"
    assert first[COL_STAGE] == "émergence"
    assert first[COL_ADMISSIBLE] == "incomplet"
    assert first[SELF_PREFIX + "Vision stratégique et objectifs"] == 2.5
    assert first[SELF_PREFIX + "Evaluation des résultats & impacts"] == 0
    assert first[SELF_PREFIX + "Opérationnalité"] is pd_na()
    assert first[COL_COMMENTS] == 1
    assert first[COL_CHANGED] == dt.datetime(2025, 3, 14, 10, 30)  # Paris time
    assert first[COL_OVER] is pd_na()  # no measure: unknown, not zero
    second = frame.loc["2"]  # type: ignore[attr-defined]
    assert second[COL_PROJECT] == "Recyclerie du Val"
    assert second[COL_COMPLETENESS] == 100
    assert second[COL_ADMISSIBLE] == "recevable"


def pd_na() -> object:
    import pandas as pd

    return pd.NA


def test_over_limit_counts_with_a_measure() -> None:
    def measure(rubric: object, text: str) -> tuple[int, int]:
        return (30, 20) if getattr(rubric, "id", "") in ("objectifs", "acteurs") else (5, 20)

    frame = frame_of(full_dossier(), measure=measure)
    assert frame.loc["1"][COL_OVER] == 2  # type: ignore[attr-defined]


def test_frame_sorts_and_filters() -> None:
    frame = frame_of(scored(), full_dossier(), Dossier())
    ordered = frame.sort_values(COL_COMPLETENESS, ascending=False)  # type: ignore[attr-defined]
    assert ordered[COL_PROJECT].iloc[0] == "Recyclerie du Val"
    assert len(frame[frame[COL_ADMISSIBLE] == "incomplet"]) == 2  # type: ignore[index]


def test_csv_neutralises_formulas() -> None:
    text = to_csv_bytes(frame_of(scored())).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, first = rows[0], rows[1]
    assert first[header.index(COL_PROJECT)] == '\'=HYPERLINK("http://evil","clic")'
    assert first[header.index(SELF_PREFIX + "Vision stratégique et objectifs")] == "2,5"
    assert first[header.index(COL_CHANGED)] == "14/03/2025 10:30"


def test_xlsx_cells_are_text_not_formulas() -> None:
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame_of(scored()))))
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index(COL_PROJECT) + 1)
    assert cell.data_type == "s"
    assert cell.value == '\'=HYPERLINK("http://evil","clic")'


def test_docx_zip_has_one_file_per_dossier() -> None:
    same_name = Dossier()
    same_name.project.name = "Recyclerie du Val"
    data = docx_zip([full_dossier(), same_name, Dossier()])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == ["Recyclerie-du-Val.docx", "Recyclerie-du-Val-2.docx", "dossier-3.docx"]
        for name in names:
            assert archive.read(name)[:2] == b"PK"


def test_comments_never_reach_the_docx(service: WorkshopService) -> None:
    created = service.create_workshop(
        passphrase=PASSPHRASE, client="t", name="Atelier", region="84", days=[dt.date.today()]
    )
    token, stored = service.dossiers.create(full_dossier())
    service.join(token, created.workshop.join_code, "t")
    service.add_comment(
        created.adviser_token, stored.id, "rubric", "objectifs", "REMARQUE-CONFIDENTIELLE", "C"
    )
    service.add_comment(
        created.adviser_token, stored.id, "criterion", "emplois", "AUTRE-REMARQUE", "C"
    )
    dossiers = [s.dossier for s in service.workshop_dossiers(created.adviser_token)]
    with zipfile.ZipFile(io.BytesIO(docx_zip(dossiers))) as archive:
        (name,) = archive.namelist()
        with zipfile.ZipFile(io.BytesIO(archive.read(name))) as docx:
            xml = "".join(
                docx.read(part).decode("utf-8", "replace")
                for part in docx.namelist()
                if part.endswith(".xml")
            )
    assert "Recyclerie du Val" in xml  # the dossier is there
    assert "REMARQUE-CONFIDENTIELLE" not in xml and "AUTRE-REMARQUE" not in xml
