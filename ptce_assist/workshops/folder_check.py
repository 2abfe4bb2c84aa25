"""`python -m ptce_assist check FOLDER [--csv] [--appel ÉDITION]`: the dashboard table over a
folder of drafts.

Drafts are JSON backups of ptce-assist (each names its edition) or Word documents written from
Annexe 1 (read with the edition `--appel`, the current one by default). A file that
cannot be read is reported on stderr with its French reason; the others are still listed.
Exit code: 0 when every draft was read, 1 when some could not be (or none was found), 2 when
the folder itself is missing.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

from ptce_assist.backup import BackupError, read_backup
from ptce_assist.call import current_call_id
from ptce_assist.docx_import import DocxImportError, apply_import
from ptce_assist.docx_import.isolation import import_docx_isolated
from ptce_assist.dossier import Dossier
from ptce_assist.workshops.dashboard import COL_PROJECT, dashboard_rows, to_frame
from ptce_assist.workshops.exports import safe_frame

SUFFIXES = (".json", ".docx")
COL_FILE = "Fichier"
MAX_DRAFT_BYTES = 50 * 1024 * 1024


class DraftError(ValueError):
    """A draft that cannot be read; the message is French."""


def read_draft(path: Path, call_id: str | None = None) -> Dossier:
    size = path.stat().st_size
    if size > MAX_DRAFT_BYTES:
        raise DraftError("fichier trop volumineux pour un brouillon de dossier")
    raw = path.read_bytes()
    if path.suffix.lower() == ".json":
        try:
            return read_backup(raw)
        except BackupError as error:
            raise DraftError(str(error)) from None
    return _read_docx(raw, call_id or current_call_id())


def _read_docx(raw: bytes, call_id: str) -> Dossier:
    try:
        result = import_docx_isolated(raw, call_id)  # a Word draft names no edition
    except DocxImportError as error:
        raise DraftError(str(error)) from None
    return apply_import(Dossier(call_id=call_id), result)


def drafts_in(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$"))
    )


def check_folder(
    path: Path,
    as_csv: bool,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    call_id: str | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if not path.is_dir():
        print(f"Dossier introuvable : {path}", file=err)
        return 2
    files = drafts_in(path)
    if not files:
        print(f"Aucun brouillon .json ou .docx dans {path}.", file=err)
        return 1
    entries: list[tuple[str, Dossier, dt.datetime | None, int | None]] = []
    failures = 0
    for file in files:
        try:
            dossier = read_draft(file, call_id)
        except (DraftError, OSError) as error:
            failures += 1
            print(f"{file.name} : illisible — {error}", file=err)
            continue
        changed = dt.datetime.fromtimestamp(file.stat().st_mtime, tz=dt.UTC)
        entries.append((file.name, dossier, changed, None))
    if entries:
        frame = to_frame(dashboard_rows(entries))
        frame.insert(0, COL_FILE, list(frame.index))
        if as_csv:
            out.write(
                safe_frame(frame).to_csv(
                    index=False, sep=";", decimal=",", date_format="%d/%m/%Y %H:%M"
                )
            )
        else:
            out.write(_as_text(frame) + "\n")
    if failures:
        print(f"{failures} fichier(s) illisible(s) sur {len(files)}.", file=err)
    return 1 if failures else 0


def _as_text(frame: object) -> str:
    """One block per draft: long French headers do not fit side by side in a terminal."""
    blocks: list[str] = []
    for _, row in frame.iterrows():  # type: ignore[attr-defined]
        width = max(len(str(c)) for c in row.index)
        lines = [f"== {row[COL_FILE]} — {row[COL_PROJECT]}"]
        for column, value in row.items():
            if column in (COL_FILE, COL_PROJECT):
                continue
            shown = "" if _missing(value) else _format(value)
            lines.append(f"  {str(column).ljust(width)}  {shown}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _missing(value: object) -> bool:
    try:
        return bool(value != value) or value is None  # NaN and pandas NA
    except TypeError:  # pd.NA refuses bool()
        return True


def _format(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y %H:%M")  # type: ignore[no-any-return]
    return str(value)
