"""A connection that drops, as a person's Wi-Fi does: what the page sends is lost.

The page's socket to the app goes through Playwright's WebSocket route, which forwards both
ways until `cut()`; from then on what the page sends on that socket never reaches the server
(a socket the page opens afterwards, as after a reload, goes through again). A test can so
say exactly what reached the server before F5, without racing the page's own send timers.
"""

from __future__ import annotations

from typing import Any


class Network:
    def __init__(self, page: Any) -> None:
        self._cut: list[bool] = []
        page.route_web_socket("**/_stcore/stream", self._route)

    def _route(self, socket: Any) -> None:
        server = socket.connect_to_server()
        index = len(self._cut)
        self._cut.append(False)

        def from_page(message: str | bytes) -> None:
            if not self._cut[index]:
                server.send(message)

        socket.on_message(from_page)

    def cut(self) -> None:
        """Nothing the page sends on its current socket reaches the server any more."""
        assert self._cut, "the page has no connection to the app yet"
        self._cut[-1] = True


# Every binary frame the page sends, kept as bytes (decode with BackMsg.FromString), and the
# socket it left on, so that a test can send a frame again exactly as the page would.
SENT_RECORDER = """
(() => {
  if (window.__sent) return;
  window.__sent = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (...args) {
    if (args[0] instanceof ArrayBuffer || args[0] instanceof Uint8Array) {
      window.__sent.push(Array.from(new Uint8Array(args[0])));
      window.__socket = this;
    }
    return send.apply(this, args);
  };
})();
"""


def sent_frames(page: Any) -> list[bytes]:
    return [bytes(frame) for frame in page.evaluate("() => window.__sent")]


def send_frames(page: Any, frames: list[bytes]) -> None:
    """Send `frames` on the page's socket, one right after the other."""
    page.evaluate(
        "(frames) => frames.forEach((f) => window.__socket.send(new Uint8Array(f)))",
        [list(frame) for frame in frames],
    )
