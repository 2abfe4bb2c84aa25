"""The test in the app's WebSocket (Playwright's `route_web_socket`): a relay forwards every
message between the page and the server; a test's relay overrides what it must see or hold."""

from __future__ import annotations

import re
from typing import Any

STREAM = re.compile(r".*/_stcore/stream$")


class Relay:
    def __init__(self) -> None:
        self.page_side: Any = None
        self.server_side: Any = None

    def route(self, ws: Any) -> None:
        """Give to `page.route_web_socket(STREAM, relay.route)` before the page is loaded."""
        self.page_side = ws
        self.server_side = ws.connect_to_server()
        ws.on_message(self._from_page)
        self.server_side.on_message(self._from_server)

    def _from_page(self, message: bytes | str) -> None:
        self.server_side.send(message)

    def _from_server(self, message: bytes | str) -> None:
        self.page_side.send(message)
