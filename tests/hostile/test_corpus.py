"""Every hostile file of the corpus gets its answer from the importers, in the test process:
read, or refused with its French reason, with bounded memory.

The real server's memory is measured in `test_server_memory.py`; here the readers' own peak
(VmHWM, reset before each file) is bounded, which showed the 110 header parts at 1.9 GB.
"""

from __future__ import annotations

import pytest

from ptce_assist.backup import BackupError, load_backup
from ptce_assist.docx_import import DocxImportError, import_docx
from ptce_assist.eligibility.official_list import CsvImportError, read_official_csv
from tests.hostile.make_corpus import CASES, OK, Case
from tests.hostile.memory import peak_of

READER_BUDGET_MB = 160
"""What reading one file may add to the test process (the child's cap is 224 MB)."""


def flat(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def outcome(case: Case, data: bytes) -> str:
    """OK, or the French refusal."""
    try:
        if case.kind == "docx":
            import_docx(data)
        elif case.kind == "json":
            load_backup(data)
        else:
            read_official_csv(data, "qpv")
    except (DocxImportError, BackupError, CsvImportError) as error:
        return str(error)
    return OK


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_hostile_file_gets_its_french_answer_within_budget(case: Case) -> None:
    data = case.build()
    answer, peak_mb = peak_of(lambda: outcome(case, data))
    if case.expect == OK:
        assert answer == OK
    else:
        assert case.expect in flat(answer), answer
        assert "\n" not in answer and "Error" not in answer and "Traceback" not in answer
    assert peak_mb <= READER_BUDGET_MB, f"{case.name}: {peak_mb:.0f} MB"
