"""Widgets shared by the diagnostic pages: verdict boxes with the call's sentence and a link to
the page that fixes them, and records added to a stored list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from ptce_assist.call import Call
from ptce_assist.eligibility import links
from ptce_assist.eligibility.report import TOPICS, TopicVerdict, tone
from ptce_assist.eligibility.verdict import Verdict
from ptce_assist.ui import bound
from ptce_assist.ui.safe import md_escape

_BOXES = {"ok": st.success, "warn": st.warning, "bad": st.error}
_ICONS = {"ok": ":material/check_circle:", "warn": ":material/warning:", "bad": ":material/cancel:"}


# The pages a verdict can send to, by url_path (app.py); a rubric's page is its id.
_FILE_PAGES = {
    links.IDENTITE: "app_pages/identite.py",
    links.RECEVABILITE: "app_pages/recevabilite.py",
    links.PORTEUR: "app_pages/porteur.py",
    links.ACTEURS: "app_pages/acteurs.py",
    links.ELIGIBILITE: "app_pages/eligibilite.py",
    links.AUTOEVALUATION: "app_pages/autoevaluation.py",
}


def _noop() -> None:
    """Never run: a link's Page only needs the url_path that app.py registered."""


def page_target(url_path: str, call: Call) -> Any:
    """What `st.page_link` takes for a page's url_path (a file, or a rubric's page)."""
    if url_path in _FILE_PAGES:
        return _FILE_PAGES[url_path]
    # Streamlit identifies a page by its url_path: this Page links to the rubric's page.
    rubric = call.rubric(url_path)
    return st.Page(_noop, title=rubric.short_fr, url_path=rubric.id, icon=":material/edit_note:")


def fix_link(url_path: str, call: Call, label: str = "") -> None:
    """A link to the page where the person acts on a verdict (nothing when none)."""
    if not url_path:
        return
    title = links.page_title(url_path, call)
    st.page_link(
        page_target(url_path, call),
        label=label or f"Corriger : {title}",
        icon=":material/arrow_forward:",
    )


def show_verdict(verdict: TopicVerdict, call: Call, *, title: str = "", link: bool = True) -> None:
    """A coloured box with the French reason, the call's sentence beneath it, and a link to
    the page that fixes it when there is something to fix."""
    heading = f"**{md_escape(title)}** — " if title else ""
    _BOXES[verdict.tone](heading + md_escape(verdict.reason), icon=_ICONS[verdict.tone])
    show_quote(verdict.quote)
    if link and verdict.tone != "ok":
        fix_link(verdict.page, call)


def show_part(topic: str, verdict: Verdict, call: Call, *, link: bool = False) -> None:
    """`show_verdict` for a verdict computed on the page (a table being edited)."""
    shown = TopicVerdict(
        topic=topic,
        label=TOPICS[topic],
        code=verdict.code,
        tone=tone(topic, verdict.code),
        reason=verdict.reason,
        quote=verdict.quote,
        page=verdict.page,
        page_title=links.page_title(verdict.page, call) if verdict.page else "",
    )
    show_verdict(shown, call, link=link)


_COLOURED = {
    "ok": ":green[:material/check_circle:]",
    "warn": ":orange[:material/warning:]",
    "bad": ":red[:material/cancel:]",
}


def verdict_line(verdict: TopicVerdict) -> str:
    """One Markdown line: a coloured icon, the topic in bold, the French reason."""
    return f"{_COLOURED[verdict.tone]} **{md_escape(verdict.label)}** — {md_escape(verdict.reason)}"


def show_quote(quote: str) -> None:
    st.caption(f"Ce que dit l'appel : « {md_escape(quote)} »")


def append_records(path: str, records: Sequence[dict[str, str]]) -> bool:
    """Add records to the list stored at `path` (e.g. from an imported file), on top of what
    is stored now; the table bound to it shows the result. True if saved."""
    saved = bound.update(path, lambda current: [*(current or []), *records])
    bound.reseed(path, None)  # the table shows what is stored, the new records included
    return saved
