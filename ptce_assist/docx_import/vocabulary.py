"""The words the Word import recognises, as data: the French words every edition shares
(`calls/lexicon/import.toml`) completed by the edition's own (`calls/<call id>/import.toml`).

Loaded once per call and folded (`ptce_assist.folding.words`) so that matching compares like
with like. The call's own labels (rubrics, identity fields) are added by the matchers themselves.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ptce_assist.editions import edition_file, lexicon_toml, merged, read_toml
from ptce_assist.folding import words


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Headings(_Frozen):
    filler: tuple[str, ...] = ()
    keywords: dict[str, tuple[str, ...]] = Field(default_factory=dict)


class IdentityLabel(_Frozen):
    path: str
    words: tuple[str, ...]
    section: str | None = None
    card: bool = False
    part: Literal["nom", "prenom"] | None = None


class LegalFormWords(_Frozen):
    id: str
    words: tuple[str, ...]


class IdentityTitles(_Frozen):
    structure: tuple[str, ...] = ()
    referent: tuple[str, ...] = ()
    block: tuple[str, ...] = ()


class Identity(_Frozen):
    titles: IdentityTitles = Field(default_factory=IdentityTitles)
    labels: tuple[IdentityLabel, ...] = ()
    regions: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    legal_forms: tuple[LegalFormWords, ...] = ()


class Lines(_Frozen):
    template: tuple[str, ...] = ()
    dossier_titles: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()
    sommaire: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()


class Vocabulary(_Frozen):
    headings: Headings = Field(default_factory=Headings)
    identity: Identity = Field(default_factory=Identity)
    lines: Lines = Field(default_factory=Lines)

    def folded(self) -> Vocabulary:
        """The same vocabulary with every phrase passed through `words`."""

        def fold_all(phrases: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(w for w in map(words, phrases) if w))

        h, i, li = self.headings, self.identity, self.lines
        return Vocabulary(
            headings=Headings(
                filler=fold_all(h.filler),
                keywords={rid: fold_all(keys) for rid, keys in h.keywords.items()},
            ),
            identity=Identity(
                titles=IdentityTitles(
                    structure=fold_all(i.titles.structure),
                    referent=fold_all(i.titles.referent),
                    block=fold_all(i.titles.block),
                ),
                labels=tuple(
                    label.model_copy(update={"words": fold_all(label.words)}) for label in i.labels
                ),
                regions={code: fold_all(names) for code, names in i.regions.items()},
                legal_forms=tuple(
                    form.model_copy(update={"words": fold_all(form.words)})
                    for form in i.legal_forms
                ),
            ),
            lines=Lines(
                template=fold_all(li.template),
                dossier_titles=fold_all(li.dossier_titles),
                placeholders=fold_all(li.placeholders),
                sommaire=fold_all(li.sommaire),
                closing=fold_all(li.closing),
                signature=fold_all(li.signature),
            ),
        )


def parse_vocabulary(toml_text: str) -> Vocabulary:
    return Vocabulary.model_validate(tomllib.loads(toml_text))


def vocabulary_data(call_id: str) -> dict[str, Any]:
    """The shared words with the edition's added (the edition's alone may be absent)."""
    own = edition_file(call_id, "import.toml")
    return merged(lexicon_toml("import"), read_toml(own) if own else {})


@cache
def load_vocabulary(call_id: str) -> Vocabulary:
    """The folded vocabulary of `call_id`."""
    return Vocabulary.model_validate(vocabulary_data(call_id)).folded()
