"""« Ce qui a changé depuis la dernière séance »: reference moment and readable diff."""

from __future__ import annotations

import datetime as dt

from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.workshops.access import end_of_day, last_workshop_moment
from ptce_assist.workshops.changes import changes_since, readable_diff, sentences


def test_sentences() -> None:
    assert sentences("Un. Deux ! Trois ?\n\nQuatre… Cinq") == [
        "Un.",
        "Deux !",
        "Trois ?",
        "Quatre…",
        "Cinq",
    ]


def test_diff_marks_removed_and_added_sentences() -> None:
    before = "Le pôle réunit dix structures. Il agit à Romans. Il vise 8 emplois."
    after = "Le pôle réunit douze structures. Il agit à Romans. Il vise 8 emplois. Il forme."
    assert readable_diff(before, after).splitlines() == [
        "− Le pôle réunit dix structures.",
        "+ Le pôle réunit douze structures.",
        "  Il agit à Romans.",
        "  Il vise 8 emplois.",
        "+ Il forme.",
    ]


def test_diff_keeps_far_context_out() -> None:
    before = " ".join(f"Phrase {n}." for n in range(10))
    after = before.replace("Phrase 5.", "Phrase cinq.")
    assert readable_diff(before, after).splitlines() == [
        "  Phrase 4.",
        "− Phrase 5.",
        "+ Phrase cinq.",
        "  Phrase 6.",
    ]


def test_diff_of_html_is_plain_text() -> None:
    diff = readable_diff("", "<script>alert(1)</script>")
    assert diff == "+ <script>alert(1)</script>"


def test_last_workshop_moment() -> None:
    days = [dt.date(2025, 3, 1), dt.date(2025, 3, 15), dt.date(2025, 4, 1)]
    during_second = dt.datetime(2025, 3, 15, 10, 0, tzinfo=dt.UTC)
    assert last_workshop_moment(days, during_second) == end_of_day(dt.date(2025, 3, 1))
    after_second = dt.datetime(2025, 3, 16, 8, 0, tzinfo=dt.UTC)
    assert last_workshop_moment(days, after_second) == end_of_day(dt.date(2025, 3, 15))
    assert last_workshop_moment(days, dt.datetime(2025, 2, 1, tzinfo=dt.UTC)) is None
    # End of day in Paris: 23:59:59 in March (UTC+1) is 22:59:59 UTC.
    assert end_of_day(dt.date(2025, 3, 1)).replace(microsecond=0) == dt.datetime(
        2025, 3, 1, 22, 59, 59, tzinfo=dt.UTC
    )


def test_changes_since_lists_changed_rubrics_only() -> None:
    call = load_call()
    now = Dossier(rubrics={"objectifs": "Nouveau texte.", "acteurs": "Inchangé."})
    then = {"acteurs": "Inchangé.", "structure": "Texte retiré."}
    changes = {c.rubric_id: c for c in changes_since(then, now, call)}
    assert set(changes) == {"objectifs", "structure"}
    assert changes["objectifs"].summary == "rubrique commencée"
    assert changes["structure"].summary == "rubrique vidée"
    assert changes["objectifs"].diff == "+ Nouveau texte."
