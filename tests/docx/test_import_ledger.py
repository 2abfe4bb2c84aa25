"""Property: whatever a draft holds, every paragraph, table row and list item ends up in
exactly one place (a rubric, an identity field, a heading, or the « laissé de côté » list),
and what is imported plus what is set aside is the draft's text, character for character.

Drafts are generated from the pieces candidates write (rubric headings in every shape,
unknown titles, identity lines, lists, tables, limits, sommaires, signatures, highlighted and
commented passages, blank lines and page breaks), with text drawn from an alphabet rich in
French typography (no-break spaces, « », typed bullets, colons, tabs).
"""

from __future__ import annotations

import re
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptce_assist.call import load_call
from ptce_assist.docx_import import ImportResult, Piece, import_docx
from tests.docx.corpus import LABELS, LIMITS
from tests.docx.corpus_builder import Run, W

CALL = load_call()
SHORT = [
    "Structure porteuse",
    "Objectifs",
    "Acteurs",
    "Gouvernance",
    "Périmètre",
    "Actions engagées",
    "Plan d'actions",
    "Implication des membres",
    "Mise en réseau",
    "Budget prévisionnel",
    "Notre histoire",
    "Contexte",
    "Annexe 2 – Statuts",
    "Sommaire",
    "Points divers",
    "Ordre du jour",
]
IDENTITY = [
    "Nom du projet : Pôle Sud",
    "Région : Région Sud – PACA",
    "Porteur du projet : SCIC X",
    "Référente : Marie Dupont (présidente)",
    "Nom : ROUX",
    "Prénom : Camille",
    "Contact : Fatou Diallo, chargée – f@x.fr – 06 12 34 56 78",
    "Mail :",
    "Forme juridique",
    "Structure porteuse du dossier",
    "Personne référente du dossier",
    "Statut : SARL",
]
OTHER_LINES = [
    "(2 pages maximum)",
    "15 lignes max.",
    "À compléter",
    "Fait à Die, le 3 mars 2024",
    "La présidente,",
    "Rubrique 3 – Acteurs ........ 4",
    "Gouvernance\t5",
    "Aucune annexe complémentaire n'est attendue pour les candidats",
    "Dossier de candidature AMI",
    "NB : à vérifier",
    "[Rubrique obligatoire non renseignée]",
]
ALPHABET = st.sampled_from(
    [
        *"abcdeéèàçôœ ABCÉÀ0123456789,.;:!?'’«»()-–/@%€",
        "\u00a0",
        "\u202f",
        "\t",
        "• ",
        "- ",
        "1. ",
        " : ",
        "Gouvernance",
        "financement",
        "Nom",
        "\n",
    ]
)
text = st.lists(ALPHABET, min_size=0, max_size=40).map("".join)
heading_text = st.one_of(
    st.sampled_from(list(LABELS.values())),
    st.sampled_from([f"{label} {LIMITS[rid]}" for rid, label in LABELS.items()]),
    st.sampled_from(SHORT),
    st.tuples(
        st.sampled_from(["1. ", "II - ", "A) ", "2.7 ", "Rubrique 4 – ", ""]),
        st.sampled_from(SHORT),
    ).map("".join),
)


@st.composite
def draft(draw: st.DrawFn) -> W:
    w = W()
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(
            st.sampled_from(
                [
                    "heading",
                    "heading",
                    "body",
                    "body",
                    "body",
                    "identity",
                    "line",
                    "list",
                    "table",
                    "note",
                    "comment",
                    "bold_lead",
                    "blank",
                    "page_break",
                    "breaks",
                ]
            )
        )
        if kind == "heading":
            shape = draw(st.sampled_from(["h1", "h2", "bold", "italic", "caps", "plain"]))
            title = draw(heading_text)
            if shape in ("h1", "h2"):
                w.h(title, 1 if shape == "h1" else 2)
            elif shape == "caps":
                w.p(title.upper(), bold=draw(st.booleans()))
            else:
                w.p(title, bold=shape == "bold", italic=shape == "italic")
        elif kind == "body":
            w.p(draw(text))
        elif kind == "identity":
            w.p(draw(st.sampled_from(IDENTITY)), italic=draw(st.booleans()))
        elif kind == "line":
            w.p(draw(st.sampled_from(OTHER_LINES)), highlight=draw(st.booleans()))
        elif kind == "list":
            style = draw(st.sampled_from(["List Bullet", "List Number", "List Bullet 2"]))
            for item in draw(st.lists(text, min_size=1, max_size=3)):
                w.p(item, style=style)
        elif kind == "table":
            rows = draw(st.integers(1, 3))
            cols = draw(st.integers(1, 3))
            cells = st.one_of(text, st.sampled_from(IDENTITY + SHORT), st.lists(text, max_size=2))
            w.table([[draw(cells) for _ in range(cols)] for _ in range(rows)])
        elif kind == "note":
            w.runs(draw(text), Run(draw(text), highlight=True), draw(text))
        elif kind == "comment":
            w.runs(draw(text), Run(draw(text) or "x", comment="Julien : à voir"), draw(text))
        elif kind == "bold_lead":
            w.runs(Run(draw(heading_text) + " :", bold=True), " " + draw(text))
        elif kind == "blank":
            w.p()
        elif kind == "page_break":
            w.page_break()
        else:
            w.line_break_paragraph(*draw(st.lists(text, min_size=2, max_size=3)))
    return w


def _residue(whole: str, parts: list[str]) -> str:
    """`whole` with `parts` taken out in order; AssertionError when one is missing."""
    position, rest = 0, []
    for part in parts:
        found = whole.find(part, position)
        assert found >= 0, (part, whole)
        rest.append(whole[position:found])
        position = found + len(part)
    rest.append(whole[position:])
    return "".join(rest)


_SEPARATORS = re.compile(r"^(?:\s|\| )*$")


def check(result: ImportResult, typed: list[str]) -> None:
    # 1. Every paragraph is accounted for, once, character for character, in order (a
    #    paragraph of spaces or breaks only carries no text).
    by_source: dict[int, str] = defaultdict(str)
    for piece in result.pieces:
        by_source[piece.source] += piece.text
    assert sorted(by_source) == list(range(len(typed)))  # blank ones too
    read_back = [by_source[index] for index in sorted(by_source)]
    assert [t for t in read_back if t.strip()] == [t for t in typed if t.strip()]

    # 2. Each rubric's text is made of its pieces (and kept notes) and of separators only.
    choices = result.default_choices()
    for rubric_id, rubric_text in result.rubrics.items():
        parts = _shown(
            [
                p
                for p in result.pieces
                if (p.place == "rubric" and p.rubric == rubric_id)
                or (p.place == "aside" and not p.title and choices.get(p.leftover) == rubric_id)
            ]
        )
        assert _SEPARATORS.match(_residue(rubric_text, parts)), (rubric_text, parts)

    # 3. Every other piece is where the candidate sees it.
    for piece in result.pieces:
        if not piece.text.strip():
            continue
        if piece.place == "aside":
            leftover = result.leftovers[piece.leftover]
            shown = leftover.heading if piece.title else leftover.text
            assert piece.text.strip() in shown
        elif piece.place == "heading":
            assert piece.rubric in result.headings
        elif piece.place == "identity":
            assert (
                all(path in result.identity for path in piece.paths)
                or not piece.paths
                or (not any(result.identity_sources.get(path) for path in piece.paths))
            )
        elif piece.place == "blank":
            raise AssertionError(f"text placed nowhere: {piece.text!r}")

    # 4. Set-aside texts are made of their pieces only.
    for index, leftover in enumerate(result.leftovers):
        parts = _shown(
            [p for p in result.pieces if p.place == "aside" and p.leftover == index and not p.title]
        )
        if leftover.kind == "note":
            parts = [part.strip() for part in parts]
        assert _SEPARATORS.match(_residue(leftover.text, parts)), (leftover, parts)


def _shown(pieces: list[Piece]) -> list[str]:
    """The pieces' texts as they read in a text: a list item's "- " before its line. Blank
    pieces are left out (blank lines at both ends of a text are not kept)."""
    out: list[str] = []
    line = None
    for piece in pieces:
        head = piece.prefix if piece.line != line else ""
        line = piece.line
        if piece.text.strip():
            out.append(head + piece.text)
    return out


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(w=draft())
def test_every_paragraph_ends_up_in_exactly_one_place(w: W) -> None:
    check(import_docx(w.bytes(), CALL), w.typed)
