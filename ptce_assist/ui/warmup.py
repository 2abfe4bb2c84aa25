"""Import what the pages need once per server process, in the background, from the first run.

Python imports a module the first time a run asks for it, so the first visit of each page after
a server start paid for its imports: up to 1.9 s for the first page with a component or a chart
(Streamlit imports pandas for them), 0.1 to 0.3 s for a page's own modules (the diagnostic, the
import's readers): Acteurs du pôle took 1.2 s on its first visit, 51 ms on the next. A daemon
thread now imports them while the first person reads the first page; a run that needs a module
still being imported waits for it (Python's per-module import locks), as it would have imported
it.
"""

from __future__ import annotations

import ast
import gc
import importlib
import logging
import threading
from collections.abc import Iterable
from pathlib import Path

_LOG = logging.getLogger(__name__)

# Imported by Streamlit itself, lazily: for the first component, table or chart of a run, for
# the first icon. A chart's data also goes through pyarrow's pandas layer, which imports more
# on its first call: `_convert_a_table` makes that call.
IMPLICIT = ("pandas", "pyarrow", "streamlit.dataframe_util", "streamlit.emojis")

_started = False
_start_lock = threading.Lock()
done = threading.Event()


def imported_modules(source: str) -> list[str]:
    """The absolute module names a file's `import` and `from … import` statements name, in
    order, at any depth (pages import inside functions too). `from a import b` gives `a` and
    `a.b`, since `b` may be a module; `_import_all` skips the names that are not."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return list(dict.fromkeys(names))


def page_modules(pages: Iterable[Path]) -> list[str]:
    """What the page files import, then what Streamlit imports for them."""
    names: list[str] = []
    for page in sorted(pages):
        names.extend(imported_modules(page.read_text(encoding="utf-8")))
    names.extend(IMPLICIT)
    return list(dict.fromkeys(names))


def warm_up(pages_folder: Path) -> None:
    """Start importing the pages' modules in the background, once per process."""
    global _started
    with _start_lock:
        if _started:
            return
        _started = True
    modules = page_modules(pages_folder.glob("*.py"))
    threading.Thread(target=_import_all, args=(modules,), name="ptce-warm-up", daemon=True).start()


def _import_all(modules: list[str]) -> None:
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except ModuleNotFoundError as error:
                if error.name != name:  # `name` itself is a function or a class: nothing to do
                    _LOG.warning("warm-up: could not import %s", name, exc_info=True)
            except Exception:  # noqa: BLE001 - logged; the page that needs it fails in its own run
                _LOG.warning("warm-up: could not import %s", name, exc_info=True)
        _convert_a_table()
        _freeze_what_is_loaded()
    finally:
        done.set()


def _freeze_what_is_loaded() -> None:
    """Move every object alive now (modules, classes, the call's data: what lives as long as
    the process) out of the garbage collector's sight. A full collection otherwise walks them
    all, 140 to 160 ms each, a few times a minute, in the middle of someone's page run."""
    gc.collect()  # what is garbage now is freed, not kept for ever
    gc.freeze()


def _convert_a_table() -> None:
    """What a chart does with its data, once, on one row."""
    try:
        from streamlit import dataframe_util

        dataframe_util.convert_anything_to_arrow_bytes([{"a": 1}])
    except Exception:  # noqa: BLE001 - logged; a chart then does it in its own run
        _LOG.warning("warm-up: could not convert a table", exc_info=True)
