"""Optional timing of every completed page run, for the load benchmark (bench/load.py).

Set PTCE_RUN_LOG to a file path: each run that completes appends "seconds<TAB>page".
Runs interrupted by a newer rerun are not written (they never finished).
"""

from __future__ import annotations

import os
import time
from typing import Any

RUN_LOG_VARIABLE = "PTCE_RUN_LOG"


def run_page(navigation: Any, started: float) -> None:
    """Run the selected page; log how long the whole script took when asked to."""
    navigation.run()
    path = os.environ.get(RUN_LOG_VARIABLE)
    if path:
        elapsed = time.perf_counter() - started
        with open(path, "a", encoding="utf-8") as log:  # one short append per run
            log.write(f"{elapsed:.4f}\t{navigation.url_path or 'accueil'}\n")
