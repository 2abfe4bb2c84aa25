"""Shared test vectors for the Python engine and its JavaScript twin (deterministic).

Corpus samples of every preset, edge cases chosen for the rules (portions, underflow, cuts,
ligatures, slash rule, typography), and seeded random strings over a hostile alphabet.
"""

from __future__ import annotations

import random
from typing import NamedTuple

from ptce_assist.layout.presets import PRESETS
from tests.layout import corpus


class Vector(NamedTuple):
    text: str
    preset_id: str
    raw: bool  # measure as is (True) or through prepare_text (False)


NBSP, NNBSP = "\u00a0", "\u202f"

EDGE_CASES: tuple[str, ...] = (
    "",
    " ",
    "\n",
    "\n\n\n",
    "   \n  \n",
    "- ",
    "-",
    "•",
    "- item\n* étoile\n– tiret\n• puce\n-5 %",
    "mot ?",
    "mot?",
    "Quoi ?! Vraiment ? Oui ; non : peut-être !",
    "« citation »  «sans espace»  «\u00a0déjà\u00a0»",
    "100 000 € ; 1 250 000 euros ; 12,5 % ; 3 ‰ ; 80 k€ ; 1,5 M€ ; 2 Md€ ; 12345 678",
    "l'État d'une aujourd'hui 'citation' l'",
    "2018-2019 2025-2027 L3332-17-1 n°2015-431",
    "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296 et/ou w/o A/B",
    "C:\\Dossiers\\PTCE\\annexe.pdf",
    "a" * 300,
    "a" * 90 + " " + "b" * 90,
    ("mot" + NBSP) * 80,
    ("abcdefgh" + NBSP) * 40,
    "x " + ("mot" + NBSP) * 80,
    NBSP * 400,
    NNBSP * 400,
    " " * 400,
    "«" + NBSP + "z" * 200 + NBSP + "»",
    "efficace affiliation difficile réflexion attention fft ffi ffl tti ttf ft " * 12,
    "ff" + NBSP + "ff" + NBSP + "fi" * 100,
    "émoji 😀 et 👩‍👩‍👧 et drapeau 🇫🇷 " * 10,
    "e\u0301te\u0301 de\u0301compose\u0301 " * 30,
    "tab\tulation\r\nfin\rde ligne\u2028séparateur\u2029paragraphe",
    "contrôle\x00\x01\x0b\x1f\x7f\x85\ufeff\u200b\u00ad",
    "שלום עולם مرحبا بالعالم " * 20,
    "Ω ≈ ∑ → ← ★ ☺ 中文 日本語 한국어 " * 10,
    "(mot) [mot] {mot} ¿pregunta? ¡exclamación! „Zitat“ ‚x‘ ‹ y › “z” " * 8,
    "— tiret cadratin — et – demi – et - trait - " * 10,
    "…… ... ‥ · ° 25 °C 10:30 14h30 1er XXe § 3 ¶ µ ± × ÷ © ® ™ † ‡ " * 8,
    # The "/" rule: the last space must lie within 66 characters before the break.
    *("x " + "a" * n + "/" + "b" * 60 for n in range(56, 70)),
    *("chemin " + "/".join(["dossier"] * n) for n in (8, 9, 10, 12, 20)),
    (
        "Le pôle territorial de coopération économique rassemble des acteurs ; "
        "il met en œuvre une stratégie commune « durable » à 100 000 € ! "
    )
    * 12,
)


def vectors(per_preset: int = 120, fuzz: int = 400, seed: int = 2024) -> list[Vector]:
    rng = random.Random(seed)
    out: list[Vector] = []
    for index, preset_id in enumerate(sorted(PRESETS)):
        for sample in corpus.generate(seed + index, per_preset):
            out.append(Vector(sample.text, preset_id, sample.raw))
        for text in EDGE_CASES:
            out.append(Vector(text, preset_id, False))
            out.append(Vector(text, preset_id, True))
    alphabet = list("ab é'«»;:!?  \n0123456789,.%€-*•–\t\r()[]/’”…kMd eurosfiflt😀\u0301")
    alphabet += [NBSP, NNBSP, "\u2028", "\x0b", "\u200b"]
    for _ in range(fuzz):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        out.append(Vector(text, rng.choice(sorted(PRESETS)), rng.random() < 0.3))
    return out
