"""A real `streamlit run app.py` process on 127.0.0.1 for browser tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppServer:
    def __init__(
        self,
        database_url: str,
        env: dict[str, str] | None = None,
        log_dir: Path | None = None,
        script: Path | None = None,
    ):
        self.script = script or REPO / "app.py"
        self.port = free_port()
        self.database_url = database_url
        self.env = dict(env or {})
        self.log_path = (log_dir or Path("/tmp")) / f"streamlit-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        env = {**os.environ, **self.env, "PTCE_DATABASE_URL": self.database_url}
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.script),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(self.port),
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ]
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"streamlit did not answer in {timeout}s; see {self.log_path}")

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        self.process = None

    def restart(self, *, kill: bool = False) -> None:
        self.stop(kill=kill)
        self.start()


@contextmanager
def harness_server(folder: Path, script: Path) -> Iterator[AppServer]:
    """A server for a test harness page (`script`, importing the app's package), on a
    database of its own in `folder`."""
    server = AppServer(
        f"sqlite:///{folder / 'ptce.sqlite3'}",
        {"PYTHONPATH": str(REPO)},
        log_dir=folder,
        script=script,
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()
