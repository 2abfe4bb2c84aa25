"""The child process that reads Word drafts for the server: same answers as in process, its
memory and time capped for real, one import at a time."""

from __future__ import annotations

import threading

import pytest

from ptce_assist.docx_import import DocxImportError, import_docx
from ptce_assist.docx_import.isolation import (
    MEMORY_VARIABLE,
    STAGES,
    TIME_VARIABLE,
    TOO_HEAVY,
    TOO_SLOW,
    WAITING,
    import_docx_isolated,
)
from tests.docx import drafts
from tests.hostile import make_corpus as corpus


def test_the_child_reads_what_the_process_reads_and_reports_its_stages() -> None:
    told: list[tuple[float, str]] = []
    result = import_docx_isolated(
        drafts.heading_styles(), "ami_2024", lambda done, text: told.append((done, text))
    )
    assert result == import_docx(drafts.heading_styles())
    assert [text for _, text in told] == [text for _, text in STAGES.values()]
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_the_child_refuses_in_french_as_the_process_does() -> None:
    data = corpus.encoded_document("utf16le", doctype=True)
    with pytest.raises(DocxImportError) as in_process:
        import_docx(data)
    with pytest.raises(DocxImportError) as in_child:
        import_docx_isolated(data, "ami_2024")
    assert str(in_child.value) == str(in_process.value)


def test_the_memory_cap_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    # With 40 MB of headroom the near-limit markup (100 MB in process) cannot be read.
    monkeypatch.setenv(MEMORY_VARIABLE, "40")
    with pytest.raises(DocxImportError) as caught:
        import_docx_isolated(corpus.tiny_elements(900_000), "ami_2024")
    assert str(caught.value) == TOO_HEAVY


def test_the_time_cap_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TIME_VARIABLE, "1")  # the slowest accepted draft takes about 3 s
    with pytest.raises(DocxImportError) as caught:
        import_docx_isolated(corpus.paragraphs_at_limit(), "ami_2024")
    assert str(caught.value) == TOO_SLOW


def test_imports_wait_for_each_other_in_one_server_process() -> None:
    slow = corpus.paragraphs_at_limit()
    first_started = threading.Event()
    outcomes: dict[str, object] = {}

    def first() -> None:
        outcomes["first"] = import_docx_isolated(slow, "ami_2024", lambda *_: first_started.set())

    thread = threading.Thread(target=first)
    thread.start()
    assert first_started.wait(30)
    told: list[str] = []
    outcomes["second"] = import_docx_isolated(
        drafts.heading_styles(), "ami_2024", lambda _done, text: told.append(text)
    )
    thread.join(60)
    assert told[0] == WAITING
    assert "first" in outcomes and outcomes["second"] == import_docx(drafts.heading_styles())
