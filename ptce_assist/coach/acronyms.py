"""Acronyms used before being spelled out.

An acronym counts as spelled out when, at its first use, its full form comes before it (in
this text or an earlier rubric) or right after it, or when it is followed by or sits inside
parentheses next to words ("économie sociale et solidaire (ESS)", "ESS (économie...)").
Known acronyms get the glossary's full form as a suggestion; others are reported without one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ptce_assist.coach.data import Acronym, glossary
from ptce_assist.coach.folding import fold, plural_tolerant

_CANDIDATE = re.compile(r"(?<![\w&-])([A-ZÀ-ÖØ-Þ][A-Z0-9À-ÖØ-Þ&]{1,7})(?![\w&-])")
_ROMAN = re.compile(r"[IVXLCDM]+")
_DEFINED_AFTER = re.compile(r"\s*\(\s*[^\W\d_]+[\s'’-]+[^\W\d_]+")
NEAR_AFTER = 120  # a full form starting within this many characters after the use counts


@dataclass(frozen=True, slots=True)
class AcronymFinding:
    acronym: str
    start: int
    end: int
    expansion: str | None  # the glossary's full form, None for an unknown acronym
    defined_later: bool

    @property
    def message(self) -> str:
        if self.expansion:
            advice = f"Écrivez d'abord : {self.expansion} ({self.acronym})."
        else:
            advice = "Écrivez d'abord la forme complète, puis le sigle entre parenthèses."
        where = "n'est développé que plus loin" if self.defined_later else "n'est pas développé"
        return f"« {self.acronym} » {where} à sa première utilisation. {advice}"


@dataclass(frozen=True)
class _Compiled:
    known: re.Pattern[str]
    by_form: dict[str, Acronym]
    expansions: dict[str, re.Pattern[str]]
    well_known: frozenset[str]


@cache
def _compiled() -> _Compiled:
    entries = glossary().acronyms
    by_form = {form: a for a in entries for form in (a.acronym, *a.variants)}
    forms = sorted(by_form, key=len, reverse=True)
    known = re.compile(
        r"(?<![\w&-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w&-])"
    )
    expansions = {
        a.acronym: re.compile("|".join(plural_tolerant(e) for e in a.expansions)) for a in entries
    }
    return _Compiled(known, by_form, expansions, frozenset(glossary().well_known))


def _uppercase_line(text: str, start: int) -> bool:
    """A title typed in capitals: its words are not acronyms."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.7


def _uses(text: str) -> dict[str, tuple[int, int, Acronym | None]]:
    """First use of each acronym: canonical form -> (start, end, glossary entry)."""
    compiled = _compiled()
    first: dict[str, tuple[int, int, Acronym | None]] = {}
    covered: list[tuple[int, int]] = []
    for match in compiled.known.finditer(text):
        entry = compiled.by_form[match.group(1)]
        covered.append(match.span())
        first.setdefault(entry.acronym, (match.start(), match.end(), entry))
    for match in _CANDIDATE.finditer(text):
        word = match.group(1)
        if (
            word in compiled.well_known
            or word in first
            or _ROMAN.fullmatch(word)
            or any(s <= match.start() < e for s, e in covered)
            or _uppercase_line(text, match.start())
        ):
            continue
        first[word] = (match.start(), match.end(), None)
    return first


def _parenthesised(text: str, start: int, end: int) -> bool:
    if _DEFINED_AFTER.match(text, end):
        return True
    before = text[:start].rstrip()
    return before.endswith("(") and bool(re.search(r"[^\W\d_]{2,}\W+\($", before[-40:]))


@lru_cache(maxsize=64)
def defined_in(text: str) -> frozenset[str]:
    """Acronyms that `text` spells out somewhere (used as context for later rubrics)."""
    folded = fold(text)
    compiled = _compiled()
    found = {
        name for name, regex in compiled.expansions.items() if regex.search(folded)
    }
    for name, (start, end, _) in _uses(text).items():
        if _parenthesised(text, start, end):
            found.add(name)
    return frozenset(found)


def undefined_acronyms(text: str, earlier: Sequence[str] = ()) -> list[AcronymFinding]:
    already: set[str] = set()
    for earlier_text in earlier:
        already |= defined_in(earlier_text)
    folded = fold(text)
    compiled = _compiled()
    findings = []
    for name, (start, end, entry) in sorted(_uses(text).items(), key=lambda item: item[1][0]):
        if name in already or _parenthesised(text, start, end):
            continue
        later = False
        if entry is not None:
            full = compiled.expansions[name].search(folded)
            if full is not None and full.start() <= end + NEAR_AFTER:
                continue
            later = full is not None
        findings.append(
            AcronymFinding(name, start, end, entry.expansion if entry else None, later)
        )
    return findings
