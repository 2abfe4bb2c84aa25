"""Showing user text inside Markdown without it being interpreted."""

from __future__ import annotations

import re

# Everything Streamlit's Markdown gives a meaning to: CommonMark punctuation, $ (LaTeX),
# : (emoji and colour directives), and < > (HTML, which Streamlit escapes anyway).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&])")


def md_escape(text: str) -> str:
    """Backslash-escape `text` so Markdown shows it literally, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
