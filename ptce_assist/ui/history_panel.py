"""« Historique » of a field: its versions (who, when, how long), two of them compared word by
word, and « Restaurer cette version », which saves the old value as a new version: nothing is
ever destroyed. The page shows the restored value as it shows any value saved elsewhere (the
field takes it if nothing is unsaved in it, or offers the choice)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import streamlit as st

from ptce_assist.services import Saved
from ptce_assist.storage.history import FieldVersion
from ptce_assist.text import thousands
from ptce_assist.textdiff import counts, word_diff
from ptce_assist.ui.context import OpenDossier, get_service, note_saved
from ptce_assist.ui.team import member_name
from ptce_assist.ui.web import module_loader, stylesheets

PARIS = ZoneInfo("Europe/Paris")
SHOWN = 40  # most recent versions listed

_diff = st.components.v2.component(
    "ptce_assist.diff",
    html=stylesheets("diff.css")
    + """
<div class="ptce-diff">
  <p class="ptce-diff-legend">Souligné et en gras : ajouté · barré : retiré</p>
  <p class="ptce-diff-summary" role="status"></p>
  <div class="ptce-diff-body" lang="fr"></div>
</div>
""",
    js=module_loader("diff.js"),
)


def show_diff(before: str, after: str, *, key: str) -> None:
    segments = word_diff(before, after)
    added, removed = counts(segments)
    summary = (
        "Aucune différence."
        if not (added or removed)
        else f"{thousands(added)} mot(s) ajouté(s), {thousands(removed)} mot(s) retiré(s)."
    )
    _diff(key=key, data={"segments": [[s.op, s.text] for s in segments], "summary": summary})


def when(version: FieldVersion) -> str:
    moment = version.saved_at.astimezone(PARIS)
    return f"le {moment:%d/%m/%Y à %H:%M}"


def author(version: FieldVersion) -> str:
    return version.author or "sans prénom"


def _restore(opened: OpenDossier, version_id: int, flash_key: str) -> None:
    if opened.token is None:  # an adviser reads the history; only the team restores
        return
    result = get_service().restore_version(opened.token, version_id, author=member_name())
    if isinstance(result, Saved):
        note_saved(result.stored)
        st.session_state[flash_key] = (
            "success",
            "Version restaurée : elle est maintenant la "
            "dernière version, les autres restent dans l'historique.",
        )
    else:
        message = getattr(result, "message", "") or (
            "La version n'a pas pu être restaurée : la valeur a changé entre-temps. Réessayez."
        )
        st.session_state[flash_key] = ("error", message)


def history_panel(
    opened: OpenDossier,
    path: str,
    *,
    title: str = "Historique",
    as_text: Callable[[Any], str] = lambda value: "" if value is None else str(value),
    size: Callable[[Any], str] | None = None,
) -> None:
    """The history of one field (a rubric, the budget), behind a toggle: read only when open."""
    key = f"p:history:{path}"
    if not st.toggle(
        title,
        key=key,
        help="Les versions enregistrées, qui les a écrites, les comparer, en restaurer une.",
    ):
        return
    flash_key = f"{key}:flash"
    flash = st.session_state.pop(flash_key, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])
    versions = list(reversed(get_service().history().field_versions(opened.id, path)))[:SHOWN]
    if not versions:
        st.caption("Pas encore de version enregistrée.")
        return
    describe = size or (lambda value: f"{thousands(len(as_text(value)))} caractères")
    labels = {
        v.id: f"{when(v)} — {author(v)} — {describe(v.value)}" + (" (actuelle)" if i == 0 else "")
        for i, v in enumerate(versions)
    }
    by_id = {v.id: v for v in versions}
    st.caption(f"{len(versions)} version(s), la plus récente en premier.")
    for version in versions:
        st.text(labels[version.id])
    if len(versions) >= 2:
        ids = [v.id for v in versions]
        left, right = st.columns(2)
        older = left.selectbox(
            "Comparer la version", ids, index=1, key=f"{key}:a", format_func=labels.__getitem__
        )
        newer = right.selectbox(
            "avec la version", ids, index=0, key=f"{key}:b", format_func=labels.__getitem__
        )
        show_diff(as_text(by_id[older].value), as_text(by_id[newer].value), key=f"{key}:diff")
    chosen = st.selectbox(
        "Version à restaurer",
        [v.id for v in versions[1:]] or [versions[0].id],
        key=f"{key}:restore",
        format_func=labels.__getitem__,
    )
    with st.expander("Voir cette version en entier"):
        st.text(as_text(by_id[chosen].value))
    st.button(
        "Restaurer cette version",
        key=f"{key}:restore-button",
        icon=":material/restore:",
        on_click=_restore,
        args=(opened, chosen, flash_key),
        disabled=chosen == versions[0].id or not opened.team,
        help="Elle devient une nouvelle version : rien n'est effacé.",
    )


def changes_panel(
    opened: OpenDossier,
    paths: Sequence[str],
    *,
    title: str,
    label: Callable[[str], str],
    shown: Callable[[str, Any], str],
) -> None:
    """The history of several short fields (the identity), newest change first, each with
    « Restaurer »."""
    key = f"p:history:{'|'.join(paths[:1])}+{len(paths)}"
    if not st.toggle(title, key=key):
        return
    flash_key = f"{key}:flash"
    flash = st.session_state.pop(flash_key, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])
    history = get_service().history()
    versions = sorted(
        (v for path in paths for v in history.field_versions(opened.id, path)),
        key=lambda v: v.id,
        reverse=True,
    )[:SHOWN]
    if not versions:
        st.caption("Pas encore de modification enregistrée.")
        return
    latest_of: dict[str, int] = {}
    for version in versions:
        latest_of.setdefault(version.path, version.id)
    for version in versions:
        text_col, button_col = st.columns([5, 1])
        text_col.text(
            f"{when(version)} — {author(version)} — {label(version.path)} : "
            f"{shown(version.path, version.value) or '(vide)'}"
        )
        if latest_of[version.path] != version.id and opened.team:
            button_col.button(
                "Restaurer",
                key=f"{key}:{version.id}",
                on_click=_restore,
                args=(opened, version.id, flash_key),
                help="Remet cette valeur : elle devient une nouvelle version.",
            )
