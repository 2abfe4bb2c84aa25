"""Widgets shared by the diagnostic pages: verdict boxes, records added to a stored list."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ptce_assist.eligibility.report import tone
from ptce_assist.ui import bound
from ptce_assist.ui.safe import md_escape

_BOXES = {"ok": st.success, "warn": st.warning, "bad": st.error}
_ICONS = {"ok": ":material/check_circle:", "warn": ":material/warning:", "bad": ":material/cancel:"}


def show_verdict(topic: str, code: str, reason: str, quote: str, *, title: str = "") -> None:
    """A coloured box with the French reason, and the call's sentence beneath it."""
    level = tone(topic, code)
    heading = f"**{md_escape(title)}** — " if title else ""
    _BOXES[level](heading + md_escape(reason), icon=_ICONS[level])
    show_quote(quote)


_COLOURED = {
    "ok": ":green[:material/check_circle:]",
    "warn": ":orange[:material/warning:]",
    "bad": ":red[:material/cancel:]",
}


def verdict_line(topic: str, code: str, reason: str, title: str) -> str:
    """One Markdown line: a coloured icon, the topic in bold, the French reason."""
    return f"{_COLOURED[tone(topic, code)]} **{md_escape(title)}** — {md_escape(reason)}"


def show_quote(quote: str) -> None:
    st.caption(f"Ce que dit l'appel : « {md_escape(quote)} »")


def append_records(path: str, records: Sequence[dict[str, str]]) -> bool:
    """Add records to the list stored at `path` (e.g. from an imported file), on top of what
    is stored now; the table bound to it shows the result. True if saved."""
    saved = bound.update(path, lambda current: [*(current or []), *records])
    bound.reseed(path, None)  # the table shows what is stored, the new records included
    return saved
