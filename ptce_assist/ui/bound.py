"""The Python side of a browser field bound to one path of the open dossier (the browser side
is static/ptce/sync.js).

Every run gives the field what the server holds (`saved`, its fingerprint), the result of the
last save, and the last payload processed (`ack`). The field sends `{v, base, seq}`; the change
callback saves `v` through the dossier service only if the stored value still has the
fingerprint `base` (what the person edited), else it records a conflict for them to settle.
All of it is page-scoped state ("p:" keys, see `context`): a page shown anew starts afresh.

A save's outcome is kept in the field's book, a plain dict held in the session state, and the
callback writes it there before any other Streamlit call. Streamlit stops or restarts a run at
any Streamlit call made while a newer request waits (every session-state read or write is
one): a rerun asked while a pasted megabyte was being saved stopped the callback after the
save and before its outcome was kept, so the page never said what the save had removed and
the field took the cleaned text for a change made elsewhere.

A field may hold another form of the value than the dossier (a table holds rows of strings,
the dossier budget lines): `view` turns the stored value into the field's form, and the change
callback's `normalise` turns what the field sends back into the stored form. The fingerprint
is always the stored value's.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ptce_assist.fingerprint import value_digest
from ptce_assist.services import Conflict, Refused, Saved, SaveResult
from ptce_assist.services.access import DossierAccess
from ptce_assist.ui import team
from ptce_assist.ui.context import PAGE_PREFIX, OpenDossier, current_open, note_saved

_COUNTER = itertools.count(1)


def widget_key(path: str) -> str:
    return f"{PAGE_PREFIX}{path}#field"


# What a field's book holds: "seed_id", "seed" (a value the field must show), "status", "ack"
# (the last payload processed), "notice", "conflict", "rebase", "mine" (fingerprint of what
# this page saved last at the path) and "lineage" (see `own_base`).
Book = dict[str, Any]


def _book(path: str) -> Book:
    key = f"{PAGE_PREFIX}{path}#book"
    book = st.session_state.get(key)
    if not isinstance(book, dict):
        book = {}
        st.session_state[key] = book
    return book


View = Callable[[Any], Any]


def field_data(
    open_dossier: OpenDossier, path: str, *, readonly: bool = False, view: View | None = None
) -> dict[str, Any]:
    """What the browser field needs on this run (merged with the component's own data)."""
    book = _book(path)
    seed_id = book.setdefault("seed_id", 0)
    stored = open_dossier.value(path)
    changed_here = team.watch(path, stored)
    return {
        "scope": open_dossier.scope,
        "path": path,
        "seed_id": seed_id,
        "seed": book.get("seed"),
        "saved": view(stored) if view is not None else stored,
        "saved_digest": open_dossier.digest(path),
        "status": book.get("status", "ok"),
        "ack": book.get("ack"),
        "rebase": book.get("rebase"),
        # What this session may not write (an adviser reading a team's dossier) is read only,
        # whatever the page asked: the access layer would refuse the save anyway.
        "readonly": readonly or not open_dossier.may_write(path),
        # Who saved it, only when the value changed since this page last showed it (the field
        # may then have been saved elsewhere): no history read on an ordinary run.
        "last_change": open_dossier.last_change(path) if changed_here else None,
    }


def payload(path: str) -> Mapping[str, Any] | None:
    """The latest `{v, base, seq}` the browser sent for `path` (None before any)."""
    state = st.session_state.get(widget_key(path))
    value = state.get("payload") if isinstance(state, Mapping) else None
    return value if isinstance(value, Mapping) and "v" in value else None


def on_change(path: str, normalise: Callable[[Any], Any] | None = None) -> None:
    """Change callback of a bound field: save what the browser sent."""
    sent = payload(path)
    if sent is None:
        return
    book = _book(path)
    value = sent.get("v")
    if normalise is not None:
        value = normalise(value)
    base = sent.get("base")
    base = base if isinstance(base, str) else value_digest(None)
    lineage = book.get("lineage", {})
    effective = own_base(lineage, base)
    saving = _Saving.begin(path)
    if saving is None:
        return
    # No Streamlit call from here until the outcome is in the book (see the module's doc).
    result = saving.save(value, effective, book)
    book["ack"] = sent.get("seq")  # processed: said with the outcome, never before the save
    if _remember(book, result):
        assert isinstance(result, Saved)
        book["lineage"] = advance(lineage, base, effective, value_digest(result.value))
    _after(result)


# A browser sends its next payload before the run that saved the previous one has answered
# when the server is slow (40 typists: a reply after more than the send interval); that
# payload still carries the fingerprint the previous one started from. It edits on top of
# this session's own save, not someone else's: `lineage` maps each fingerprint this session
# has saved over to what it saved last, so it is not taken for a conflict. A value saved by
# anyone else meanwhile still is one (the stored value is then not this session's last).
def own_base(lineage: Mapping[str, str], base: str) -> str:
    """The fingerprint a payload sent from `base` really edits, after this session's saves."""
    return lineage.get(base, base)


def advance(lineage: Mapping[str, str], base: str, effective: str, saved: str) -> dict[str, str]:
    """`lineage` after this session saved `saved` over `effective` (sent from `base`)."""
    return {**dict.fromkeys(lineage, saved), base: saved, effective: saved}


@dataclass(frozen=True)
class _Saving:
    """What a save needs from the session, read before it (each read may stop the run)."""

    path: str
    access: DossierAccess  # the session's rights: the access layer refuses what they exclude
    author: str

    @classmethod
    def begin(cls, path: str) -> _Saving | None:
        opened = current_open()
        if opened is None:
            return None
        return cls(path, opened.access, team.member_name())

    def save(self, value: Any, base_digest: str, book: Book) -> SaveResult:
        """Save through the service; no Streamlit call."""
        result: SaveResult = self.access.save_value(
            self.path, value, base_digest=base_digest, author=self.author
        )
        if isinstance(result, Conflict) and book.get("mine") == value_digest(result.theirs):
            # The server holds what this page saved last: this send left before that save
            # was acknowledged, from the same base. Not a change made elsewhere.
            result = self.access.save_value(
                self.path, value, base_digest=value_digest(result.theirs), author=self.author
            )
        return result


def save(path: str, value: Any, *, base_digest: str) -> bool:
    """Save through the service; remember the outcome for the next run. True if saved."""
    book = _book(path)
    saving = _Saving.begin(path)
    if saving is None:
        return False
    result = saving.save(value, base_digest, book)
    saved = _remember(book, result)
    _after(result)
    return saved


def update(path: str, change: Callable[[Any], Any]) -> bool:
    """Save `change(the value stored now)`: for an edit that applies to whatever the server
    holds (e.g. the budget's duration), not to a value typed from what the person saw."""
    book = _book(path)
    saving = _Saving.begin(path)
    if saving is None:
        return False
    result = saving.access.update_value(path, change, author=saving.author)
    saved = _remember(book, result)
    _after(result)
    return saved


def _remember(book: Book, result: SaveResult) -> bool:
    """Keep the outcome of a save in the field's book (status, notice, conflict): plain dict
    writes, no Streamlit call. True if saved."""
    if isinstance(result, Saved):
        book["mine"] = value_digest(result.value)
        book["status"] = "ok"
        book.pop("conflict", None)
        if result.notice:
            book["notice"] = ("warning", result.notice)
        else:
            book.pop("notice", None)
        return True
    if isinstance(result, Conflict):
        book["status"] = "conflict"
        book["conflict"] = {"mine": result.mine, "theirs": result.theirs}
        return False
    assert isinstance(result, Refused)
    book["status"] = "error" if result.temporary else "refused"
    book["notice"] = ("error", result.message)
    return False


def _after(result: SaveResult) -> None:
    """Once the outcome is kept: this run reads the dossier as saved (if the run is stopped
    here, the next one reads it from the database)."""
    if isinstance(result, Saved):
        note_saved(result.stored)


def take_conflict(path: str) -> Any:
    """The conflict the last save at `path` met, forgotten once taken (None if none)."""
    return _book(path).pop("conflict", None)


def reseed(path: str, value: Any) -> None:
    """Replace what the browser field holds by `value` (an explicit choice of the person)."""
    book = _book(path)
    book["seed"] = value
    book["seed_id"] = book.get("seed_id", 0) + 1
    book["status"] = "ok"
    book.pop("conflict", None)
    book.pop("lineage", None)  # edits start again from `value`


def keep_mine(path: str, theirs: Any) -> None:
    """After a conflict: the browser sends its value again, edited from `theirs`."""
    book = _book(path)
    book["rebase"] = {"id": next(_COUNTER), "digest": value_digest(theirs)}
    book["status"] = "ok"
    book.pop("conflict", None)
    book.pop("lineage", None)


def _show(value: Any, show: Callable[[Any], None] | None) -> None:
    if show is not None:
        show(value)
    else:
        st.text(str(value if value is not None else ""))


def feedback(
    path: str,
    *,
    show_theirs: Callable[[Any], None] | None = None,
    on_keep: Callable[[Any, Any], None] | None = None,
    on_take: Callable[[Any], None] | None = None,
    view: View | None = None,
) -> None:
    """Under the field: the last notice, and a conflict to settle. By default "keep mine"
    has the browser field send its value again and "take theirs" shows theirs in it (in the
    field's form: `view`); `on_keep(mine, theirs)` and `on_take(theirs)` replace that for
    other widgets."""
    book = _book(path)
    # A notice stays until the field's next save replaces it: dropped once shown, it was
    # lost when the run that showed it was cut short by the next one (a megabyte pasted
    # with control characters: the field sent again during the long run).
    notice = book.get("notice")
    if notice:
        level, message = notice
        (st.error if level == "error" else st.warning)(message)
    conflict = book.get("conflict")
    if not conflict:
        return
    theirs = conflict["theirs"]
    st.warning(
        "Ce champ a été modifié ailleurs (autre onglet ou autre membre de l'équipe) depuis "
        "que vous l'avez ouvert : votre version n'a pas été enregistrée. Que voulez-vous garder ?"
    )
    mine_column, theirs_column = st.columns(2)
    with mine_column:
        st.caption("Votre version (pas encore enregistrée)")
        _show(conflict["mine"], show_theirs)
    with theirs_column:
        st.caption("La version enregistrée")
        _show(theirs, show_theirs)

    def keep() -> None:
        if on_keep is None:
            keep_mine(path, theirs)
        else:
            on_keep(conflict["mine"], theirs)

    def take() -> None:
        reseed(path, view(theirs) if view is not None else theirs)
        if on_take is not None:
            on_take(theirs)

    left, right = st.columns(2)
    buttons = f"{PAGE_PREFIX}{path}#conflict"
    left.button("Garder ma version", key=f"{buttons}:keep", on_click=keep)
    right.button("Reprendre la version enregistrée", key=f"{buttons}:take", on_click=take)
