"""The dossier service: every edit a person makes becomes a save here, and only here.

Pages and widgets hand it what was typed (a field, a rubric, a table, the budget, a whole
dossier from an import or a backup) with what the person was looking at when they typed it:
the stored value's fingerprint (`value_digest`) or the dossier's version. The service cleans
the text, applies the caps every way in shares, and saves through the store's version check,
so a change made meanwhile in another tab is never overwritten silently. It answers with a
result, never an exception: `Saved`, `Conflict` (theirs and mine, for the person to choose)
or `Refused` (a French sentence; nothing was written).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from pydantic import ValidationError

from ptce_assist.dossier import Dossier, get_path
from ptce_assist.fingerprint import value_digest
from ptce_assist.storage import (
    DossierStore,
    FieldConflict,
    StoredDossier,
    UnknownDossier,
    VersionConflict,
)
from ptce_assist.storage.history import HistoryStore
from ptce_assist.text import MAX_FIELD_CHARS, clean_text, removed_message, too_long_message

LOGGER = logging.getLogger(__name__)

MAX_ROWS = 500
"""Largest table (actors, territories, budget lines) any way in accepts."""

STORAGE_FAILED = (
    "L'enregistrement a échoué (base de données indisponible ou pleine). Votre saisie reste "
    "dans la page et dans ce navigateur : ne fermez pas la page, elle sera enregistrée dès que "
    "possible."
)
UNKNOWN_DOSSIER = "Ce dossier n'existe plus : rien n'a pu être enregistré."
UNKNOWN_VERSION = "Cette version n'existe pas dans l'historique de ce dossier."
INVALID_VALUE = "Cette valeur n'a pas pu être enregistrée : elle ne correspond pas au dossier."
TOO_MANY_ROWS = f"Un tableau compte au plus {MAX_ROWS} lignes : rien n'a été enregistré."
CREATE_FAILED = (
    "Le dossier n'a pas pu être créé : la base de données du serveur est indisponible, pleine "
    "ou en lecture seule. Réessayez dans quelques minutes ; si cela dure, prévenez l'équipe "
    "qui gère l'outil."
)


@dataclass(frozen=True)
class Saved:
    stored: StoredDossier
    value: Any  # what the dossier now holds at the path (the text as cleaned)
    notice: str | None = None  # e.g. invisible characters removed


@dataclass(frozen=True)
class Conflict:
    path: str
    mine: Any
    theirs: Any
    stored: StoredDossier


@dataclass(frozen=True)
class Refused:
    message: str
    temporary: bool = False  # the database failed: the same save may succeed later


SaveResult = Saved | Conflict | Refused


class _Setter(Protocol):
    def __call__(
        self, path: str, value: Any, *, expected: Any, expected_digest: str | None
    ) -> StoredDossier: ...


def done_marks(rubric_id: str, done: bool) -> Callable[[Any], list[str]]:
    """The change to `completed_rubrics` that marks `rubric_id` done or not."""

    def marked(before: Any) -> list[str]:
        marks = list(before or [])
        return sorted({*marks, rubric_id}) if done else [r for r in marks if r != rubric_id]

    return marked


@dataclass(frozen=True)
class _Cleaned:
    value: Any
    removed: int


def _clean(value: Any) -> _Cleaned | Refused:
    """Clean every string of a JSON value; refuse what no field may hold."""
    if isinstance(value, str):
        if len(value) > MAX_FIELD_CHARS:
            return Refused(too_long_message(len(value)))
        cleaned = clean_text(value)
        return _Cleaned(cleaned.text, cleaned.removed)
    if isinstance(value, list):
        if len(value) > MAX_ROWS:
            return Refused(TOO_MANY_ROWS)
        items, removed = [], 0
        for item in value:
            part = _clean(item)
            if isinstance(part, Refused):
                return part
            items.append(part.value)
            removed += part.removed
        return _Cleaned(items, removed)
    if isinstance(value, dict):
        mapping, removed = {}, 0
        for key, item in value.items():
            part = _clean(item)
            if isinstance(part, Refused):
                return part
            mapping[key] = part.value
            removed += part.removed
        return _Cleaned(mapping, removed)
    return _Cleaned(value, 0)


class DossierService:
    def __init__(self, store: DossierStore) -> None:
        self.store = store

    # -- reading -----------------------------------------------------------------------------
    def load(self, token: str) -> StoredDossier | None:
        return self.store.load(token)

    # -- creating ----------------------------------------------------------------------------
    def create(
        self, dossier: Dossier | None = None, *, author: str = ""
    ) -> tuple[str, StoredDossier] | Refused:
        try:
            return self.store.create(dossier, author=author)
        except Exception:
            LOGGER.exception("Creating a dossier failed")
            return Refused(CREATE_FAILED, temporary=True)

    # -- one field ---------------------------------------------------------------------------
    def save_value(
        self,
        token: str,
        path: str,
        value: Any,
        *,
        base_digest: str | None = None,
        expected: Any = None,
        author: str = "",
        milestone: bool = False,
    ) -> SaveResult:
        """Save `value` at `path` if the stored value is still the one the person edited:
        the one with fingerprint `base_digest`, else `expected`. `author` (a first name) is
        written in the field's history."""
        setter = partial(self.store.set_field, token, author=author, milestone=milestone)
        return self._save(setter, path, value, base_digest, expected)

    def save_value_by_id(
        self,
        dossier_id: int,
        path: str,
        value: Any,
        *,
        base_digest: str | None = None,
        expected: Any = None,
        author: str = "",
    ) -> SaveResult:
        """`save_value` for a caller who reaches the dossier by its id: only `services.access`,
        once it has checked that the writer may write there."""
        setter = partial(self.store.set_field_by_id, dossier_id, author=author)
        return self._save(setter, path, value, base_digest, expected)

    def _save(
        self, setter: _Setter, path: str, value: Any, base_digest: str | None, expected: Any
    ) -> SaveResult:
        cleaned = _clean(value)
        if isinstance(cleaned, Refused):
            return cleaned
        try:
            stored = setter(path, cleaned.value, expected=expected, expected_digest=base_digest)
        except FieldConflict as conflict:
            return Conflict(path, cleaned.value, conflict.current_value, conflict.current)
        except UnknownDossier:
            return Refused(UNKNOWN_DOSSIER)
        except ValidationError:
            LOGGER.warning("value refused by the dossier model at %s", path)
            return Refused(INVALID_VALUE)
        except Exception:
            LOGGER.exception("save failed at %s", path)
            return Refused(STORAGE_FAILED, temporary=True)
        notice = removed_message(cleaned.removed) if cleaned.removed else None
        return Saved(stored, get_path(stored.dossier.model_dump(mode="json"), path), notice)

    def update_value(
        self, token: str, path: str, change: Callable[[Any], Any], *, author: str = ""
    ) -> SaveResult:
        """Save `change(what the server holds at path now)`: for an edit that applies to the
        current value whatever it is (a mark, a structural change), not to a value the person
        typed from what they saw."""
        return self._update(
            partial(self.store.load, token),
            partial(self.save_value, token, author=author),
            path,
            change,
        )

    def update_value_by_id(
        self, dossier_id: int, path: str, change: Callable[[Any], Any], *, author: str = ""
    ) -> SaveResult:
        load = partial(self.store.load_by_id, dossier_id)
        save = partial(self.save_value_by_id, dossier_id, author=author)
        return self._update(load, save, path, change)

    def _update(
        self,
        load: Callable[[], StoredDossier | None],
        save: Callable[..., SaveResult],
        path: str,
        change: Callable[[Any], Any],
    ) -> SaveResult:
        for _ in range(3):  # the value may change between the read and the write: retry
            try:
                stored = load()
            except Exception:
                LOGGER.exception("load failed before an update at %s", path)
                return Refused(STORAGE_FAILED, temporary=True)
            if stored is None:
                return Refused(UNKNOWN_DOSSIER)
            before = get_path(stored.dossier.model_dump(mode="json"), path)
            result = save(path, change(before), expected=before)
            if not isinstance(result, Conflict):
                return result
        return Refused(STORAGE_FAILED, temporary=True)

    def set_rubric_done(
        self, token: str, rubric_id: str, done: bool, *, author: str = ""
    ) -> SaveResult:
        """Mark a rubric complete or not; other rubrics' marks made meanwhile are kept."""
        return self.update_value(
            token, "completed_rubrics", done_marks(rubric_id, done), author=author
        )

    # -- the whole dossier -------------------------------------------------------------------
    def replace(
        self, token: str, dossier: Dossier, *, expected_version: int, author: str = ""
    ) -> SaveResult:
        """Replace the whole dossier (restore from a backup, accepted import)."""
        try:
            stored = self.store.replace(
                token, dossier, expected_version=expected_version, author=author
            )
        except VersionConflict as conflict:
            return Conflict("", dossier, conflict.current.dossier, conflict.current)
        except UnknownDossier:
            return Refused(UNKNOWN_DOSSIER)
        except Exception:
            LOGGER.exception("replace failed")
            return Refused(STORAGE_FAILED, temporary=True)
        return Saved(stored, None)

    # -- history and link --------------------------------------------------------------------
    def history(self) -> HistoryStore:
        return HistoryStore(self.store.engine)

    def restore_version(self, token: str, version_id: int, *, author: str = "") -> SaveResult:
        """Put an earlier version of a field back: a new version of its own (nothing is
        destroyed), over whatever the field holds now (the person chose it in the history).
        Only a version of the token's own dossier can be restored."""
        try:
            stored = self.store.load(token)
            version = self.history().version(stored.id, version_id) if stored else None
        except Exception:
            LOGGER.exception("load failed before a restore")
            return Refused(STORAGE_FAILED, temporary=True)
        if stored is None:
            return Refused(UNKNOWN_DOSSIER)
        if version is None:
            return Refused(UNKNOWN_VERSION)
        current = get_path(stored.dossier.model_dump(mode="json"), version.path)
        return self.save_value(
            token,
            version.path,
            version.value,
            base_digest=value_digest(current),
            author=author,
            milestone=True,
        )

    def replace_link(self, token: str) -> tuple[str, StoredDossier] | Refused:
        """A new personal link; the old one stops working."""
        try:
            return self.store.replace_link(token)
        except UnknownDossier:
            return Refused(UNKNOWN_DOSSIER)
        except Exception:
            LOGGER.exception("link replacement failed")
            return Refused(STORAGE_FAILED, temporary=True)
