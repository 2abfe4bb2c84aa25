"""What a heading says once its decoration is dropped: numbering ("3.", "II -", "a)"),
bullets, the "OPTIONNEL ..." prefix and the limit ("(1 page maximum)", "- 15 lignes max").

Compared after folding (`ptce_assist.folding.fold_spaced`): case, accents, quotes, dashes
and spacing do not count.
"""

from __future__ import annotations

import re

from ptce_assist.folding import fold_spaced

_NUMBERING = re.compile(
    r"^(?:(?:rubrique|partie|section|question|point|chapitre)\s*)?"
    r"(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,5}|[a-h])\s*(?:[.)\-:°/]|\s)\s*"
)
_BULLET = re.compile(r"^[\s\-*•▪■►▶➢✓·o]+\s+")
_OPTIONAL = re.compile(
    r"^\(?\s*optionnel(?:le)?\b(?:\s+en\s+fonction\s+de\s+la\s+maturite\s+du\s+projet)?\s*\)?"
    r"\s*[:\-]?\s*"
)
_LIMIT_WORDS = r"\b(?:\d+(?:[.,/]\d+)?|une?|deux|trois|quinze|demi)(?:[\s-]+demi)?"
LIMIT = re.compile(
    rf"\s*[-:,]?\s*\(?\s*(?:limite\s*:?\s*)?(?:en\s+|sur\s+)?{_LIMIT_WORDS}[\s-]*"
    r"(?:pages?|lignes?)\b.*$"
)
_TRAILING = re.compile(r"[\s:.;,*_\-]+$")
_LEADING = re.compile(r"^[\s:*_\"]+")

# Typed numbering, by family: a heading numbered like the rubric headings is their sibling.
_FAMILIES = (
    ("mot", re.compile(r"^(?:rubrique|partie|section|question|point|chapitre)\s*\d", re.I)),
    ("decimal2", re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?(?:\s|[)\-–:])")),
    ("decimal", re.compile(r"^\d{1,2}\s*[.)°\-–:/]\s*(?=[^\d\s])")),
    ("roman", re.compile(r"^[IVX]{1,5}\s*[.)\-–:/]")),
    ("upper", re.compile(r"^[A-H]\s*[.)\-–:/]")),
    ("roman_lower", re.compile(r"^[ivx]{1,5}\s*[.)]")),
    ("lower", re.compile(r"^[a-h]\s*[.)]")),
)


def heading_core(text: str) -> str:
    """The folded heading without numbering, "OPTIONNEL" prefix, limit and end punctuation."""
    core = fold_spaced(text)
    for _ in range(2):
        core = _BULLET.sub("", core)
        core = _NUMBERING.sub("", core)
        core = _OPTIONAL.sub("", core)
    core = LIMIT.sub("", core)
    core = _TRAILING.sub("", _LEADING.sub("", core))
    core = core.replace('"', "").replace("(", " ").replace(")", " ")
    return " ".join(core.split())


def numbering_family(text: str) -> str | None:
    """ "decimal" for "3. ...", "roman" for "II - ...", "upper" for "A) ..."; None if none."""
    stripped = text.lstrip()
    for family, pattern in _FAMILIES:
        if pattern.match(stripped):
            return family
    return None
