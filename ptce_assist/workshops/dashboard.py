"""One row per dossier for the adviser's table (and the `check` command over a folder).

Each figure comes from the modules that own the rule: the progress the team declared (identity
fields filled and rubrics ticked « terminé », as in the candidate's sidebar) from `progress`;
the mandatory elements missing, admissibility, lines over the limit, the overall verdict, the
criteria met and the candidate's self-assessment means per block from the typed report
(`eligibility.report.check_report`), as on the diagnostic pages and in `check`. The two
measures of completeness are separate columns with names that say what each counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.report import TOPICS, CheckReport, check_report
from ptce_assist.eligibility.verdict import french_list
from ptce_assist.progress import Measure, overall_progress
from ptce_assist.regions import region_name
from ptce_assist.volumes import rubric_measure

PARIS = ZoneInfo("Europe/Paris")
NO_NAME = "Projet sans nom"
NOT_EVALUATED = "non évaluée"

COL_PROJECT = "Projet"
COL_REGION = "Région"
COL_STAGE = "Stade de maturité"
COL_COMPLETENESS = "Avancement déclaré (% champs remplis et rubriques cochées « terminé »)"
COL_MISSING = "Éléments obligatoires manquants (recevabilité)"
COL_OVER = "Rubriques au-delà de la limite"
COL_ADMISSIBLE = "Recevabilité"
COL_ELIGIBILITY = "Verdict d'ensemble"
COL_CRITERIA = "Critères d'éligibilité remplis ou en perspective"
COL_COMMENTS = "Commentaires à traiter"
COL_CHANGED = "Dernière modification"
SELF_PREFIX = "Autoévaluation : "

MeasureFor = Callable[[Dossier], Measure | None]


@dataclass(frozen=True)
class DashboardRow:
    key: str  # dossier id (as text) or file name: what the row stands for
    values: dict[str, Any]


def default_measure(dossier: Dossier) -> Measure:
    """Lines used and allowed per rubric in the dossier's layout (the app's measure)."""
    return rubric_measure(dossier)


OVERALL_LABELS = {
    "eligible": "éligible",
    "a_verifier": "à vérifier",
    "incomplet": "incomplet",
    "non_eligible": "non éligible",
}


def overall_text(report: CheckReport) -> str:
    """« non éligible : structure porteuse », « éligible »: the overall verdict and what fails."""
    label = OVERALL_LABELS.get(report.overall.code, NOT_EVALUATED)
    failing = [TOPICS[topic][:1].lower() + TOPICS[topic][1:] for topic in report.failing]
    return f"{label} : {french_list(failing)}" if failing else label


def dashboard_row(
    key: str,
    dossier: Dossier,
    changed_at: dt.datetime | None,
    *,
    measure: Measure | None,
    open_comments: int | None = None,
) -> DashboardRow:
    call = load_call(dossier.call_id)
    report = check_report(dossier, measure, call)
    values: dict[str, Any] = {
        COL_PROJECT: dossier.project.name.strip() or NO_NAME,
        COL_REGION: region_name(dossier.project.region),
        COL_STAGE: call.maturity_label(dossier.maturity) or "",
        COL_COMPLETENESS: round(100 * overall_progress(dossier, call, measure).fraction),
        COL_MISSING: len(report.admissibility.missing),
        COL_OVER: len(report.admissibility.over_limit) if report.measured else None,
        COL_ADMISSIBLE: "recevable" if report.recevable else "incomplet",
        COL_ELIGIBILITY: overall_text(report),
        COL_CRITERIA: report.eligibility.met,
    }
    for block in report.blocks:
        values[SELF_PREFIX + block.label] = block.candidate_mean
    if open_comments is not None:
        values[COL_COMMENTS] = open_comments
    values[COL_CHANGED] = (
        changed_at.astimezone(PARIS).replace(tzinfo=None, microsecond=0) if changed_at else None
    )
    return DashboardRow(key, values)


def dashboard_rows(
    entries: Sequence[tuple[str, Dossier, dt.datetime | None, int | None]],
    measure_for: MeasureFor = default_measure,
) -> list[DashboardRow]:
    """Rows for (key, dossier, last change, open comments or None) entries."""
    return [
        dashboard_row(key, dossier, changed, measure=measure_for(dossier), open_comments=count)
        for key, dossier, changed, count in entries
    ]


def to_frame(rows: Sequence[DashboardRow]) -> Any:
    """A pandas DataFrame of the rows (index: each row's key)."""
    import pandas as pd

    frame = pd.DataFrame([row.values for row in rows], index=[row.key for row in rows])
    for column in frame.columns:
        if column in (COL_OVER, COL_COMMENTS, COL_COMPLETENESS, COL_MISSING, COL_CRITERIA):
            frame[column] = frame[column].astype("Int64")
        elif column.startswith(SELF_PREFIX):
            frame[column] = frame[column].astype("Float64")
        elif column == COL_CHANGED:
            frame[column] = pd.to_datetime(frame[column])
    return frame


DISPLAY_COLUMNS = (
    COL_PROJECT,
    COL_STAGE,
    COL_COMPLETENESS,
    COL_MISSING,
    COL_OVER,
    COL_ADMISSIBLE,
    COL_ELIGIBILITY,
    COL_CRITERIA,
    COL_COMMENTS,
    COL_CHANGED,
)
# Shorter headers for the page's table, so that every column fits the page's width; the
# exports keep the long ones, which say exactly what each figure counts.
DISPLAY_HEADERS = {
    COL_STAGE: "Stade",
    COL_COMPLETENESS: "Avancement déclaré (%)",
    COL_MISSING: "Éléments obligatoires manquants",
    COL_OVER: "Rubriques trop longues",
    COL_CRITERIA: "Critères d'éligibilité remplis",
    COL_CHANGED: "Modifié le",
}


def _shown(value: Any) -> str:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "—"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return str(value)


def display_frame(frame: Any) -> Any:
    """The table the dashboard page shows: its columns (`DISPLAY_COLUMNS` present in the
    frame), short headers, every value as French text."""
    columns = [c for c in DISPLAY_COLUMNS if c in frame.columns]
    shown = frame[columns].astype(object).map(_shown)
    shown.columns = [DISPLAY_HEADERS.get(c, c) for c in columns]
    return shown.set_index(DISPLAY_HEADERS.get(COL_PROJECT, COL_PROJECT))
