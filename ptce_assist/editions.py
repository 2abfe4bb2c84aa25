"""Where each edition of the call lives: one folder per edition, named by its id.

    ptce_assist/calls/<edition id>/
        call.toml       the call: rubrics, limits, criteria, legal forms, quotes (call.py)
        import.toml     how drafts name its rubrics and legal forms (docx_import/vocabulary.py)
        coverage.toml   what each rubric should say, ticked by the coach (coach/coverage.py)
        budget.toml     what the budget checks quote of the call (budget/categories.py)

Only `call.toml` is required; a missing file means « nothing of that kind for this edition ».
What is French language rather than one edition's rules (negations, placeholders, evidence
words...) is shared by every edition in `calls/lexicon/`.

More folders of editions (an edition being prepared, the tests' fixture edition) are named by
the environment variable PTCE_EDITIONS_DIRS (paths separated by the system's separator).
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

SHIPPED = Path(__file__).resolve().parent / "calls"
EXTRA_ENV = "PTCE_EDITIONS_DIRS"
CALL_FILE = "call.toml"
LEXICON = SHIPPED / "lexicon"


def edition_roots() -> tuple[Path, ...]:
    """Folders holding edition folders: the shipped one first, then PTCE_EDITIONS_DIRS."""
    extra = os.environ.get(EXTRA_ENV, "")
    return (SHIPPED, *(Path(p) for p in extra.split(os.pathsep) if p.strip()))


def _editions_in(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {f.name: f for f in sorted(root.iterdir()) if (f / CALL_FILE).is_file()}


def edition_folders() -> dict[str, Path]:
    """Edition id -> its folder (a folder is an edition when it holds a call.toml); a shipped
    edition wins over a folder of the same name elsewhere."""
    found: dict[str, Path] = {}
    for root in edition_roots():
        for call_id, folder in _editions_in(root).items():
            found.setdefault(call_id, folder)
    return found


@cache
def shipped_editions() -> tuple[str, ...]:
    """The editions shipped with the app (not those of PTCE_EDITIONS_DIRS)."""
    return tuple(_editions_in(SHIPPED))


def edition_folder(call_id: str) -> Path:
    folder = edition_folders().get(call_id)
    if folder is None:
        raise KeyError(f"Appel inconnu : {call_id}")
    return folder


def edition_file(call_id: str, name: str) -> Path | None:
    """A file of the edition's folder, or None when the edition (or the file) is unknown."""
    folder = edition_folders().get(call_id)
    path = folder / name if folder is not None else None
    return path if path is not None and path.is_file() else None


def read_toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def lexicon_toml(name: str) -> dict[str, Any]:
    """A word list shared by every edition (`calls/lexicon/<name>.toml`)."""
    return read_toml(LEXICON / f"{name}.toml")


def merged(shared: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """`shared` completed by an edition's `own` data: tables merge, lists add up."""
    out = dict(shared)
    for key, value in own.items():
        before = out.get(key)
        if isinstance(before, dict) and isinstance(value, dict):
            out[key] = merged(before, value)
        elif isinstance(before, list) and isinstance(value, list):
            out[key] = [*before, *value]
        else:
            out[key] = value
    return out
