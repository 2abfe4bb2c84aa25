"""Text folding: comparing French text without case, accents, or typographic variants.

One rule for a character (`fold_char`): typographic apostrophes become ', dashes become -,
accents and compatibility forms go (é -> e, no-break spaces -> space), lower case. Three ways
to apply it, for three needs:

- `fold` / `fold_with_index`: matching word lists over a text and pointing back at the text as
  typed (the diagnostic); a character may fold to several, hence the index.
- `fold_in_place`: one character for one character, so that offsets in the folded text are
  offsets in the text (the writing coach marks words where they are).
- `fold_spaced` / `words`: comparing short texts whatever their spacing and quotes (the Word
  import's headings and labels): ligatures spelled out, quotes made plain, single spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_QUOTES = "\u201c\u201d\u00ab\u00bb"  # « » “ ” -> "
_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"}
_WORDS = re.compile(r"[a-z0-9]+")


@cache
def fold_char(char: str) -> str:
    """One character folded: "'" , "-", or its letters without accents, in lower case."""
    if char in APOSTROPHES:
        return "'"
    if char in DASHES:
        return "-"
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class _Table(dict[int, str]):
    """A str.translate table filled on first sight of each character."""

    def __init__(self, one_for_one: bool) -> None:
        super().__init__()
        self.one_for_one = one_for_one
        self.irregular: set[str] = set()  # characters seen that fold to more or fewer than one

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold_char(char)
        if len(folded) != 1:
            self.irregular.add(char)
        if self.one_for_one and len(folded) != 1:
            lower = char.lower()  # "ﬁ", "ĳ": kept (lower case when that is one character)
            folded = lower if len(lower) == 1 else char
        self[code] = folded
        return folded


_ANY = _Table(one_for_one=False)
_IN_PLACE = _Table(one_for_one=True)
_SPACED = str.maketrans({**dict.fromkeys(_QUOTES, '"'), **_LIGATURES})


def fold_in_place(text: str) -> str:
    """Lower case, no accents, straight apostrophes and dashes; same length as `text`."""
    return text.translate(_IN_PLACE)


def fold_word(word: str) -> str:
    """A word of the app's data folded like a text's words (ligatures spelled out)."""
    return fold_in_place(word).replace("œ", "oe").replace("æ", "ae")


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes made plain."""
    return fold_with_index(text)[0]


@lru_cache(maxsize=256)
def fold_with_index(text: str) -> tuple[str, tuple[int, ...] | None]:
    """The folded text, and for each of its characters the index of the original one.

    The index is None when every character folds to exactly one (positions are unchanged),
    which is the case of ordinary French text. Results are cached: pages fold the same
    rubric texts on every rerun.
    """
    if text.isascii() and "`" not in text:
        return text.lower(), None
    folded = text.translate(_ANY)  # fills the table, and its `irregular`, for this text
    if _ANY.irregular.isdisjoint(text):
        return folded, None
    return folded, tuple(position for position, char in enumerate(text) for _ in _ANY[ord(char)])


def fold_spaced(text: str) -> str:
    """`fold`, with ligatures spelled out, quotes made plain and single spaces."""
    return " ".join(text.translate(_SPACED).translate(_ANY).casefold().split())


def words(text: str) -> str:
    """Only the letters and digits of a folded text, single-spaced."""
    return " ".join(_WORDS.findall(fold_spaced(text)))
