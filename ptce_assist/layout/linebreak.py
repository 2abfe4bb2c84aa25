"""Where LibreOffice Writer 7.4 may break a line (its own rules, not today's UAX #14).

Writer asks an ICU break iterator compiled from LibreOffice's rule file
i18npool/source/breakiterator/data/line.txt (UAX #14 of Unicode 5.0, with "°" as a letter
and "\\" as a symbol), then adds its own rule for "/". ")" and "]" behave as closing
punctuation (measured: no break before them), although Unicode later moved them to CP.

Each character gets a one-letter class; `NO_BREAK` holds the pairs the rules glue. The tables
reach static/ptce/layout.js as data (`browser_rules`).
"""

from __future__ import annotations

import re
from typing import Any

# One letter per class: A alphabetic (also AI/XX), N numeric, S space, G glue (no-break
# spaces), Q quotation, O open, C close, E exclamation/interrogation,
# I infix (, . : ;), Y symbol (/ \\), H hyphen, B break-after, W break-both (—), b break-
# before, n inseparable (…), R prefix (€ $ +), o postfix (% ‰), D degree (alphabetic and
# postfix at once).
_CLASS_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x20, 0x20, "S"),
    (0x21, 0x21, "E"),
    (0x22, 0x22, "Q"),
    (0x24, 0x24, "R"),
    (0x25, 0x25, "o"),
    (0x27, 0x27, "Q"),
    (0x28, 0x28, "O"),
    (0x29, 0x29, "C"),
    (0x2B, 0x2B, "R"),
    (0x2C, 0x2C, "I"),
    (0x2D, 0x2D, "H"),
    (0x2E, 0x2E, "I"),
    (0x2F, 0x2F, "Y"),
    (0x30, 0x39, "N"),
    (0x3A, 0x3B, "I"),
    (0x3F, 0x3F, "E"),
    (0x5B, 0x5B, "O"),
    (0x5C, 0x5C, "Y"),
    (0x5D, 0x5D, "C"),
    (0x7B, 0x7B, "O"),
    (0x7C, 0x7C, "B"),
    (0x7D, 0x7D, "C"),
    (0xA0, 0xA0, "G"),
    (0xA1, 0xA1, "O"),
    (0xA2, 0xA2, "o"),
    (0xA3, 0xA5, "R"),
    (0xAB, 0xAB, "Q"),
    (0xAD, 0xAD, "B"),
    (0xB0, 0xB0, "D"),
    (0xB1, 0xB1, "R"),
    (0xB4, 0xB4, "b"),
    (0xBB, 0xBB, "Q"),
    (0xBF, 0xBF, "O"),
    (0x2000, 0x2006, "B"),
    (0x2007, 0x2007, "G"),
    (0x2008, 0x200A, "B"),
    (0x2010, 0x2010, "B"),
    (0x2011, 0x2011, "G"),
    (0x2012, 0x2013, "B"),
    (0x2014, 0x2014, "W"),
    (0x2018, 0x2019, "Q"),
    (0x201A, 0x201A, "O"),
    (0x201B, 0x201D, "Q"),
    (0x201E, 0x201E, "O"),
    (0x201F, 0x201F, "Q"),
    (0x2024, 0x2026, "n"),
    (0x2027, 0x2027, "B"),
    (0x202F, 0x202F, "G"),
    (0x2030, 0x2037, "o"),
    (0x2039, 0x203A, "Q"),
    (0x20AC, 0x20AC, "R"),
)

CLASS_OF: dict[str, str] = {chr(c): cls for lo, hi, cls in _CLASS_RANGES for c in range(lo, hi + 1)}


class _ClassTable(dict[int, str]):
    """str.translate table: character -> class letter, "A" for any other character."""

    def __missing__(self, key: int) -> str:
        return "A"


# Letters and digits listed too, so that translate rarely falls back to __missing__.
_TABLE = _ClassTable({c: "A" for c in range(0x41, 0x250)})
_TABLE.update({ord(c): cls for c, cls in CLASS_OF.items()})


def char_class(char: str) -> str:
    return CLASS_OF.get(char, "A")


# Class sets as strings of letters (D counts as both alphabetic and postfix).
AL = "AD"
NU = "N"
PR = "R"
PO = "oD"
ALL = "ANSGQOCEIYHBWbnRoD"
NOT_SP = ALL.replace("S", "")


def _pairs(lefts: str, rights: str) -> set[tuple[str, str]]:
    return {(a, b) for a in lefts for b in rights}


# Pairs with no break between them (ICU rules chain, so every matching rule glues).
NO_BREAK: frozenset[tuple[str, str]] = frozenset(
    _pairs(ALL, "S")  # LB7   x SP
    | _pairs(NOT_SP, "G")  # LB12  [^SP] x GL
    | _pairs("G", ALL)  # LB12  GL x
    | _pairs(ALL, "CEIY")  # LB13  x CL, EX, IS, SY, even after a space
    | _pairs("O", ALL)  # LB14  OP x (and OP SP* x: see `_after_spaces`)
    | _pairs(NOT_SP, "Q")  # LB19  [^SP] x QU
    | _pairs("Q", ALL)  # LB19  QU x
    | _pairs(NOT_SP, "BH")  # LB21  [^SP] x BA, HY (no NS among the app's characters)
    | _pairs("b", ALL)  # LB21  BB x
    | _pairs(AL + "Nn", "n")  # LB22  (AL | NU | IN) x IN
    | _pairs(AL, NU)
    | _pairs(NU, AL)  # LB23
    | _pairs(AL, PR)
    | _pairs(PR + PO, AL)  # LB24
    | _pairs(AL, AL)  # LB28
    | _pairs("I", AL + NU)  # LB29
    | _pairs(AL + NU, "O")
    | _pairs("C", AL + NU)  # LB30
)

# LB25: ($PR|$PO)? ($OP)? $NU ($NU|$SY|$IS)* $CL? ($PR|$PO)? is one unbreakable token.
_NUMBER = re.compile(r"[RoD]?O?N[NYI]*C?[RoD]?")


def classes(text: str) -> str:
    return text.translate(_TABLE)


def number_glue(cls: str) -> set[int]:
    """Positions i (break before text[i]) inside an LB25 number token."""
    glued: set[int] = set()
    pos = 0
    while True:
        m = _NUMBER.search(cls, pos)
        if m is None:
            return glued
        glued.update(range(m.start() + 1, m.end()))
        # The closing PR/PO of one token may open the next one (chaining).
        pos = m.end() - 1 if m.end() - m.start() > 1 and cls[m.end() - 1] in "RoD" else m.end()
        pos = max(pos, m.start() + 1)


def break_allowed(cls: str, i: int, numbers: set[int]) -> bool:
    """May the line break before character i (0 < i < len)?"""
    a, b = cls[i - 1], cls[i]
    if (a, b) in NO_BREAK or i in numbers:
        return False
    if a == "S":
        # LB14 OP SP* x, LB17 B2 SP* x B2: look back over the spaces.
        j = i - 1
        while j >= 0 and cls[j] == "S":
            j -= 1
        if j >= 0 and (cls[j] == "O" or (cls[j] == "W" and b == "W")):
            return False
    return True


_WHITESPACE = (
    " \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
)


def is_whitespace(char: str) -> bool:
    """ICU u_isWhitespace: spaces that may break (not U+00A0, U+2007, U+202F)."""
    return char in _WHITESPACE


# LibreOffice's BreakIterator_Unicode::getLineBreak: a break after "/" moves back to the last
# whitespace within 66 characters (paths and URLs stay whole when they can).
SLASH_LOOKBACK = 66


def line_break(text: str, cls: str, numbers: set[int], cut: int, floor: int = 0) -> int:
    """Break position for a line whose first character that does not fit is `cut`.

    Returns an index in 0..cut; a result at or before `floor` (the line start) means no
    opportunity on the line, and the caller cuts the word. The search stops at `floor`:
    what lies before the line cannot serve (and a long word would cost quadratic time).
    """
    if 0 < cut < len(text) and text[cut - 1] != "/" and break_allowed(cls, cut, numbers):
        return cut
    pos = cut - 1
    while pos > floor and not break_allowed(cls, pos, numbers):
        pos -= 1
    if pos > floor and text[pos - 1] == "/":
        back = pos - 1
        while back > 0 and pos - back < SLASH_LOOKBACK and not is_whitespace(text[back]):
            back -= 1
        if back > 0 and is_whitespace(text[back]):
            pos = back + 1
    return max(pos, 0)


def browser_rules() -> dict[str, Any]:
    """The classes, glued pairs and number token layout.js breaks lines with, as data."""
    return {
        "classes": [[lo, hi, cls] for lo, hi, cls in _CLASS_RANGES],
        "no_break": sorted(a + b for a, b in NO_BREAK),
        "number": _NUMBER.pattern,
        "whitespace": _WHITESPACE,
        "slash_lookback": SLASH_LOOKBACK,
    }
