"""Acronyms used before being spelled out.

An acronym counts as spelled out when, at its first use, its full form comes before it (in
this text or an earlier rubric) or right after it, or when it is followed by or sits inside
parentheses next to words ("économie sociale et solidaire (ESS)", "ESS (économie...)").
Known acronyms get the glossary's full form as a suggestion; others are reported without one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ptce_assist.coach.data import Acronym, glossary
from ptce_assist.coach.index import Term, TextIndex, index_of, plural_terms

_DEFINED_AFTER = re.compile(r"\s*\(\s*[^\W\d_]+[\s'’-]+[^\W\d_]+")
_DEFINED_BEFORE = re.compile(r"[^\W\d_]{2,}\W*\(\s*$")
_ROMAN = re.compile(r"[IVXLCDM]+")
_JOINERS = "&-"
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
class _Glossary:
    single: dict[str, Acronym]  # a form that is one word ("QPV", "Scop")
    multi: dict[str, Acronym]  # a form with spaces or signs ("DG Trésor", "R&D")
    expansions: dict[str, tuple[tuple[Term, ...], ...]]
    well_known: frozenset[str]


@cache
def _glossary() -> _Glossary:
    single: dict[str, Acronym] = {}
    multi: dict[str, Acronym] = {}
    for entry in glossary().acronyms:
        for form in (entry.acronym, *entry.variants):
            (single if re.fullmatch(r"[^\W_]+", form) else multi)[form] = entry
    expansions = {
        a.acronym: tuple(plural_terms(e) for e in a.expansions) for a in glossary().acronyms
    }
    return _Glossary(single, multi, expansions, frozenset(glossary().well_known))


def _uppercase_line(text: str, start: int) -> bool:
    """A title typed in capitals: its words are not acronyms."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.7


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in _JOINERS or after.isalnum() or after in _JOINERS)


def _uses(text: str, index: TextIndex) -> dict[str, tuple[int, int, Acronym | None]]:
    """First use of each acronym: canonical form -> (start, end, glossary entry)."""
    known = _glossary()
    found: list[tuple[int, int, str, Acronym | None]] = []
    covered: set[int] = set()
    for form, multi in known.multi.items():
        at = text.find(form)
        while at >= 0:
            if _bounded(text, at, at + len(form)):
                found.append((at, at + len(form), multi.acronym, multi))
                covered.update(range(at, at + len(form)))
                break
            at = text.find(form, at + 1)
    for start, end in zip(index.starts, index.ends, strict=True):
        if not text[start].isupper() or start in covered or not _bounded(text, start, end):
            continue
        word = text[start:end]
        entry = known.single.get(word)
        if entry is not None:
            found.append((start, end, entry.acronym, entry))
        elif (
            2 <= len(word) <= 8
            and word.isupper()
            and word not in known.well_known
            and not _ROMAN.fullmatch(word)
            and not _uppercase_line(text, start)
        ):
            found.append((start, end, word, None))
    first: dict[str, tuple[int, int, Acronym | None]] = {}
    for start, end, name, entry in sorted(found, key=lambda f: f[0]):
        first.setdefault(name, (start, end, entry))
    return first


def _parenthesised(text: str, start: int, end: int) -> bool:
    if _DEFINED_AFTER.match(text, end):
        return True
    return bool(_DEFINED_BEFORE.search(text[max(0, start - 40) : start]))


def _full_form_at(index: TextIndex, name: str) -> int:
    """Offset of the first full form of `name` in the text, or -1."""
    best = -1
    for terms in _glossary().expansions.get(name, ()):
        first, _ = index.find(terms, 0, joined=False)
        if first >= 0 and (best < 0 or index.starts[first] < best):
            best = index.starts[first]
    return best


@lru_cache(maxsize=256)
def _defined_in(text: str, name: str) -> bool:
    """Whether `text` (an earlier rubric) spells out the acronym `name`."""
    index = index_of(text)
    if _full_form_at(index, name) >= 0:
        return True
    use = _uses(text, index).get(name)
    return use is not None and _parenthesised(text, use[0], use[1])


def defined_in(text: str) -> frozenset[str]:
    """Acronyms that `text` spells out somewhere."""
    names = set(_glossary().expansions) | set(_uses(text, index_of(text)))
    return frozenset(name for name in names if _defined_in(text, name))


def undefined_acronyms(
    text: str, earlier: Sequence[str] = (), *, known: Collection[str] = ()
) -> list[AcronymFinding]:
    """First uses of acronyms not spelled out; `known`: those the call itself writes
    unexpanded, which a dossier for the call may use the same way."""
    index = index_of(text)
    findings = []
    for name, (start, end, entry) in _uses(text, index).items():
        if name in known or name in _glossary().well_known:
            continue
        if _parenthesised(text, start, end):
            continue
        later = False
        if entry is not None:
            full = _full_form_at(index, name)
            if 0 <= full <= end + NEAR_AFTER:
                continue
            later = full >= 0
        if any(_defined_in(before, name) for before in earlier):
            continue
        findings.append(AcronymFinding(name, start, end, entry.expansion if entry else None, later))
    return findings
