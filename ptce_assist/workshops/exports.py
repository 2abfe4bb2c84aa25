"""The adviser's exports: the table as CSV or XLSX, every dossier as DOCX in one ZIP.

Every text cell goes through `spreadsheet_safety.neutralise_formula`: a project named
"=HYPERLINK(...)" stays text when the file is opened in a spreadsheet.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from ptce_assist.docx_export import build_docx
from ptce_assist.dossier import Dossier
from ptce_assist.filenames import safe_stem
from ptce_assist.serverlog import server_log
from ptce_assist.spreadsheet_safety import neutralise_formula
from ptce_assist.text import clean_text

DATE_FORMAT = "%d/%m/%Y %H:%M"
# Names Windows reserves for devices, whatever the extension ("CON.docx" cannot be opened).
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789"}
)
FAILED_EXPORT = (
    "Le document Word de ce dossier n'a pas pu être produit (erreur enregistrée sur le "
    "serveur). Ouvrez le dossier et téléchargez-le depuis la page « Exporter », ou "
    "signalez-le à l'équipe qui gère l'outil.\r\n"
)


def _safe_cell(value: Any) -> Any:
    # Control characters cannot go into an XLSX (openpyxl refuses them): dropped first.
    return neutralise_formula(clean_text(value).text) if isinstance(value, str) else value


def safe_frame(frame: Any) -> Any:
    """A copy of the table with every text cell and header neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object:
            safe[column] = safe[column].map(_safe_cell)
    safe.columns = [_safe_cell(str(c)) for c in safe.columns]
    return safe


def to_csv_bytes(frame: Any) -> bytes:
    """CSV as French spreadsheets open it: `;` separators, decimal comma, UTF-8 with BOM."""
    text: str = safe_frame(frame).to_csv(
        index=False, sep=";", decimal=",", date_format=DATE_FORMAT, lineterminator="\r\n"
    )
    return text.encode("utf-8-sig")


def to_xlsx_bytes(frame: Any, sheet: str = "Tableau de bord") -> bytes:
    buffer = io.BytesIO()
    safe = safe_frame(frame)
    import pandas as pd

    with pd.ExcelWriter(buffer, engine="openpyxl", datetime_format="DD/MM/YYYY HH:MM") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet[:31])
        worksheet = writer.sheets[sheet[:31]]
        for index, column in enumerate(safe.columns, start=1):
            width = max([len(str(column)), *(len(str(v)) for v in safe[column])]) + 2
            letter = worksheet.cell(row=1, column=index).column_letter
            worksheet.column_dimensions[letter].width = min(width, 60)
    return buffer.getvalue()


def windows_safe_stem(stem: str) -> str:
    """`stem`, suffixed when Windows reserves it as a device name ("CON" -> "CON-dossier")."""
    return f"{stem}-dossier" if stem.upper() in WINDOWS_RESERVED else stem


def docx_zip(dossiers: Sequence[Dossier]) -> bytes:
    """One DOCX per dossier (comments are not part of a dossier: they cannot be in it).

    A dossier whose document cannot be built gets a short French note instead, so that one
    dossier never costs the adviser the whole workshop's archive.
    """
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, dossier in enumerate(dossiers, start=1):
            stem = windows_safe_stem(safe_stem(dossier.project.name, fallback=f"dossier-{number}"))
            name, suffix = stem, 2
            while name.lower() in used:
                name, suffix = f"{stem}-{suffix}", suffix + 1
            used.add(name.lower())
            try:
                archive.writestr(f"{name}.docx", build_docx(dossier))
            except Exception:  # noqa: BLE001 - logged; the other dossiers are still exported
                server_log().exception("Workshop ZIP: dossier %d could not be exported", number)
                archive.writestr(f"{name}-erreur.txt", FAILED_EXPORT.encode("utf-8"))
    return buffer.getvalue()
