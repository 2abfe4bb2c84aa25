"""Everything the coach says about one rubric's text, as plain data (JSON-able)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ptce_assist.call import load_call
from ptce_assist.coach.acronyms import AcronymFinding, undefined_acronyms
from ptce_assist.coach.coverage import CoverageResult, check_coverage
from ptce_assist.coach.data import rules
from ptce_assist.coach.phrases import PhraseFinding, wordy_phrases
from ptce_assist.coach.readability import FORMULA, Readability, readability
from ptce_assist.coach.repetitions import RepeatFinding, repeated_words
from ptce_assist.coach.sentences import Sentence, split_sentences
from ptce_assist.dossier import Dossier


@dataclass(frozen=True)
class CoachResult:
    rubric_id: str
    characters: int
    words: int
    sentences: int
    average_sentence_words: float
    target_average_words: int
    readability: Readability
    long_sentences: tuple[Sentence, ...]
    acronyms: tuple[AcronymFinding, ...]
    wordy_phrases: tuple[PhraseFinding, ...]
    repeated_words: tuple[RepeatFinding, ...]
    coverage: tuple[CoverageResult, ...]

    @property
    def missing(self) -> tuple[CoverageResult, ...]:
        return tuple(item for item in self.coverage if not item.met and not item.optional)

    def as_dict(self) -> dict[str, Any]:
        return {
            "characters": self.characters,
            "words": self.words,
            "sentences": self.sentences,
            "average_sentence_words": self.average_sentence_words,
            "target_average_words": self.target_average_words,
            "readability": {
                "score": self.readability.score,
                "band": self.readability.band,
                "formula": FORMULA,
            },
            "long_sentences": [asdict(s) for s in self.long_sentences],
            "acronyms": [{**asdict(a), "message": a.message} for a in self.acronyms],
            "wordy_phrases": [
                {**asdict(p), "suggestions": list(p.suggestions), "message": p.message}
                for p in self.wordy_phrases
            ],
            "repeated_words": [
                {
                    "word": r.word,
                    "kind": r.kind,
                    "count": r.count,
                    "spans": [list(span) for span in r.spans],
                    "message": r.message,
                }
                for r in self.repeated_words
            ],
            "coverage": [asdict(c) for c in self.coverage],
            "missing": [c.id for c in self.missing],
        }


def coach_text(
    rubric_id: str,
    text: str,
    *,
    earlier_texts: Sequence[str] = (),
    call_id: str | None = None,
) -> CoachResult:
    """The coach's findings for `text` written in `rubric_id`. `earlier_texts`: the rubrics
    before it in the dossier, whose spelled-out acronyms need not be spelled out again;
    `call_id`: the dossier's edition (the current one when none is given)."""
    settings = rules()
    sentences = split_sentences(text)
    words = sum(s.words for s in sentences)
    long = sorted(
        (s for s in sentences if s.words >= settings.long_sentence_words),
        key=lambda s: -s.words,
    )[: settings.long_sentences_shown]
    return CoachResult(
        rubric_id=rubric_id,
        characters=len(text),
        words=words,
        sentences=len(sentences),
        average_sentence_words=round(words / len(sentences), 1) if sentences else 0.0,
        target_average_words=settings.target_average_words,
        readability=readability(text, sentences),
        long_sentences=tuple(long),
        acronyms=tuple(
            undefined_acronyms(text, earlier_texts, known=load_call(call_id).acronyms_used)
        ),
        wordy_phrases=tuple(wordy_phrases(text)),
        repeated_words=tuple(repeated_words(text)),
        coverage=tuple(check_coverage(rubric_id, text, call_id)),
    )


def coach_dossier(dossier: Dossier) -> dict[str, CoachResult]:
    """Every rubric of the dossier's call, in Annexe 1's order."""
    call = load_call(dossier.call_id)
    results: dict[str, CoachResult] = {}
    earlier: list[str] = []
    for rubric in call.rubrics:
        text = dossier.rubric_text(rubric.id)
        results[rubric.id] = coach_text(
            rubric.id, text, earlier_texts=tuple(earlier), call_id=call.id
        )
        if text.strip():
            earlier.append(text)
    return results


def coach_report(dossier: Dossier) -> dict[str, dict[str, Any]]:
    """JSON-able findings per rubric id (the `coach` section of `check --json`)."""
    return {rubric_id: r.as_dict() for rubric_id, r in coach_dossier(dossier).items()}
