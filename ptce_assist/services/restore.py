"""Replacing an open dossier by a backup file: read it, keep the adviser's part, save it.

A file that cannot be read changes nothing (`Refused`, with the French reason); a change made
elsewhere since the page was read is a `Conflict`, not an overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptce_assist.backup import BackupError, keep_adviser_part, load_backup
from ptce_assist.services.access import DossierAccess
from ptce_assist.services.dossier_service import Refused, SaveResult
from ptce_assist.storage import StoredDossier


@dataclass(frozen=True)
class Restored:
    result: SaveResult
    notes: tuple[str, ...] = ()  # French: what the file held but was not taken


def replace_with_backup(access: DossierAccess, raw: bytes, current: StoredDossier) -> Restored:
    """Through the session's access: only the team's link may replace its dossier."""
    try:
        restored = load_backup(raw)
    except BackupError as error:
        return Restored(Refused(str(error)))
    dossier = keep_adviser_part(restored.dossier, current.dossier)
    return Restored(access.replace(dossier, expected_version=current.version), restored.notes)
