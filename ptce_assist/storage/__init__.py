"""Durable storage of dossiers (SQLite by default, PostgreSQL by URL)."""

from ptce_assist.storage.engine import database_url, make_engine
from ptce_assist.storage.repository import (
    DossierStore,
    FieldConflict,
    StoredDossier,
    UnknownDossier,
    VersionConflict,
)

__all__ = [
    "DossierStore",
    "FieldConflict",
    "StoredDossier",
    "UnknownDossier",
    "VersionConflict",
    "database_url",
    "make_engine",
]
