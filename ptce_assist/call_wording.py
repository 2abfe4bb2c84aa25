"""What pages say about an edition of the call, in French, derived from its data.

No page writes a figure of the call (« dix rubriques », « 15 lignes maximum », « 12 critères »):
it asks these functions, which read the dossier's edition.
"""

from __future__ import annotations

from ptce_assist.call import Call, Rubric

_NUMBER_WORDS = (
    "zéro",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
    "vingt",
)


def in_words(count: int, noun: str, plural: str | None = None) -> str:
    """« dix rubriques », « une rubrique », « 24 rubriques » (feminine nouns: the app's are)."""
    word = noun if count == 1 else (plural or f"{noun}s")
    number = _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else str(count)
    return f"{number} {word}"


def with_limit(rubric: Rubric) -> str:
    """« « Gouvernance » (15 lignes maximum) »: the rubric's short name and its limit."""
    return f"« {rubric.short_fr} » ({rubric.limit_label})"


def limit_examples(call: Call, count: int = 2) -> str:
    """« « 1 page maximum », « 15 lignes maximum »... »: the edition's first distinct limits."""
    labels = list(dict.fromkeys(r.limit_label for r in call.rubrics))
    shown = ", ".join(f"« {label} »" for label in labels[:count])
    return shown + ("..." if len(labels) > count else "")


def template_summary(call: Call) -> str:
    """What the edition's Annexe 1 asks, in one sentence."""
    return (
        f"Le dossier suit {call.template_fr} de l'appel : identité du projet, puis "
        f"{in_words(len(call.rubrics), 'rubrique')}, chacune avec un volume maximal "
        f"({limit_examples(call)})."
    )


def selection_summary(call: Call) -> str:
    """« Les 12 critères de sélection de l'appel, en 3 blocs. »"""
    criteria = len(call.selection_criteria)
    blocks = len(call.selection_blocks)
    head = "Le critère" if criteria == 1 else f"Les {criteria} critères"
    return f"{head} de sélection de l'appel, en {blocks} bloc{'s' if blocks > 1 else ''}."
