"""The one place where a page's edits become saves (see `dossier_service`)."""

from ptce_assist.fingerprint import value_digest
from ptce_assist.services.dossier_service import (
    Conflict,
    DossierService,
    Refused,
    Saved,
    SaveResult,
)

__all__ = [
    "Conflict",
    "DossierService",
    "Refused",
    "SaveResult",
    "Saved",
    "value_digest",
]
