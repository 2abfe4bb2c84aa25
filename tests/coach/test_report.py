"""`coach_report`: every rubric, JSON-able, acronyms spelled out earlier in the dossier count."""

from __future__ import annotations

import json

from ptce_assist.call import load_call
from ptce_assist.coach import coach_report, coach_text
from ptce_assist.dossier import Dossier


def test_report_covers_every_rubric_and_is_json() -> None:
    dossier = Dossier(
        rubrics={
            "structure": "La société coopérative d'intérêt collectif (SCIC) a ses statuts.",
            "objectifs": "La SCIC crée des emplois dans le cadre de la transition. " * 3,
        }
    )
    report = coach_report(dossier)
    assert list(report) == list(load_call().rubric_ids)
    json.loads(json.dumps(report, ensure_ascii=False))
    objectifs = report["objectifs"]
    assert objectifs["acronyms"] == []  # SCIC spelled out in « structure », before it
    assert objectifs["wordy_phrases"][0]["text"] == "dans le cadre de"
    assert "emplois" not in objectifs["missing"]
    assert "vision" in objectifs["missing"]
    assert report["gouvernance"]["words"] == 0
    assert report["gouvernance"]["readability"]["score"] is None


def test_result_figures() -> None:
    text = "Première phrase courte. Mot " + " ".join(["mot"] * 33) + ". Dernière phrase."
    result = coach_text("actions", text)
    assert result.sentences == 3
    assert result.words == 3 + 34 + 2
    assert result.average_sentence_words == 13.0
    assert [s.words for s in result.long_sentences] == [34]
    data = result.as_dict()
    assert data["long_sentences"][0]["start"] == len("Première phrase courte. ")
