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
from ptce_assist.spreadsheet_safety import neutralise_formula
from ptce_assist.text import clean_text

DATE_FORMAT = "%d/%m/%Y %H:%M"


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
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    with pd.ExcelWriter(buffer, engine="openpyxl", datetime_format="DD/MM/YYYY HH:MM") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet[:31])
        worksheet = writer.sheets[sheet[:31]]
        for index, column in enumerate(safe.columns, start=1):
            width = max([len(str(column)), *(len(str(v)) for v in safe[column])]) + 2
            letter = worksheet.cell(row=1, column=index).column_letter
            worksheet.column_dimensions[letter].width = min(width, 60)
    return buffer.getvalue()


def docx_zip(dossiers: Sequence[Dossier]) -> bytes:
    """One DOCX per dossier (comments are not part of a dossier: they cannot be in it)."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, dossier in enumerate(dossiers, start=1):
            stem = safe_stem(dossier.project.name, fallback=f"dossier-{number}")
            name, suffix = f"{stem}.docx", 2
            while name.lower() in used:
                name, suffix = f"{stem}-{suffix}.docx", suffix + 1
            used.add(name.lower())
            archive.writestr(name, build_docx(dossier))
    return buffer.getvalue()
