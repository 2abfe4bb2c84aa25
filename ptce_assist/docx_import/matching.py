"""Which rubric of Annexe 1 a heading written by a candidate names.

Two ways, both compared after `folding`: the call's own label, whole or shortened or slightly
misspelt ("Description du périmètre géographique du futur PTCE"); or the words people use for
the rubric in a short heading, from the call's import vocabulary ("Budget prévisionnel",
"VI - Actions engagées et envisagées").
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from ptce_assist.call import Call
from ptce_assist.docx_import.heading_text import heading_core
from ptce_assist.docx_import.vocabulary import load_vocabulary
from ptce_assist.folding import words

MAX_HEADING_CHARS = 500
NEAR_EXACT = 0.9  # a score from which a line names a rubric whatever its formatting
_MAX_EXTRA_WORDS = 4
_MIN_RATIO = 0.75
_KEYWORD_SCORE = 0.8
_KEYWORD_MAX_WORDS = 12


@dataclass(frozen=True)
class HeadingMatch:
    rubric_id: str
    score: float  # 1.0 exact; >= 0.9 near-exact; lower: needs heading formatting
    coverage: float = 1.0  # share of the heading's words that name the rubric (keywords)

    @property
    def by_keyword(self) -> bool:
        return self.score == _KEYWORD_SCORE


@dataclass(frozen=True)
class _Target:
    rubric_id: str
    words: str  # `words()` of the heading core
    alias: bool  # the app's short name: only an exact match counts


@dataclass(frozen=True)
class _Keywords:
    filler: frozenset[str]
    phrases: tuple[tuple[str, tuple[str, ...]], ...]  # (rubric id, phrase words), longest first


_TARGETS: dict[tuple[str, int], tuple[_Target, ...]] = {}
_KEYWORDS: dict[tuple[str, int], _Keywords] = {}


def _targets(call: Call) -> tuple[_Target, ...]:
    key = (call.id, call.version)
    if key not in _TARGETS:
        targets: list[_Target] = []
        for rubric in call.rubrics:
            targets.append(_Target(rubric.id, words(heading_core(rubric.label)), alias=False))
            targets.append(_Target(rubric.id, words(heading_core(rubric.short_fr)), alias=True))
        _TARGETS[key] = tuple(targets)
    return _TARGETS[key]


def _keywords(call: Call) -> _Keywords:
    key = (call.id, call.version)
    if key not in _KEYWORDS:
        vocabulary = load_vocabulary(call.id).headings
        filler = frozenset(vocabulary.filler)
        phrases = [
            (rubric_id, tuple(w for w in phrase.split() if w not in filler))
            for rubric_id, keys in vocabulary.keywords.items()
            if rubric_id in call.rubric_ids
            for phrase in keys
        ]
        phrases = [(rid, tokens) for rid, tokens in phrases if tokens]
        phrases.sort(key=lambda item: -len(item[1]))
        _KEYWORDS[key] = _Keywords(filler, tuple(phrases))
    return _KEYWORDS[key]


def match_heading(text: str, call: Call) -> HeadingMatch | None:
    """The rubric a heading-like line names, with a confidence score, or None."""
    if len(text) > MAX_HEADING_CHARS or text.count("\n") > 3:
        return None
    core = heading_core(text)
    if len(core) < 4:
        return None
    best: HeadingMatch | None = None
    core_words = words(core)
    for target in _targets(call):
        score = _score(core_words, target)
        if score and (best is None or score > best.score):
            best = HeadingMatch(target.rubric_id, score)
    if best is None or best.score < _KEYWORD_SCORE:
        by_keyword = _keyword_match(core_words, call)
        if by_keyword is not None:
            return by_keyword
    return best


def _keyword_match(core_words: str, call: Call) -> HeadingMatch | None:
    """The one rubric the heading's words name; a longer phrase hides the shorter ones it
    holds ("plan d'actions" is not "actions"); two rubrics named: none."""
    keywords = _keywords(call)
    tokens = [w for w in core_words.split() if w not in keywords.filler and not w.isdigit()]
    if not tokens or len(tokens) > _KEYWORD_MAX_WORDS:
        return None
    hits: list[tuple[int, int, str]] = []  # phrases come longest first
    for rubric_id, phrase in keywords.phrases:
        size = len(phrase)
        for start in range(len(tokens) - size + 1):
            end = start + size
            inside = any(s <= start and end <= e for s, e, _ in hits)
            if not inside and tuple(tokens[start:end]) == phrase:
                hits.append((start, end, rubric_id))
    named = {rubric_id for _, _, rubric_id in hits}
    if len(named) != 1:
        return None
    covered = {i for s, e, _ in hits for i in range(s, e)}
    return HeadingMatch(named.pop(), _KEYWORD_SCORE, len(covered) / len(tokens))


def _score(a: str, target: _Target) -> float:
    """How well the words `a` of a line name `target` (0 when they do not)."""
    b = target.words
    if a == b:
        return 0.85 if target.alias else 1.0
    if target.alias:
        return 0.0
    a_list, b_list = a.split(), b.split()
    n_a, n_b = len(a_list), len(b_list)
    if n_a >= 4 and b.startswith(a + " "):
        return 0.9  # a shortened label: "Description de la structure porteuse"
    if a.startswith(b + " ") and n_a - n_b <= _MAX_EXTRA_WORDS:
        return 0.9  # the label and a few words more: "... pôle (suite)"
    if n_a >= 4 and n_a <= n_b and _is_subsequence(a_list, b_list):
        return 0.78 + 0.1 * n_a / n_b  # "description des objectifs et de la vision ..."
    shared = len(set(a_list) & set(b_list))
    if 2 * shared < 0.6 * (len(set(a_list)) + len(set(b_list))):
        return 0.0  # too few words in common for a misspelt label
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < _MIN_RATIO or matcher.quick_ratio() < _MIN_RATIO:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= _MIN_RATIO else 0.0


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)
