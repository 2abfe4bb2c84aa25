"""Showing user text inside Markdown without it being interpreted."""

from __future__ import annotations

import re

# Everything Streamlit's Markdown gives a meaning to: CommonMark punctuation, $ (LaTeX),
# : (emoji and colour directives), and < > (HTML, which Streamlit escapes anyway).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&])")
# GitHub's "autolink literals" turn a bare http://, https://, www. or e-mail address into a
# link even when its punctuation is escaped: an invisible word joiner (U+2060) after the
# scheme or "www", or before the "@", breaks the pattern and shows the same characters.
_AUTOLINK = re.compile(r"(?i)(https?\\:|www)(?=\\[:.]|//)|(?<=[\w+.-])(?=@)")
WORD_JOINER = "\u2060"


def md_escape(text: str) -> str:
    """Backslash-escape `text` so Markdown shows it literally, on one line, never as a
    link."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _AUTOLINK.sub(lambda match: (match.group(1) or "") + WORD_JOINER, escaped)
