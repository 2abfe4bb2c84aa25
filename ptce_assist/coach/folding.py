"""Accent- and case-insensitive text that keeps every character at its place.

`fold` maps each character to exactly one character (é -> e, É -> e, ’ -> ', no-break spaces
-> space), so a word found in the folded text has the same offsets in the original text.
"""

from __future__ import annotations

import re
import unicodedata


def _build_table() -> dict[str, str]:
    """Lower-case character -> its folded form, for the characters that change."""
    table: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if char.lower() != char:
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) == 1 and base != char:
            table[char] = base
    for code in (0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4):
        table[chr(code)] = "'"
    for code in (0x00A0, 0x202F, 0x2009, 0x2007):
        table[chr(code)] = " "
    for code in (0x2010, 0x2011, 0x2013):
        table[chr(code)] = "-"
    return table


_TABLE = _build_table()
_CHANGED = re.compile("[" + "".join(re.escape(c) for c in _TABLE) + "]")


def _replace(match: re.Match[str]) -> str:
    return _TABLE[match.group()]


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes; same length as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer ("İ")
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _CHANGED.sub(_replace, lowered)


def fold_word(word: str) -> str:
    """A word of the app's data folded like the text's words (ligatures spelled out)."""
    return fold(word).replace("œ", "oe").replace("æ", "ae")
