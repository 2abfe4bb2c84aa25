"""Whether a phrase found in French text is negated in its clause.

« le territoire ne compte aucun QPV et n'est pas classé FRR »: both QPV and FRR are negated;
« le pôle n'agit que dans des QPV »: « ne … que » restricts, QPV is not negated; « pas de QPV,
mais deux communes FRR »: the negation stops at « mais ». The words come from
`calls/lexicon/french.toml`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ptce_assist.eligibility.lexicon import french

# Words (hyphenated compounds kept whole: « Pas-de-Calais » is not « pas ») and punctuation;
# apostrophes separate words without being a mark: « n'est » is « n », « est ».
_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s']")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@lru_cache(maxsize=512)
def tokens(folded: str) -> tuple[Token, ...]:
    """The words and marks of a folded text, with their positions."""
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded))


def _index_of(found: tuple[Token, ...], position: int) -> int:
    """The index of the first token that ends after `position`."""
    return bisect.bisect_right([t.end for t in found], position)


def clause_before(found: tuple[Token, ...], index: int) -> list[str]:
    """The words before token `index` in its clause, nearest first."""
    lex = french()
    words: list[str] = []
    for token in reversed(found[max(0, index - lex.negation_reach) : index]):
        if token.text in lex.clause_marks or token.text in lex.clause_breakers:
            break
        words.append(token.text)
    return words


def negated(folded: str, start: int, end: int) -> bool:
    """Whether the phrase at folded[start:end] is negated in its clause."""
    lex = french()
    found = tokens(folded)
    first = _index_of(found, start)
    before = set(clause_before(found, first))
    if before & set(lex.negators):
        return True
    if before & set(lex.negators_with_ne) and before & set(lex.ne):
        return True
    after = _index_of(found, max(start, end - 1)) + 1  # « QPV : aucun », « FRR - non »
    return (
        after + 1 < len(found)
        and found[after].text in (":", "-", "=")
        and found[after + 1].text in lex.negators_after
    )
