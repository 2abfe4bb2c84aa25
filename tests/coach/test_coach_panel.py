"""The coach panel on a rubric page: findings shown, user text never rendered as HTML."""

from __future__ import annotations

from pathlib import Path

from ptce_assist.dossier import Dossier
from tests.apptest_support import new_store, rubric_app

SCRIPT = "<script>alert('x')</script>"


def _long_sentence_with(payload: str) -> str:
    return f"Le pôle {payload} réunit " + " ".join(["des acteurs"] * 20) + " du territoire."


def test_panel_shows_findings_and_checklist(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    text = (
        "Dans le cadre du projet, le pôle vise deux QPV. Il crée 8 emplois. "
        + _long_sentence_with("aussi")
    )
    token, _ = store.create(Dossier(rubrics={"perimetre": text}))
    at = rubric_app(token, "perimetre")
    assert not at.exception, [e.value for e in at.exception]
    assert "Conseils de rédaction" in [e.label for e in at.expander]
    markdown = "\n".join(m.value for m in at.markdown)
    assert "QPV" in markdown and "quartier prioritaire de la politique de la ville" in markdown
    assert "Dans le cadre du" in markdown
    assert ":material/check_box: Territoires fragiles" in markdown
    assert "Périmètre géographique" in markdown
    assert any(m.label == "Lisibilité" for m in at.metric)
    assert any("des acteurs des acteurs" in t.value for t in at.text)


def test_script_in_the_text_is_shown_literally(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    text = f"{_long_sentence_with(SCRIPT)} Le <b>gras</b> XYZW <img src=x onerror=alert(1)>."
    token, _ = store.create(Dossier(rubrics={"objectifs": text}))
    at = rubric_app(token, "objectifs")
    assert not at.exception, [e.value for e in at.exception]
    assert any(SCRIPT in t.value for t in at.text)  # st.text: shown as typed
    assert not at.get("html")
    for element in at.markdown:
        assert not element.proto.allow_html
        assert "<script>" not in element.value and "<img" not in element.value
    assert any("\\<script\\>" in m.value or "XYZW" in m.value for m in at.markdown)


def test_empty_rubric_shows_the_checklist_and_an_invitation(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    token, _ = store.create(Dossier())
    at = rubric_app(token, "gouvernance")
    markdown = "\n".join(m.value for m in at.markdown)
    assert "Participation active des parties prenantes" in markdown
    assert any("les conseils de lisibilité apparaîtront" in c.value for c in at.caption)
