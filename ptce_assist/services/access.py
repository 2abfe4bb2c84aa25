"""Who may write what in a dossier: checked here for every write, whatever a page shows or a
browser sends.

- The team holds the dossier's personal link (`?d=`): the link is the proof of access; they
  write everything but the adviser's column of the self-assessment.
- An adviser holds a workshop's adviser link (`?a=`) and opens a dossier of that workshop from
  the dashboard: they read everything and write only their own part (`ADVISER_PATH`: their
  score and comment on each selection criterion). Their link, and the dossier's membership of
  their workshop, are checked against the database on every write.
- A session that holds both (an adviser who was given the team's link) writes as the team and,
  while the dossier is in the adviser's workshop, in the adviser's column too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ptce_assist.dossier import Dossier
from ptce_assist.services.dossier_service import DossierService, Refused, SaveResult
from ptce_assist.storage import StoredDossier
from ptce_assist.storage.tokens import token_hash
from ptce_assist.workshops.access import AccessDenied, WorkshopService

ADVISER_PATH = re.compile(r"diagnostic\.self_assessment\.adviser\.[a-z0-9_]+\.(score|comment)")

ADVISER_READS_ONLY = (
    "Vous consultez le dossier de l'équipe en tant que conseillère ou conseiller : seules vos "
    "notes et vos commentaires d'auto-évaluation sont enregistrés. Rien n'a été modifié."
)
TEAM_NOT_ADVISER = (
    "La colonne du conseiller ne se remplit que depuis le tableau de bord de l'atelier. "
    "Rien n'a été modifié."
)


def adviser_path(path: str) -> bool:
    """Whether `path` is in the adviser's own part of the dossier."""
    return ADVISER_PATH.fullmatch(path) is not None


class DossierAccess(Protocol):
    """An open dossier as one session may reach it."""

    @property
    def scope(self) -> str:
        """Names the dossier and the writer in the browser's drafts, revealing no link."""
        ...

    @property
    def team(self) -> bool:
        """Whether the team's own texts and answers may be written."""
        ...

    @property
    def dossier_id(self) -> int | None: ...

    def load(self) -> StoredDossier | None: ...

    def may_write(self, path: str) -> bool: ...

    def save_value(
        self,
        path: str,
        value: Any,
        *,
        base_digest: str | None = None,
        expected: Any = None,
        author: str = "",
    ) -> SaveResult: ...

    def update_value(
        self, path: str, change: Callable[[Any], Any], *, author: str = ""
    ) -> SaveResult: ...

    def set_rubric_done(self, rubric_id: str, done: bool, *, author: str = "") -> SaveResult: ...

    def replace(
        self, dossier: Dossier, *, expected_version: int, author: str = ""
    ) -> SaveResult: ...


@dataclass(frozen=True)
class AdviserRight:
    """An adviser link and the dossier it claims to coach: `refusal()` asks the database."""

    workshops: WorkshopService
    adviser_token: str
    dossier_id: int

    def refusal(self) -> str | None:
        try:
            self.workshops.workshop_dossier(self.adviser_token, self.dossier_id)
        except AccessDenied as denied:
            return str(denied)
        return None

    def load(self) -> StoredDossier | None:
        try:
            return self.workshops.workshop_dossier(self.adviser_token, self.dossier_id)
        except AccessDenied:
            return None


@dataclass(frozen=True)
class TeamAccess:
    service: DossierService
    token: str
    adviser: AdviserRight | None = None  # the session's adviser, when they coach this dossier

    @property
    def scope(self) -> str:
        return token_hash(self.token)[:16]

    @property
    def team(self) -> bool:
        return True

    @property
    def dossier_id(self) -> int | None:
        return self.adviser.dossier_id if self.adviser is not None else None

    def load(self) -> StoredDossier | None:
        return self.service.load(self.token)

    def may_write(self, path: str) -> bool:
        return not adviser_path(path) or self.adviser is not None

    def _refusal(self, path: str) -> Refused | None:
        if not adviser_path(path):
            return None
        if self.adviser is None:
            return Refused(TEAM_NOT_ADVISER)
        refused = self.adviser.refusal()
        return Refused(refused) if refused else None

    def save_value(
        self,
        path: str,
        value: Any,
        *,
        base_digest: str | None = None,
        expected: Any = None,
        author: str = "",
    ) -> SaveResult:
        return self._refusal(path) or self.service.save_value(
            self.token, path, value, base_digest=base_digest, expected=expected, author=author
        )

    def update_value(
        self, path: str, change: Callable[[Any], Any], *, author: str = ""
    ) -> SaveResult:
        return self._refusal(path) or self.service.update_value(
            self.token, path, change, author=author
        )

    def set_rubric_done(self, rubric_id: str, done: bool, *, author: str = "") -> SaveResult:
        return self.service.set_rubric_done(self.token, rubric_id, done, author=author)

    def replace(self, dossier: Dossier, *, expected_version: int, author: str = "") -> SaveResult:
        return self.service.replace(
            self.token, dossier, expected_version=expected_version, author=author
        )


@dataclass(frozen=True)
class AdviserAccess:
    """A dossier opened from the adviser's dashboard: read all, write the adviser's part."""

    service: DossierService
    right: AdviserRight

    @property
    def scope(self) -> str:
        return "c" + token_hash(f"{self.right.adviser_token}:{self.right.dossier_id}")[:15]

    @property
    def team(self) -> bool:
        return False

    @property
    def dossier_id(self) -> int | None:
        return self.right.dossier_id

    def load(self) -> StoredDossier | None:
        return self.right.load()

    def may_write(self, path: str) -> bool:
        return adviser_path(path)

    def _refusal(self, path: str) -> Refused | None:
        if not adviser_path(path):
            return Refused(ADVISER_READS_ONLY)
        refused = self.right.refusal()
        return Refused(refused) if refused else None

    def save_value(
        self,
        path: str,
        value: Any,
        *,
        base_digest: str | None = None,
        expected: Any = None,
        author: str = "",
    ) -> SaveResult:
        return self._refusal(path) or self.service.save_value_by_id(
            self.right.dossier_id,
            path,
            value,
            base_digest=base_digest,
            expected=expected,
            author=author,
        )

    def update_value(
        self, path: str, change: Callable[[Any], Any], *, author: str = ""
    ) -> SaveResult:
        dossier_id = self.right.dossier_id
        return self._refusal(path) or self.service.update_value_by_id(
            dossier_id, path, change, author=author
        )

    def set_rubric_done(self, rubric_id: str, done: bool, *, author: str = "") -> SaveResult:
        return Refused(ADVISER_READS_ONLY)

    def replace(self, dossier: Dossier, *, expected_version: int, author: str = "") -> SaveResult:
        return Refused(ADVISER_READS_ONLY)


__all__ = [
    "ADVISER_READS_ONLY",
    "TEAM_NOT_ADVISER",
    "AdviserAccess",
    "AdviserRight",
    "DossierAccess",
    "TeamAccess",
    "adviser_path",
]
