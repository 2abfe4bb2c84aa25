"""Reading a dossier back from a JSON backup, with French reasons for refusal.

A backup is written by the candidate's own hands as far as the server knows: its cost is
bounded before parsing (size, nesting, number of values, digits of a number), its texts get
the caps typing has, and what only an adviser may write (their self-assessment scores) is
never taken from it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ptce_assist.call import DEFAULT_CALL_ID, available_calls
from ptce_assist.dossier import SCHEMA_VERSION, Dossier
from ptce_assist.filenames import safe_stem
from ptce_assist.text import MAX_FIELD_CHARS, clean_text, oversized_field, thousands

MAX_BACKUP_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32
"""Deepest nesting read (a dossier is 6 levels deep)."""
MAX_VALUES = 200_000
"""Most strings, numbers and brackets read (a full dossier holds a few thousand)."""
MAX_NUMBER_CHARS = 40
"""Longest number read (amounts are cents below 10^11)."""
ADVISER_PATH = ("diagnostic", "self_assessment", "adviser")
"""What only the adviser of the dossier's workshop may write."""

ADVISER_DROPPED = (
    "Les notes et commentaires du conseiller (Auto-évaluation) contenus dans ce fichier n'ont "
    "pas été repris : seul le conseiller de votre atelier peut les écrire, dans l'outil."
)
_TOO_COMPLEX = (
    "Ce fichier est bien plus imbriqué ou plus chargé qu'une sauvegarde de ptce-assist : "
    "il n'a pas été lu. Rien n'a été modifié."
)
# One JSON token at a time: a string, a bracket, or a bare number or literal.
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]|[^\s"\[\]{},:]+')


class BackupError(ValueError):
    """A file that cannot be read as a ptce-assist backup; the message is for the user."""


@dataclass(frozen=True)
class Restored:
    dossier: Dossier
    notes: tuple[str, ...]  # French: what was left out of the file, for the user


def read_backup(raw: bytes) -> Dossier:
    return load_backup(raw).dossier


def load_backup(raw: bytes) -> Restored:
    """The dossier of a backup and French notes on what was not taken from it."""
    if len(raw) > MAX_BACKUP_BYTES:
        raise BackupError(
            "Ce fichier est trop volumineux pour être une sauvegarde (10 Mo au plus)."
        )
    _check_shape(raw)
    try:
        data = json.loads(
            raw.decode("utf-8-sig"),
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_no_constant,
        )
    except UnicodeDecodeError:
        raise BackupError(
            "Ce fichier n'est pas un fichier texte JSON (encodage illisible)."
        ) from None
    except json.JSONDecodeError as error:
        raise BackupError(
            "Ce fichier JSON est incomplet ou abîmé "
            f"(erreur ligne {error.lineno}, colonne {error.colno}). Rien n'a été modifié."
        ) from None
    except BackupError:
        raise
    except (ValueError, RecursionError):
        raise BackupError(_TOO_COMPLEX) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise BackupError("Ce fichier n'est pas une sauvegarde de ptce-assist.")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise BackupError(
            "Cette sauvegarde vient d'une version plus récente de ptce-assist : "
            "mettez l'outil à jour pour l'ouvrir."
        )
    data.setdefault("call_id", DEFAULT_CALL_ID)  # written before dossiers named their edition
    if data["call_id"] not in available_calls():
        raise BackupError("Cette sauvegarde concerne un appel que cet outil ne connaît pas.")
    notes = [ADVISER_DROPPED] if _drop_adviser_part(data) else []
    oversized = oversized_field(data)
    if oversized is not None:
        raise BackupError(too_long_in_backup(*oversized))
    try:
        dossier = Dossier.model_validate(_cleaned(data))
    except ValidationError as error:
        where = ", ".join(".".join(_short(str(p)) for p in e["loc"]) for e in error.errors()[:3])
        raise BackupError(
            f"Cette sauvegarde contient des valeurs inattendues ({where}). Rien n'a été modifié."
        ) from None
    return Restored(dossier, tuple(notes))


def keep_adviser_part(restored: Dossier, current: Dossier) -> Dossier:
    """`restored` with the adviser's scores of `current` (a backup can neither forge nor
    erase them)."""
    copy = restored.model_copy(deep=True)
    copy.diagnostic.self_assessment.adviser = dict(current.diagnostic.self_assessment.adviser)
    return copy


def _check_shape(raw: bytes) -> None:
    """Refuse, before parsing, what would cost far more than a backup: deep nesting, millions
    of values, numbers of thousands of digits (Python refuses those with an English error)."""
    depth = 0
    for count, token in enumerate(_TOKEN.finditer(raw)):
        first = token.group()[:1]
        if first in (b"[", b"{"):
            depth += 1
        elif first in (b"]", b"}"):
            depth -= 1
        elif first != b'"' and len(token.group()) > MAX_NUMBER_CHARS:
            raise BackupError(_long_number(len(token.group())))
        if depth > MAX_DEPTH or count >= MAX_VALUES:
            raise BackupError(_TOO_COMPLEX)


def _number(kind: type[int] | type[float]) -> Any:
    def parse(text: str) -> int | float:
        if len(text) > MAX_NUMBER_CHARS:
            raise BackupError(_long_number(len(text)))
        return kind(text)

    return parse


def _long_number(digits: int) -> str:
    return (
        f"Ce fichier contient un nombre de {thousands(digits)} chiffres, bien trop long pour "
        "une sauvegarde : il n'a pas été lu. Rien n'a été modifié."
    )


def _no_constant(name: str) -> Any:
    raise BackupError(
        f"Ce fichier JSON contient une valeur invalide ({name}). Rien n'a été modifié."
    )


def _drop_adviser_part(data: dict[str, Any]) -> bool:
    """Remove the adviser's part; True when it held something."""
    node: Any = data
    for key in ADVISER_PATH[:-1]:
        node = node.get(key) if isinstance(node, dict) else None
    if not isinstance(node, dict) or ADVISER_PATH[-1] not in node:
        return False
    return bool(node.pop(ADVISER_PATH[-1]))


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _cleaned(value: Any) -> Any:
    """Drop control characters from every string, as typing would."""
    if isinstance(value, str):
        return clean_text(value).text
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def too_long_in_backup(path: str, length: int) -> str:
    where = _short(path, 120)
    return (
        f"Le champ « {where} » de cette sauvegarde compte {thousands(length)} caractères, "
        f"au-delà des {thousands(MAX_FIELD_CHARS)} acceptés : rien n'a été modifié."
    )


def backup_filename(dossier: Dossier) -> str:
    return f"{safe_stem(dossier.project.name, fallback='dossier-ptce')}-sauvegarde.json"
