"""Adviser comments beside a rubric: the candidate reads and resolves them; the adviser of a
workshop the dossier belongs to can add one. Comments never enter the dossier (nor the DOCX).
When the dossier is in a workshop, the panel also shows what changed in the rubric since the
last séance (a plain-text diff).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import streamlit as st

from ptce_assist.call import Call
from ptce_assist.storage.comments import Comment, TargetKind
from ptce_assist.ui.context import call_of, current_stored, current_token, database_is_down
from ptce_assist.ui.roles import Adviser, current_adviser, get_workshops
from ptce_assist.ui.safe import md_escape
from ptce_assist.workshops.access import DEFAULT_SIGNATURE, AccessDenied, WorkshopInputError
from ptce_assist.workshops.changes import readable_diff

PARIS = ZoneInfo("Europe/Paris")
AUTHOR_KEY = "comment_author"
_NOTICE_KEY = "comment_notice"


def comments_panel(rubric_id: str) -> None:
    """The comments on this rubric of the open dossier (nothing when there are none)."""
    token = current_token()
    stored = current_stored()
    if stored is None or database_is_down():
        return  # the page shows the last copy read; comments wait for the database
    if token is None:  # a team's dossier opened from the adviser's dashboard
        _adviser_panel(stored.id, call_of(stored.dossier), rubric_id)
        return
    service = get_workshops()
    try:
        comments = service.my_comments(token, "rubric", rubric_id)
    except AccessDenied:
        return
    adviser = _adviser_of(stored.id)
    since = service.my_last_workshop(token)
    if not comments and adviser is None and since is None:
        return
    open_count = sum(1 for c in comments if not c.resolved)
    with st.container(border=True):
        st.markdown(f"**Commentaires de l'accompagnement** · {open_count} à traiter")
        show_for_candidate(token, comments, key=f"rubric:{rubric_id}")
        if adviser is not None:
            add_comment_form(adviser, stored.id, call_of(stored.dossier), "rubric", rubric_id)
        if since is not None:
            before = service.my_texts_at(token, since).get(rubric_id, "")
            _changes_since(before, stored.dossier.rubric_text(rubric_id), since)


def _adviser_panel(dossier_id: int, call: Call, rubric_id: str) -> None:
    """The adviser's side: the comments made on this rubric, and the form to add one."""
    adviser = _adviser_of(dossier_id)
    if adviser is None:
        return
    try:
        comments = get_workshops().dossier_comments(adviser.token, dossier_id)
    except AccessDenied:
        return
    own = [c for c in comments if c.target_kind == "rubric" and c.target_id == rubric_id]
    with st.container(border=True):
        pending = sum(1 for c in own if not c.resolved)
        st.markdown(f"**Commentaires de l'accompagnement** · {pending} à traiter par l'équipe")
        for comment in own:
            show_comment(comment)
        add_comment_form(adviser, dossier_id, call, "rubric", rubric_id)


def _changes_since(before: str, after: str, since: dt.datetime) -> None:
    day = since.astimezone(PARIS).strftime("%d/%m/%Y")
    with st.expander(f"Ce qui a changé depuis la séance du {day}"):
        if before.strip() == after.strip():
            st.caption("Rien n'a changé dans cette rubrique depuis.")
        else:
            st.code(readable_diff(before, after), language=None, wrap_lines=True)


def all_comments_panel() -> None:
    """Every comment on the open dossier, rubric by rubric and criterion by criterion."""
    token = current_token()
    stored = current_stored()
    if token is None or stored is None or database_is_down():
        return
    try:
        comments = get_workshops().my_comments(token)
    except AccessDenied:
        return
    if not comments:
        st.caption("Aucun commentaire pour l'instant.")
        return
    call = call_of(stored.dossier)
    targets = sorted(
        {(c.target_kind, c.target_id) for c in comments},
        key=lambda t: (t[0] != "rubric", target_label(call, t[0], t[1])),
    )
    for kind, target_id in targets:
        st.markdown(f"**{md_escape(target_label(call, kind, target_id))}**")
        own = [c for c in comments if (c.target_kind, c.target_id) == (kind, target_id)]
        show_for_candidate(token, own, key=f"all:{kind}:{target_id}")


def target_label(call: Call, kind: str, target_id: str) -> str:
    if kind == "rubric":
        try:
            return f"Rubrique « {call.rubric(target_id).short_fr} »"
        except KeyError:
            return f"Rubrique {target_id}"
    criterion = next((c for c in call.selection_criteria if c.id == target_id), None)
    return f"Critère « {criterion.text} »" if criterion else f"Critère {target_id}"


def show_comment(comment: Comment) -> None:
    when = comment.created_at.astimezone(PARIS).strftime("%d/%m/%Y à %H:%M")
    state = " · résolu" if comment.resolved else ""
    st.markdown(f"**{md_escape(comment.author)}** · {when}{state}")
    st.text(comment.body)


def show_for_candidate(token: str, comments: Sequence[Comment], *, key: str) -> None:
    notice = st.session_state.pop(_NOTICE_KEY, None)
    if notice:
        st.warning(notice)
    pending = [c for c in comments if not c.resolved]
    done = [c for c in comments if c.resolved]
    for comment in pending:
        show_comment(comment)
        st.button(
            "Marquer comme résolu",
            key=f"resolve:{key}:{comment.id}",
            on_click=_set_resolved,
            args=(token, comment.id, True),
        )
    if done:
        with st.expander(f"Commentaires résolus ({len(done)})"):
            for comment in done:
                show_comment(comment)
                st.button(
                    "Rouvrir",
                    key=f"reopen:{key}:{comment.id}",
                    on_click=_set_resolved,
                    args=(token, comment.id, False),
                )


def _set_resolved(token: str, comment_id: int, resolved: bool) -> None:
    try:
        get_workshops().resolve_comment(token, comment_id, resolved)
    except AccessDenied:
        st.session_state[_NOTICE_KEY] = "Ce commentaire ne concerne pas ce dossier."


def add_comment_form(
    adviser: Adviser,
    dossier_id: int,
    call: Call,
    target_kind: TargetKind | None = None,
    target_id: str | None = None,
) -> None:
    """Adviser side: write a comment on a rubric or a selection criterion of one dossier.

    With a fixed target (rubric page) the form only asks for the text; otherwise the adviser
    chooses the rubric or criterion.
    """
    form_key = f"comment_form:{dossier_id}:{target_kind or ''}:{target_id or ''}"
    if st.session_state.pop(f"{form_key}:published", False):
        st.success("Commentaire publié : l'équipe le voit à côté de son texte.")
    options = _targets(call) if target_id is None else [(target_kind or "rubric", target_id)]
    with st.form(form_key, clear_on_submit=True):
        choice = st.selectbox(
            "Sur quoi porte le commentaire ?",
            options,
            format_func=lambda t: target_label(call, t[0], t[1]),
            disabled=target_id is not None,
            key=f"{form_key}:target",
        )
        body = st.text_area("Commentaire pour l'équipe", key=f"{form_key}:body", height=100)
        # The default signature is a placeholder, not a value: typed into, a value became
        # « Conseil CRESSClaire, … ».
        author = st.text_input(
            "Signature",
            value=st.session_state.get(AUTHOR_KEY, ""),
            placeholder=DEFAULT_SIGNATURE,
            help=f"Laissée vide, la signature est « {DEFAULT_SIGNATURE} ».",
            key=f"{form_key}:author",
        )
        sent = st.form_submit_button("Publier le commentaire")
    if not sent:
        return
    st.session_state[AUTHOR_KEY] = author
    kind, chosen = choice
    try:
        get_workshops().add_comment(adviser.token, dossier_id, kind, chosen, body, author)
    except (AccessDenied, WorkshopInputError) as error:
        st.error(str(error))
    else:
        st.session_state[f"{form_key}:published"] = True
        st.rerun()  # the lists above were drawn before this comment existed


def _targets(call: Call) -> list[tuple[TargetKind, str]]:
    rubrics: list[tuple[TargetKind, str]] = [("rubric", r.id) for r in call.rubrics]
    criteria: list[tuple[TargetKind, str]] = [("criterion", c.id) for c in call.selection_criteria]
    return rubrics + criteria


def _adviser_of(dossier_id: int) -> Adviser | None:
    """The session's adviser, only if this dossier is in their workshop."""
    adviser = current_adviser()
    if adviser is None:
        return None
    try:
        get_workshops().workshop_dossier(adviser.token, dossier_id)
    except AccessDenied:
        return None
    return adviser
