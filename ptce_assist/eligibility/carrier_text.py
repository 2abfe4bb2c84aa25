"""What the dossier's own words say about the carrying structure.

Two readings, both on the carrier's name and the « Structure porteuse » rubric:
- which legal form they name (« SCIC SAS », « GIE », « établissement public »), to suggest a
  form when none is chosen or to read a stored value that is not an id of the list;
- whether they say the carrier is not yet a legal person (« nous sommes un collectif
  informel », « l'association n'est pas encore déclarée », « statuts en cours de rédaction »).
A statement counts only when it is about the carrier: not negated (« n'est plus un collectif
informel »), not about the pole (« le PTCE en cours de création ») nor about someone else
(« nous accompagnons une association en cours de création »). Words and patterns are data:
`legal_forms.patterns_fr` in the call file and `calls/lexicon/carrier.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ptce_assist.call import Call, LegalForm
from ptce_assist.eligibility.lexicon import alternatives, carrier
from ptce_assist.eligibility.negation import Token, clause_before, negated, tokens
from ptce_assist.eligibility.textmatch import excerpt_folded, sentences, words_key
from ptce_assist.folding import fold


@dataclass(frozen=True)
class FormMention:
    form: LegalForm
    excerpt: str  # the passage as typed


def _mentions(text: str, call: Call) -> list[tuple[int, int, FormMention]]:
    folded = fold(text)
    found: list[tuple[int, int, FormMention]] = []
    for order, form in enumerate(call.legal_forms):
        if not form.patterns_fr:
            continue
        for match in alternatives(form.patterns_fr).finditer(folded):
            if not negated(folded, match.start(), match.end()):
                passage = excerpt_folded(text, match.start(), match.end(), 30)
                found.append((match.start(), order, FormMention(form, passage)))
                break
    return sorted(found, key=lambda item: item[:2])


def form_named_in(text: str, call: Call) -> FormMention | None:
    """The legal form a text names first (ties: the form listed first in the call file)."""
    found = _mentions(text, call)
    return found[0][2] if found else None


def read_stored_form(value: str, call: Call) -> LegalForm | None:
    """The form of the list a stored value stands for: its id, its label, or its words
    (« gie », « etablissement_public », « Association loi 1901 »)."""
    form = call.legal_form(value)
    if form is not None or not value.strip():
        return form
    key = words_key(value)
    for candidate in call.legal_forms:
        if key in (words_key(candidate.label_fr), words_key(candidate.id)):
            return candidate
    mention = form_named_in(value.replace("_", " "), call)
    return mention.form if mention else None


def suggest_form(name: str, structure_text: str, call: Call) -> FormMention | None:
    """A form for a dossier that has none: the first one its name, then its rubric, names."""
    return form_named_in(name, call) or form_named_in(structure_text, call)


# --- « not yet a legal person » ------------------------------------------------------------
def _classify(words: list[str], j: int, form: LegalForm | None) -> str | None:
    """« carrier », « other » or None (not a noun that says who)."""
    lex = carrier()
    word = words[j]
    before = words[j - 1] if j > 0 else ""
    if word in lex.first_person:
        return "carrier"
    if word in lex.pole_nouns:
        return "other"
    if word in lex.generic_carrier_nouns:
        return "other" if before in lex.other_determiners else "carrier"
    families = lex.family_nouns.get(word)
    if families is None:
        return None
    if before in lex.other_determiners:
        return "other"
    return "carrier" if form is None or form.family in families else "other"


def _about_carrier(
    found: tuple[Token, ...], before: int, after: int, form: LegalForm | None
) -> bool:
    """Whether the statement between tokens `before` and `after` is about the carrier: the
    nearest noun that says who before it, or after it when the statement opens the sentence
    (« En cours de création, notre association… »); nobody named means the carrier, since
    the rubric describes it."""
    words = [t.text for t in found]
    candidates = range(before - 1, -1, -1) if before > 0 else range(after, len(words))
    for j in candidates:
        kind = _classify(words, j, form)
        if kind is not None:
            return kind == "carrier"
    return True


def _index(found: tuple[Token, ...], position: int) -> int:
    return next((i for i, t in enumerate(found) if t.end > position), len(found))


def _informal_is_the_carrier(found: tuple[Token, ...], index: int) -> int | None:
    """Where to look for the subject when the carrier « is » the informal group: the copula
    before it (« nous sommes un collectif informel ») or the sentence start; else None."""
    lex = carrier()
    if index == 0:
        return 0
    nearest = clause_before(found, index)[: lex.copula_reach]
    for distance, word in enumerate(nearest, start=1):
        if word in lex.copulas:
            return index - distance
    return None


@dataclass(frozen=True)
class Statement:
    in_name: bool  # found in the carrier's name (else in the structure rubric)
    excerpt: str  # the passage as typed


def not_yet_legal_person(name: str, text: str, form: LegalForm | None) -> Statement | None:
    """Where the dossier says the carrier is not yet a legal person; None if it does not."""
    lex = carrier()
    informal = alternatives(lex.informal_patterns)
    states = alternatives(lex.state_patterns)
    folded_name = fold(name)
    for regex in (states, informal):
        for match in regex.finditer(folded_name):
            if not negated(folded_name, match.start(), match.end()):
                return Statement(True, name.strip())  # the name is the carrier's own
    for sentence in sentences(text):
        folded = fold(sentence)
        found = tokens(folded)
        for match in informal.finditer(folded):
            if negated(folded, match.start(), match.end()):
                continue
            start = _informal_is_the_carrier(found, _index(found, match.start()))
            end = _index(found, match.end() - 1) + 1
            if start is not None and _about_carrier(found, start, end, form):
                return Statement(False, excerpt_folded(sentence, match.start(), match.end()))
        for match in states.finditer(folded):
            if negated(folded, match.start(), match.end()):
                continue
            start, end = _index(found, match.start()), _index(found, match.end() - 1) + 1
            if _about_carrier(found, start, end, form):
                return Statement(False, excerpt_folded(sentence, match.start(), match.end()))
    return None


def stored_form_label(value: str, call: Call) -> str:
    """How a stored legal form is shown in a list: its label, never a raw value."""
    form = call.legal_form(value)
    if form is not None:
        return form.label_fr
    read = read_stored_form(value, call)
    if read is not None:
        return f"{read.label_fr} (valeur importée, à confirmer dans la liste)"
    return "Forme juridique non reconnue : choisissez-la dans la liste"
