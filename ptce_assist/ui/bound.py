"""The Python side of a browser field bound to one path of the open dossier (the browser side
is static/ptce/sync.js).

Every run gives the field what the server holds (`saved`, its fingerprint), the result of the
last save, and the last payload processed (`ack`). The field sends `{v, base, seq}`; the change
callback saves `v` through the dossier service only if the stored value still has the
fingerprint `base` (what the person edited), else it records a conflict for them to settle.
All of it is page-scoped state ("p:" keys, see `context`): a page shown anew starts afresh.

A field may hold another form of the value than the dossier (a table holds rows of strings,
the dossier budget lines): `view` turns the stored value into the field's form, and the change
callback's `normalise` turns what the field sends back into the stored form. The fingerprint
is always the stored value's.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from ptce_assist.fingerprint import value_digest
from ptce_assist.services import Conflict, Refused, Saved, SaveResult
from ptce_assist.ui import team
from ptce_assist.ui.context import PAGE_PREFIX, OpenDossier, current_open, note_saved

_COUNTER = itertools.count(1)


def _keys(path: str) -> dict[str, str]:
    base = f"{PAGE_PREFIX}{path}"
    return {
        "widget": f"{base}#field",
        "seed_id": f"{base}#seed-id",
        "seed": f"{base}#seed",
        "status": f"{base}#status",
        "ack": f"{base}#ack",
        "notice": f"{base}#notice",
        "conflict": f"{base}#conflict",
        "rebase": f"{base}#rebase",
        "mine": f"{base}#mine",  # fingerprint of what this page saved last at the path
        "lineage": f"{base}#lineage",
    }


def widget_key(path: str) -> str:
    return _keys(path)["widget"]


View = Callable[[Any], Any]


def field_data(
    open_dossier: OpenDossier, path: str, *, readonly: bool = False, view: View | None = None
) -> dict[str, Any]:
    """What the browser field needs on this run (merged with the component's own data)."""
    keys = _keys(path)
    state = st.session_state
    seed_id = state.setdefault(keys["seed_id"], 0)
    stored = open_dossier.value(path)
    changed_here = team.watch(path, stored)
    return {
        "scope": open_dossier.scope,
        "path": path,
        "seed_id": seed_id,
        "seed": state.get(keys["seed"]),
        "saved": view(stored) if view is not None else stored,
        "saved_digest": open_dossier.digest(path),
        "status": state.get(keys["status"], "ok"),
        "ack": state.get(keys["ack"]),
        "rebase": state.get(keys["rebase"]),
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
    keys = _keys(path)
    st.session_state[keys["ack"]] = sent.get("seq")
    value = sent.get("v")
    if normalise is not None:
        value = normalise(value)
    base = sent.get("base")
    base = base if isinstance(base, str) else value_digest(None)
    lineage = st.session_state.get(keys["lineage"], {})
    effective = own_base(lineage, base)
    if save(path, value, base_digest=effective):
        found = current_open()
        saved = found.digest(path) if found is not None else value_digest(value)
        st.session_state[keys["lineage"]] = advance(lineage, base, effective, saved)


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


def save(path: str, value: Any, *, base_digest: str) -> bool:
    """Save through the service; remember the outcome for the next run. True if saved."""
    opened = current_open()
    if opened is None:
        return False
    access = opened.access  # the session's rights: the access layer refuses what they exclude
    author = team.member_name()
    result = access.save_value(path, value, base_digest=base_digest, author=author)
    if isinstance(result, Conflict) and st.session_state.get(_keys(path)["mine"]) == (
        value_digest(result.theirs)
    ):
        # The server holds what this page saved last: this send left before that save was
        # acknowledged, from the same base. Not a change made elsewhere.
        result = access.save_value(
            path, value, base_digest=value_digest(result.theirs), author=author
        )
    return _remember(path, result)


def update(path: str, change: Callable[[Any], Any]) -> bool:
    """Save `change(the value stored now)`: for an edit that applies to whatever the server
    holds (e.g. the budget's duration), not to a value typed from what the person saw."""
    opened = current_open()
    if opened is None:
        return False
    return _remember(path, opened.access.update_value(path, change, author=team.member_name()))


def _remember(path: str, result: SaveResult) -> bool:
    """Keep the outcome of a save for the next run (status, notice, conflict)."""
    keys = _keys(path)
    if isinstance(result, Saved):
        st.session_state[keys["mine"]] = value_digest(result.value)
        st.session_state[keys["status"]] = "ok"
        st.session_state.pop(keys["conflict"], None)
        if result.notice:
            st.session_state[keys["notice"]] = ("warning", result.notice)
        else:
            st.session_state.pop(keys["notice"], None)
        note_saved(result.stored)
        return True
    if isinstance(result, Conflict):
        st.session_state[keys["status"]] = "conflict"
        st.session_state[keys["conflict"]] = {"mine": result.mine, "theirs": result.theirs}
        return False
    assert isinstance(result, Refused)
    st.session_state[keys["status"]] = "error" if result.temporary else "refused"
    st.session_state[keys["notice"]] = ("error", result.message)
    return False


def reseed(path: str, value: Any) -> None:
    """Replace what the browser field holds by `value` (an explicit choice of the person)."""
    keys = _keys(path)
    st.session_state[keys["seed"]] = value
    st.session_state[keys["seed_id"]] = st.session_state.get(keys["seed_id"], 0) + 1
    st.session_state[keys["status"]] = "ok"
    st.session_state.pop(keys["conflict"], None)
    st.session_state.pop(keys["lineage"], None)  # edits start again from `value`


def keep_mine(path: str, theirs: Any) -> None:
    """After a conflict: the browser sends its value again, edited from `theirs`."""
    keys = _keys(path)
    st.session_state[keys["rebase"]] = {"id": next(_COUNTER), "digest": value_digest(theirs)}
    st.session_state[keys["status"]] = "ok"
    st.session_state.pop(keys["conflict"], None)
    st.session_state.pop(keys["lineage"], None)


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
    keys = _keys(path)
    notice = st.session_state.get(keys["notice"])
    if notice:
        level, message = notice
        (st.error if level == "error" else st.warning)(message)
        if level != "error":
            st.session_state.pop(keys["notice"], None)
    conflict = st.session_state.get(keys["conflict"])
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
    left.button("Garder ma version", key=f"{keys['conflict']}:keep", on_click=keep)
    right.button("Reprendre la version enregistrée", key=f"{keys['conflict']}:take", on_click=take)
