"""Hostile text for fuzzing: any code point (controls, lone surrogates, RTL marks, NBSP...)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Characters chosen for trouble: controls, surrogates, bidi overrides, zero-width, NBSP,
# formula triggers, markup, combining marks, astral plane, BOM, non-characters.
NASTY = [
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\x9f",
    "\r",
    "\n",
    "\t",
    "\ud800",
    "\udfff",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200b",
    "\u200d",
    "\u00a0",
    "\u202f",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\u0301",
    "\U0001f600",
    "\U0010ffff",
    "=",
    "+",
    "-",
    "@",
    "<script>",
    "&amp;",
    "]]>",
    "« ",
    " »",
    " ;",
    " :",
    " !",
    " ?",
    "ـ",
    "שלום",
    "مرحبا",
    "œ",
    "ﬁ",
    "\u2028",
    "\u2029",
]

any_char = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)
nasty_piece = st.sampled_from(NASTY)
piece = st.one_of(st.text(alphabet=any_char, max_size=30), nasty_piece)
hostile_text = st.lists(piece, max_size=25).map("".join)

# Bounded: the whole folder must run in well under 90 s on 2 cores.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
