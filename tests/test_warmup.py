"""The first visit of a page after a server start imports nothing: the warm-up did it.

Before, the first visit of Acteurs du pôle imported pandas (Streamlit needs it for the first
component) and the diagnostic: 1.2 s, against 51 ms for the next visit. And what the warm-up
loaded is out of the garbage collector's sight: a full collection walked it all, 140 to 160 ms
in the middle of a page run, a few times a minute. The check runs in a fresh interpreter, as a
server starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ptce_assist.call import load_call
from ptce_assist.ui.journeys import OTHER_ENTRIES
from ptce_assist.ui.warmup import imported_modules

REPO = Path(__file__).resolve().parents[1]

# A new server process: the app's first run (Accueil), then every page of a dossier once.
FIRST_VISITS = """
import gc, json, sys, tempfile
from pathlib import Path
from streamlit.util import calc_hash
from tests.apptest_support import app_with, full_dossier, new_store
from ptce_assist.ui import warmup

store = new_store(Path(tempfile.mkdtemp()))
token, _ = store.create(full_dossier())
at = app_with(token)
assert warmup.done.wait(120), "warm-up not finished"
report = {}
for page in sys.argv[1:]:
    before = set(sys.modules)
    at._page_hash = calc_hash(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    report[page] = sorted(set(sys.modules) - before)
gc.collect()
tracked = len(gc.get_objects())  # what a full collection walks: the frozen objects are not
print(json.dumps({"pages": report, "frozen": gc.get_freeze_count(), "tracked": tracked}))
"""

# Every page of the app, each rubric included.
PAGES = [entry.url_path for entry in OTHER_ENTRIES] + list(load_call().rubric_ids)


@pytest.fixture(scope="module")
def first_visits() -> dict[str, Any]:
    """What a new server process reports after its first visit of every page."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_VISITS, *PAGES],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_the_first_visit_of_each_page_imports_nothing_new(first_visits: dict[str, Any]) -> None:
    imported = first_visits["pages"]
    assert set(imported) == set(PAGES)
    assert {page: names for page, names in imported.items() if names} == {}


def test_what_the_warm_up_loaded_is_frozen_out_of_full_collections(
    first_visits: dict[str, Any],
) -> None:
    # The modules, classes and the call's data: several hundred thousand objects, against
    # the few tens of thousands that page runs leave alive.
    assert first_visits["frozen"] > 4 * first_visits["tracked"], first_visits


def test_imports_are_read_at_any_depth_and_from_imports_may_name_modules() -> None:
    source = (
        "from __future__ import annotations\n"
        "import streamlit as st\n"
        "from ptce_assist.ui import fields\n"
        "from . import sibling\n"
        "def later():\n"
        "    import ptce_assist.docx_import.isolation\n"
    )
    assert imported_modules(source) == [
        "__future__",
        "__future__.annotations",
        "streamlit",
        "ptce_assist.ui",
        "ptce_assist.ui.fields",
        "ptce_assist.docx_import.isolation",
    ]
