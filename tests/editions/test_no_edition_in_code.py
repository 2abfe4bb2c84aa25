"""« Un nouvel appel = un nouveau dossier »: no code names the fictitious edition, and no page
writes a figure of the call (« dix rubriques », « 15 lignes maximum », « 12 critères »): pages
ask `call_wording`, which reads the dossier's edition."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ptce_assist.call import available_calls
from tests.apptest_support import REPO
from tests.editions import FIXTURE_ID

_NUMBER = (  # "un", "une" left out: « une rubrique » is an article, not a count
    r"\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|dix-sept|dix-huit|dix-neuf|vingt"
)
CALL_FIGURE = re.compile(
    rf"\b(?:{_NUMBER})\s+(?:rubriques?|critères?|blocs?)\b"
    rf"|\b(?:{_NUMBER}|une|\d+/\d+|demi)[\s-]*(?:pages?|lignes?)\s+max"
    r"|\bannexe \d",  # the edition's form: `Call.template_fr`
    re.IGNORECASE,
)


def code_files() -> list[Path]:
    """The app's code: entry point, pages, domain (without the editions' folders), browser."""
    files = [REPO / "app.py", *sorted((REPO / "app_pages").glob("*.py"))]
    files += [p for p in sorted((REPO / "ptce_assist").rglob("*.py")) if "calls" not in p.parts]
    files += sorted((REPO / "static").rglob("*.js"))
    return files


def page_strings(path: Path) -> list[str]:
    """The string constants of a page module a person can see: not docstrings."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_code_names_the_fictitious_edition() -> None:
    assert FIXTURE_ID in available_calls()  # the tests do see it
    named = [p.relative_to(REPO) for p in code_files() if FIXTURE_ID in p.read_text("utf-8")]
    assert named == []


def test_no_page_names_an_edition() -> None:
    pages = [REPO / "app.py", *(REPO / "app_pages").glob("*.py")]
    pages += (REPO / "ptce_assist/ui").rglob("*.py")
    named = [
        (p.relative_to(REPO), call_id)
        for p in pages
        for call_id in available_calls()
        if call_id in p.read_text("utf-8")
    ]
    assert named == []


def test_no_code_writes_a_figure_of_the_call() -> None:
    """Pages, and the domain's messages too (an import refused, a command's help): a person
    reads them whatever the edition of their dossier."""
    found = [
        (p.relative_to(REPO).as_posix(), text)
        for p in code_files()
        if p.suffix == ".py"
        for text in page_strings(p)
        if CALL_FIGURE.search(text)
    ]
    assert found == []


def test_the_figure_pattern_finds_what_pages_used_to_write() -> None:
    for written in (
        "(15 lignes maximum)",
        "les dix rubriques de l'annexe 1",
        "12 critères de sélection, en 3 blocs",
        "1/2 page max.",
        "une page maximum",
        "Les intitulés sont ceux de l'annexe 1 de l'appel.",
    ):
        assert CALL_FIGURE.search(written), written
    for fine in (
        "une page compte 57 lignes en Arial 11",
        "Passer aux rubriques →",
        "au moins trois personnes morales",
        "l'annexe budgétaire",
    ):
        assert not CALL_FIGURE.search(fine), fine
