"""Pages are compiled without `ast.parse`, which CPython 3.11 runs unsafely in two threads
at once (gh-106905): two sessions opening a page for the first time together got
« SystemError: AST constructor recursion depth mismatch » (CI, Postgres outage test)."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
from streamlit import config
from streamlit.runtime.scriptrunner.script_cache import ScriptCache

REPO = Path(__file__).resolve().parents[1]


def test_pages_compile_with_the_app_config_and_no_ast_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)  # Streamlit reads .streamlit/config.toml from where it runs
    config.get_config_options(force_reparse=True)
    try:

        def refuse(*args: object, **kwargs: object) -> ast.AST:
            raise AssertionError("ast.parse appelé pour compiler une page")

        monkeypatch.setattr(ast, "parse", refuse)
        cache = ScriptCache()
        pages = [REPO / "app.py", *sorted((REPO / "app_pages").glob("[!_]*.py"))]
        for page in pages:
            assert cache.get_bytecode(os.fspath(page)) is not None
    finally:
        monkeypatch.undo()
        config.get_config_options(force_reparse=True)
