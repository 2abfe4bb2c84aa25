"""prepare_text: what the candidate typed -> the exported, measured text (hand-written)."""

from __future__ import annotations

import pytest

from ptce_assist.layout.typography import (
    prepare_paragraph,
    prepare_text,
    supported_characters,
    unsupported_characters,
)

NB, NN = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("typed", "exported"),
    [
        ("Bonjour !", f"Bonjour{NN}!"),
        ("Bonjour!", f"Bonjour{NN}!"),
        ("Quoi ?! Vraiment ?", f"Quoi{NN}?! Vraiment{NN}?"),
        ("Oui ; non", f"Oui{NN}; non"),
        ("Note : voir", f"Note{NB}: voir"),
        ("« citation »", f"«{NB}citation{NB}»"),
        ("«citation»", f"«{NB}citation{NB}»"),
        ("« mot » :", f"«{NB}mot{NB}»{NB}:"),
        ("100 000 €", f"100{NN}000{NB}€"),
        ("1 250 000 euros", f"1{NN}250{NN}000{NB}euros"),
        ("12,5 %", f"12,5{NB}%"),
        ("80 k€ et 1,5 M€", f"80{NB}k€ et 1,5{NB}M€"),
        ("en 2018 2019", "en 2018 2019"),  # not a group of thousands
        ("12345 678", "12345 678"),  # nor after a longer number
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("à 10:30", "à 10:30"),
        ("l'État et aujourd'hui", "l’État et aujourd’hui"),
        ("'citation'", "'citation'"),  # not between two letters
        ("- premier point", f"•{NB}premier point"),
        ("• deuxième", f"•{NB}deuxième"),
        ("* troisième", f"•{NB}troisième"),
        ("-5 %", f"-5{NB}%"),  # a minus sign, not a bullet
        ("  espaces   multiples  ", "espaces multiples"),
        ("mot \u00a0 :", f"mot{NB}:"),  # no ordinary space beside a no-break one
        ("tab\tici", "tab ici"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("e\u0301te\u0301", "été"),  # NFC
        ("soft\u00adhyphen\u200b", "softhyphen"),
        ("x\u2011y\u2010z\u2212w", "x-y-z-w"),
        ("ctrl\x00\x07\x7f\x85", "ctrl"),
        ("", ""),
        ("\n\n", "\n\n"),
    ],
)
def test_prepare_text(typed: str, exported: str) -> None:
    assert prepare_text(typed) == exported


def test_prepare_text_is_idempotent_and_keeps_paragraphs() -> None:
    typed = "Titre : suite !\n\n- point « un »\n100 000 € ; 3 %"
    once = prepare_text(typed)
    assert prepare_text(once) == once
    assert once.count("\n") == typed.count("\n")
    assert prepare_paragraph("Note : voir") == f"Note{NB}: voir"


def test_unsupported_characters() -> None:
    assert unsupported_characters("Un pôle 😀 engagé", "arial11") == {"😀"}
    assert unsupported_characters("œ « » € ’ … — ‰", "times12") == set()
    # Carlito lacks U+00A0 in its Unicode table, but Writer draws it as a blank: supported.
    assert "\u00a0" in supported_characters("calibri11")
    assert unsupported_characters("mot ‐ mot", "calibri11") == set()  # "‐" becomes "-"
    assert unsupported_characters("中文", "arial11") == {"中", "文"}
