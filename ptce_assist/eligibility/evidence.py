"""Evidence detectors: what the dossier's texts already say (jobs, indicators, partners...).

Each detector is a set of regular expressions over the folded text (lower case, no accents),
plus, where capitals matter (« la Région »), expressions over the text as typed: French words,
as data shared by every edition (`calls/lexicon/evidence.toml`). A hit keeps an excerpt of the
text as typed, so the person sees where the evidence was found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ptce_assist.dossier import Dossier
from ptce_assist.editions import lexicon_toml
from ptce_assist.eligibility.textmatch import excerpt
from ptce_assist.folding import fold_with_index

_WORD_CHAR = re.compile(r"\w")
_FRAGMENT = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True)
class Detector:
    id: str
    label_fr: str
    folded: tuple[re.Pattern[str], ...]
    raw: tuple[re.Pattern[str], ...] = field(default=())


class _Signal(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label_fr: str
    words: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    raw: tuple[str, ...] = ()


class _Evidence(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fragments: dict[str, str] = Field(default_factory=dict)
    signals: dict[str, _Signal]


def _expand(expression: str, fragments: dict[str, str], depth: int = 0) -> str:
    """`expression` with every <<name>> replaced by its fragment (fragments nest)."""
    if depth > 5:
        raise ValueError(f"fragments nested too deep in {expression!r}")
    return _FRAGMENT.sub(lambda m: _expand(fragments[m.group(1)], fragments, depth + 1), expression)


def _detectors() -> dict[str, Detector]:
    data = _Evidence.model_validate(lexicon_toml("evidence"))

    def compiled(expressions: tuple[str, ...], wrap: str = "{}") -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(wrap.format(_expand(e, data.fragments))) for e in expressions)

    # Words end on a word boundary; their start boundary is checked by `find` rather than by
    # a look-behind: a pattern that begins with its literal text is searched ten times faster.
    return {
        signal_id: Detector(
            signal_id,
            signal.label_fr,
            compiled(signal.words, "(?:{})(?!\\w)") + compiled(signal.patterns),
            compiled(signal.raw),
        )
        for signal_id, signal in data.signals.items()
    }


DETECTORS: dict[str, Detector] = _detectors()


_CONTEXT = 50  # characters of context on each side of an excerpt


def find(signal: str, text: str, limit: int = 3) -> list[str]:
    """Excerpts of `text` where the detector `signal` fires (at most `limit`)."""
    return list(_find(signal, text, limit))


@lru_cache(maxsize=2048)
def _find(signal: str, text: str, limit: int) -> tuple[str, ...]:
    detector = DETECTORS[signal]
    folded, index = fold_with_index(text)
    spans: list[tuple[int, int]] = []
    for pattern in detector.folded:
        for match in pattern.finditer(folded):
            start = match.start()
            if match.end() <= start or (start and _WORD_CHAR.match(folded, start - 1)):
                continue  # empty, or starts inside a word
            if index is None:
                spans.append(match.span())
            else:
                spans.append((index[match.start()], index[match.end() - 1] + 1))
    for pattern in detector.raw:
        spans.extend(m.span() for m in pattern.finditer(text))
    spans.sort()
    found: list[str] = []
    last_end = -1
    for start, end in spans:
        if start < last_end:  # already inside the previous excerpt
            continue
        found.append(excerpt(text, start, end, _CONTEXT))
        last_end = end + _CONTEXT
        if len(found) >= limit:
            break
    return tuple(found)


def detects(signal: str, text: str) -> bool:
    return bool(find(signal, text, limit=1))


@dataclass(frozen=True)
class Hit:
    signal: str
    rubric_id: str
    excerpt: str


def hits_in_dossier(
    dossier: Dossier, signal: str, rubric_ids: tuple[str, ...], per_rubric: int = 2
) -> list[Hit]:
    """Where the dossier's rubrics show `signal`, rubric by rubric in the given order."""
    return [
        Hit(signal, rubric_id, passage)
        for rubric_id in rubric_ids
        for passage in find(signal, dossier.rubric_text(rubric_id), limit=per_rubric)
    ]


SignalSource = Callable[[str, tuple[str, ...]], list[Hit]]
"""Looks a signal up in some rubrics; special signals (actors, territories) plug in here."""
