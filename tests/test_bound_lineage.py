"""A field's next payload sent before the previous save was answered (a slow server: found
by bench/load.py with 40 typists behind nginx, where every typist got « Modifié ailleurs
entre-temps » on their own text) edits this session's own save, not someone else's."""

from __future__ import annotations

from ptce_assist.fingerprint import value_digest as d
from ptce_assist.ui.bound import advance, own_base


def test_payloads_sent_from_the_same_base_follow_the_sessions_own_saves() -> None:
    lineage: dict[str, str] = {}
    # 1st payload "Le p" from "" is saved; the 2nd, "Le pôle r", was sent from "" too.
    effective = own_base(lineage, d(""))
    assert effective == d("")
    lineage = advance(lineage, d(""), effective, d("Le p"))
    assert own_base(lineage, d("")) == d("Le p")  # compared with what this session saved
    lineage = advance(lineage, d(""), d("Le p"), d("Le pôle r"))
    # a 3rd payload still from "", or from "Le p" (the 2nd ack arrived late): the last save
    assert own_base(lineage, d("")) == d("Le pôle r")
    assert own_base(lineage, d("Le p")) == d("Le pôle r")


def test_a_base_this_session_never_saved_over_is_left_alone() -> None:
    lineage = advance({}, d(""), d(""), d("Le p"))
    # someone else's text, seen by the browser: compared as it is (a real conflict stays one)
    assert own_base(lineage, d("Texte de Claire")) == d("Texte de Claire")
