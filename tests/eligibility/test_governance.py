"""Democratic governance: verdict from the answers, and what to write."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.eligibility.governance import governance_verdict

ALL_YES = dict.fromkeys(["objectifs", "programme", "instance", "categories", "vote"], "oui")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({}, "democratique"),
        ({"instance": "en_projet"}, "en_perspective"),
        ({"objectifs": "en_projet", "programme": "en_projet"}, "en_perspective"),
        ({"vote": "non"}, "a_renforcer"),
        ({"categories": "non", "instance": "en_projet"}, "a_renforcer"),
        ({"objectifs": "non"}, "insuffisante"),
        ({"programme": "non", "vote": ""}, "insuffisante"),
        ({"vote": ""}, "a_renseigner"),
    ],
)
def test_verdicts(changes: dict[str, str], code: str) -> None:
    call = load_call()
    result = governance_verdict(ALL_YES | changes, call, "")
    assert result.verdict.code == code
    assert result.verdict.quote == call.governance_quote


def test_nothing_answered() -> None:
    result = governance_verdict({}, load_call(), "")
    assert result.verdict.code == "a_renseigner"
    assert len(result.unanswered) == 5
    assert "5 questions" in result.verdict.reason


def test_what_to_write_follows_the_answers_and_the_rubric() -> None:
    call = load_call()
    empty = governance_verdict(ALL_YES | {"instance": "en_projet"}, call, "")
    assert empty.to_write[0].startswith("La rubrique « Gouvernance » est vide")
    assert any("échéance" in advice for advice in empty.to_write)
    text = (
        "Le pôle est une SCIC à trois collèges (fondateurs, salariés, partenaires publics). "
        "L'assemblée générale vote selon le principe une personne, une voix."
    )
    written = governance_verdict(ALL_YES, call, text)
    assert not written.to_write[0].startswith("La rubrique")
    assert any("collèges" in passage for passage in written.found_in_rubric)
