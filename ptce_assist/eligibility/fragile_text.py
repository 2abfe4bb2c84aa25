"""Which fragile territories a périmètre describes, negations and history included.

A kind is described when one of its keywords (call file, `fragile_kinds.keywords_fr`) stands
un-negated in the text (« le territoire ne compte aucun QPV » describes none), or, for the
désindustrialisé basin, when the text tells an industrial decline (« le bassin de Longwy, qui
a perdu ses mines et la plupart de ses aciéries »: `calls/lexicon/fragile.toml`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call, FragileKind
from ptce_assist.eligibility.lexicon import alternatives, fragile
from ptce_assist.eligibility.negation import negated, tokens
from ptce_assist.eligibility.textmatch import excerpt_folded
from ptce_assist.folding import fold

HISTORY_KIND = "bassin_desindustrialise"


class FragileMention(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # fragile kind id
    excerpt: str  # the passage as typed
    by_history: bool  # described by its history rather than named


def _keyword(text: str, folded: str, kind: FragileKind) -> FragileMention | None:
    words = tuple(re.escape(k) for k in kind.keywords_fr)
    for match in alternatives(words).finditer(folded):
        if not negated(folded, match.start(), match.end()):
            passage = excerpt_folded(text, match.start(), match.end())
            return FragileMention(kind=kind.id, excerpt=passage, by_history=False)
    return None


def _history(text: str, folded: str) -> FragileMention | None:
    lex = fragile()
    for match in alternatives(lex.history_patterns).finditer(folded):
        if not negated(folded, match.start(), match.end()):
            return _told(text, folded, match.start(), match.end())
    found = tokens(folded)

    def at(position: int) -> int:
        return next(i for i, t in enumerate(found) if t.end > position)

    def same_clause(first: int, last: int) -> bool:
        return not any(t.text in lex.clause_ends for t in found[first:last])

    industries = list(alternatives(lex.industry_patterns).finditer(folded))
    for loss in alternatives(lex.loss_before_patterns).finditer(folded):
        if negated(folded, loss.start(), loss.end()):
            continue
        start = at(loss.start())
        for industry in industries:
            distance = at(industry.start()) - start
            if 0 < distance <= lex.loss_reach_before and same_clause(start, start + distance):
                return _told(text, folded, loss.start(), industry.end())
    for industry in industries:
        start = at(industry.start())
        for loss in alternatives(lex.loss_after_patterns).finditer(folded, industry.end()):
            distance = at(loss.start()) - start
            if distance > lex.loss_reach_after:
                break
            if same_clause(start, start + distance) and not negated(
                folded, loss.start(), loss.end()
            ):
                return _told(text, folded, industry.start(), loss.end())
    return None


def _told(text: str, folded: str, start: int, end: int) -> FragileMention:
    passage = excerpt_folded(text, start, end)
    return FragileMention(kind=HISTORY_KIND, excerpt=passage, by_history=True)


@lru_cache(maxsize=256)
def _mentions(
    text: str, call_id: str, kinds: tuple[FragileKind, ...]
) -> tuple[FragileMention, ...]:
    folded = fold(text)
    found: list[FragileMention] = []
    for kind in kinds:
        mention = _keyword(text, folded, kind)
        if mention is None and kind.id == HISTORY_KIND:
            mention = _history(text, folded)
        if mention is not None:
            found.append(mention)
    return tuple(found)


def fragile_mentions(perimetre: str, call: Call) -> tuple[FragileMention, ...]:
    """One mention per fragile kind the périmètre describes, in the call file's order."""
    return _mentions(perimetre, call.id, call.diagnostic.fragile_kinds)
