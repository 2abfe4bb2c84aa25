"""One folding rule for every comparison of French text (ptce_assist.folding)."""

from __future__ import annotations

from ptce_assist.folding import fold, fold_in_place, fold_spaced, fold_with_index, words

TYPED = "L’État d’Œuvre — Île-de-France\u00a0: « 100\u202f000 € »"


def test_one_rule_three_uses() -> None:
    assert fold(TYPED) == "l'etat d'œuvre - ile-de-france : « 100 000 € »"
    assert fold_in_place(TYPED) == fold(TYPED)  # here every character folds to one
    assert fold_spaced(TYPED) == "l'etat d'oeuvre - ile-de-france : \" 100 000 € \""
    assert words(TYPED) == "l etat d oeuvre ile de france 100 000"


def test_in_place_keeps_every_offset() -> None:
    text = "ﬁnancement ½ İstanbul ǅ a\u0301"  # ligature, fraction, dotted I, digraph, combining
    folded = fold_in_place(text)
    assert len(folded) == len(text)
    assert folded.startswith("ﬁnancement ½ istanbul")


def test_the_index_points_back_at_the_text_as_typed() -> None:
    text = "Café ﬁn"  # the ligature folds to two letters
    folded, index = fold_with_index(text)
    assert folded == "cafe fin"
    assert index is not None and [text[i] for i in index] == list("Café ﬁﬁn")
    assert fold_with_index("plain text")[1] is None
    assert fold_with_index("déjà vu")[1] is None  # one for one: no index needed
