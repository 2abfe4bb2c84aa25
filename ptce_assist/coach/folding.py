"""Accent- and case-insensitive matching that keeps every character at its place.

`fold` maps each character to exactly one character (é -> e, É -> e, ’ -> ', no-break spaces
-> space), so a match found in the folded text has the same offsets in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x250):
        char = chr(code)
        lowered = char.lower()
        if len(lowered) != 1:
            continue
        decomposed = unicodedata.normalize("NFD", lowered)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(base) == 1 and base != char:
            table[code] = base
    for code in (0x2019, 0x2018, 0x02BC, 0x0060, 0x00B4):
        table[code] = "'"
    for code in (0x00A0, 0x202F, 0x2009, 0x2007):
        table[code] = " "
    for code in (0x2010, 0x2011, 0x2013):
        table[code] = "-"
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes; same length as `text`."""
    return text.translate(_TABLE)


def _word_pattern(word: str) -> str:
    """One word of an expression as a regex; "oe"/"ae" also match the ligatures œ/æ."""
    prefix = word.endswith("*")
    core = re.escape(fold(word.rstrip("*")).replace("œ", "oe").replace("æ", "ae"))
    core = core.replace("oe", "(?:oe|œ)").replace("ae", "(?:ae|æ)")
    return rf"\b{core}\w*" if prefix else rf"\b{core}\b"


GAP = r"(?:\W+\w+){0,2}?\W+"


@cache
def expression_regex(expressions: tuple[str, ...], *, gap: bool = True) -> re.Pattern[str]:
    """One regex finding any of `expressions` (see the syntax in coverage_*.toml)."""
    separator = GAP if gap else r"\W+"
    alternatives = [
        separator.join(_word_pattern(word) for word in expression.split())
        for expression in expressions
    ]
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


def phrase_pattern(phrase: str) -> str:
    """A fixed phrase: words in order, any spaces or apostrophes between; a final "de" also
    matches "du", "des" and "d'"."""
    words = re.split(r"[\s']+", fold(phrase).replace("œ", "oe").strip())
    parts = [re.escape(w).replace("oe", "(?:oe|œ)") for w in words]
    if words and words[-1] == "de":
        parts[-1] = r"(?:de|du|des|d(?='))"
    return r"\b" + r"[\s']+".join(parts) + r"\b"


def plural_tolerant(phrase: str) -> str:
    """A spelled-out form: each word may take a plural ending (s, x, es)."""
    words = re.findall(r"[^\W_]+", fold(phrase).replace("œ", "oe"))
    parts = [re.escape(w).replace("oe", "(?:oe|œ)") + r"(?:s|x|es)?" for w in words]
    return r"\b" + r"\W+".join(parts) + r"\b"
