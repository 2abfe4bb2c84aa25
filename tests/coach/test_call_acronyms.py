"""The coach does not ask to spell out the acronyms the call itself writes unexpanded (PTCE,
ESS…), nor PME and BTP; the call's list is checked against the call's own text."""

from __future__ import annotations

import re
from collections import Counter

from ptce_assist.call import load_call
from ptce_assist.coach.report import coach_text
from tests.conftest import require_or_skip
from tests.editions.quotes import source_path

ACRONYM = re.compile(r"(?<![\w-])([A-ZÉÈ][A-ZÉÈ0-9&]{1,7})(?![\w-])")


def _reference_text() -> str:
    path = source_path(load_call().id)
    require_or_skip(path.exists(), "PTCE_REQUIRE_ORACLES", f"texte de l'appel introuvable : {path}")
    return path.read_text("utf-8")


def test_the_call_s_unexpanded_acronyms_are_those_of_its_text() -> None:
    text = _reference_text()
    uses = Counter(ACRONYM.findall(text))
    unexpanded = {
        name
        for name, count in uses.items()
        if count > len(re.findall(r"\(\s*" + re.escape(name) + r"\s*\)", text))
    }
    assert set(load_call().acronyms_used) == unexpanded


def test_coach_accepts_the_call_s_acronyms() -> None:
    text = "Le PTCE réunit des structures de l'ESS, des PME du BTP et un centre de R&D."
    assert [a.acronym for a in coach_text("objectifs", text).acronyms] == []


def test_coach_still_asks_for_other_acronyms() -> None:
    text = "Le pôle travaille avec la CRESS et deux SIAE du territoire."
    assert [a.acronym for a in coach_text("objectifs", text).acronyms] == ["CRESS", "SIAE"]
