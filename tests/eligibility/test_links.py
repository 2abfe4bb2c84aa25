"""The pages verdicts send to exist in app.py, under the url_path and title the domain says."""

from __future__ import annotations

import re

from ptce_assist.call import load_call
from ptce_assist.eligibility import links
from tests.apptest_support import REPO

JOURNEYS = (REPO / "ptce_assist/ui/journeys.py").read_text("utf-8")
DECLARED = dict(re.findall(r'_file\("\w+", "([^"]+)", "[^"]+", "([^"]+)"\)', JOURNEYS))


def test_every_page_a_verdict_names_is_in_the_navigation() -> None:
    by_path = {path: title for title, path in DECLARED.items()}
    for path, title in links.PAGE_TITLES.items():
        assert path in by_path, path
        if path != links.RECEVABILITE:  # the diagnostic's own title is shorter in the menu
            assert by_path[path] == title


def test_a_rubric_page_is_named_by_the_rubric() -> None:
    call = load_call()
    assert links.page_title("perimetre", call) == "Périmètre"
    assert links.on_page(links.ELIGIBILITE, call) == "sur la page « Éligibilité »"
    app = (REPO / "app.py").read_text("utf-8")
    assert "rubric_entry(r) for r in call.rubrics" in app  # url_path = rubric id
