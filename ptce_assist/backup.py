"""Reading a dossier back from a JSON backup, with French reasons for refusal."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from ptce_assist.call import available_calls
from ptce_assist.dossier import SCHEMA_VERSION, Dossier
from ptce_assist.filenames import safe_stem
from ptce_assist.text import clean_text

MAX_BACKUP_BYTES = 10 * 1024 * 1024


class BackupError(ValueError):
    """A file that cannot be read as a ptce-assist backup; the message is for the user."""


def read_backup(raw: bytes) -> Dossier:
    if len(raw) > MAX_BACKUP_BYTES:
        raise BackupError(
            "Ce fichier est trop volumineux pour être une sauvegarde (10 Mo au plus)."
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BackupError(
            "Ce fichier n'est pas un fichier texte JSON (encodage illisible)."
        ) from None
    except json.JSONDecodeError as error:
        raise BackupError(
            "Ce fichier JSON est incomplet ou abîmé "
            f"(erreur ligne {error.lineno}, colonne {error.colno}). Rien n'a été modifié."
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise BackupError("Ce fichier n'est pas une sauvegarde de ptce-assist.")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise BackupError(
            "Cette sauvegarde vient d'une version plus récente de ptce-assist : "
            "mettez l'outil à jour pour l'ouvrir."
        )
    if data.get("call_id", "ami_2024") not in available_calls():
        raise BackupError("Cette sauvegarde concerne un appel que cet outil ne connaît pas.")
    try:
        dossier = Dossier.model_validate(_cleaned(data))
    except ValidationError as error:
        where = ", ".join(".".join(str(p) for p in e["loc"]) for e in error.errors()[:3])
        raise BackupError(
            f"Cette sauvegarde contient des valeurs inattendues ({where}). Rien n'a été modifié."
        ) from None
    return dossier


def _cleaned(value: Any) -> Any:
    """Drop control characters from every string, as typing would."""
    if isinstance(value, str):
        return clean_text(value).text
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def backup_filename(dossier: Dossier) -> str:
    return f"{safe_stem(dossier.project.name, fallback='dossier-ptce')}-sauvegarde.json"
