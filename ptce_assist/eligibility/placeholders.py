"""Text that stands for content still to write: « À compléter après la réunion du 12 »,
« TODO », « [à rédiger] », lorem ipsum, « xxx », « Voir annexe », a rubric's own title.

A text made only of such placeholders counts as empty (the element is missing); placeholders
left inside real content are reported as unfinished. The phrases are data
(`calls/lexicon/placeholders.toml`); a phrase is a placeholder when it opens a sentence, when
the sentence is short, or when it stands in brackets or capitals, so that ordinary French
(« le plan de financement reste à compléter avec la Région, qui a donné son accord de
principe pour 20 000 € ») is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Rubric
from ptce_assist.eligibility.lexicon import alternatives, placeholders
from ptce_assist.eligibility.negation import Token, tokens
from ptce_assist.eligibility.textmatch import sentences
from ptce_assist.folding import fold, fold_with_index

ReadingKind = Literal["vide", "contenu", "attente", "intitule", "renvoi"]
EXCERPT_CHARS = 80

_OPEN_BRACKET = re.compile(r"[\[<{][^\]>}]*$")


class TextReading(BaseModel):
    """What a text holds: real content, nothing, or only a placeholder (and which)."""

    model_config = ConfigDict(frozen=True)

    kind: ReadingKind
    excerpt: str = ""  # the placeholder as typed, when the text is only that
    unfinished: tuple[str, ...] = ()  # placeholders left inside real content

    @property
    def missing(self) -> bool:
        return self.kind != "contenu"


def _words(found: tuple[Token, ...]) -> list[Token]:
    return [t for t in found if t.text[0].isalnum() or t.text[0] == "_"]


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1] + "…"


def _is_lorem(words: list[Token]) -> bool:
    lex = placeholders()
    if len(words) < lex.lorem_min_words:
        return False
    latin = sum(1 for w in words if w.text in lex.lorem_words)
    return latin / len(words) >= lex.lorem_share


def _stands_out(
    sentence: str, folded: str, index: tuple[int, ...] | None, start: int, end: int
) -> bool:
    """Whether the phrase at folded[start:end] is in brackets or written in capitals."""
    if _OPEN_BRACKET.search(folded[:start]):
        return True
    first, last = (start, end - 1) if index is None else (index[start], index[end - 1])
    typed = sentence[first : last + 1]
    letters = [c for c in typed if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _placeholder_sentence(sentence: str) -> bool:
    lex = placeholders()
    folded, index = fold_with_index(sentence)
    words = _words(tokens(folded))
    if _is_lorem(words):
        return True
    for match in alternatives(lex.strong_patterns).finditer(folded):
        position = sum(1 for w in words if w.end <= match.start())
        if (
            position < lex.opening_words
            or len(words) <= lex.short_sentence_words
            or _stands_out(sentence, folded, index, match.start(), match.end())
        ):
            return True
    return False


def _whole_text_placeholder(folded: str, words: list[Token], title: set[str]) -> ReadingKind | None:
    """A short text that is only a weak placeholder or a reference to an annex."""
    lex = placeholders()
    if len(words) > lex.weak_max_words:
        return None
    opening = next((w for w in words if w.text not in title), None)
    starts = [folded.strip(), folded[opening.start :] if opening else ""]
    if ":" in folded:  # « Budget : à venir »
        starts.append(folded.split(":", 1)[1].strip())
    for rest in starts:
        if any(re.match(p, rest) for p in lex.annex_patterns):
            return "renvoi"
        if alternatives(lex.weak_patterns).match(rest):
            return "attente"
    return None


@lru_cache(maxsize=1024)
def read_text(text: str, title: str = "") -> TextReading:
    """Read `text`; `title` holds the words of its heading (a rubric's title and the call's
    sentences about it), which a text must not merely repeat."""
    if not text.strip():
        return TextReading(kind="vide")
    lex = placeholders()
    folded = fold(text)
    words = _words(tokens(folded))
    if not words:
        return TextReading(kind="attente", excerpt=_shorten(text))
    title_words = {t.text for t in _words(tokens(fold(title)))}
    whole = _whole_text_placeholder(folded, words, title_words)
    if whole is not None:
        return TextReading(kind=whole, excerpt=_shorten(text))
    content_words = [w.text for w in words if w.text not in lex.empty_words]
    if title_words and content_words and all(w in title_words for w in content_words):
        return TextReading(kind="intitule", excerpt=_shorten(text))
    content = False
    unfinished: list[str] = []
    for sentence in sentences(text):
        if _placeholder_sentence(sentence):
            unfinished.append(_shorten(sentence))
        elif _words(tokens(fold(sentence))):
            content = True
    if not content:
        return TextReading(kind="attente", excerpt=unfinished[0] if unfinished else _shorten(text))
    return TextReading(kind="contenu", unfinished=tuple(unfinished))


def rubric_title(rubric: Rubric) -> str:
    """The words a rubric's text must not merely repeat: its title and the call's sentences."""
    parts = [
        rubric.label,
        rubric.short_fr,
        rubric.limit_label,
        rubric.prefix or "",
        *rubric.expects,
    ]
    return " ".join(parts)


def read_rubric(rubric: Rubric, text: str) -> TextReading:
    return read_text(text, rubric_title(rubric))
