"""The server's own log lines (details for the operator, never shown to a user).

Streamlit configures only its own loggers: the app calls `enable_server_log` so that ours
reach stderr, which `streamlit run` sends to the server log. The CLI does not: its users see
only its French messages (errors still reach stderr through logging's last resort).
"""

from __future__ import annotations

import logging
import sys

_NAME = "ptce_assist"


def server_log() -> logging.Logger:
    return logging.getLogger(_NAME)


def enable_server_log() -> None:
    logger = server_log()
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
