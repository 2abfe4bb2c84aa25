"""nginx (Debian's package) run by a test, on the repository's own config file.

`deploy/nginx/ptce-assist.conf` is the file docs/deploiement.md shows; only its lines marked
« site » are replaced (ports, server name, certificates), and a missing one fails the test,
so the config that is tested is the one that is documented.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from tests.browser.server import REPO, free_port

CONFIG = REPO / "deploy" / "nginx" / "ptce-assist.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_available() -> bool:
    return Path(NGINX).exists()


def _replace_once(text: str, pattern: str, replacement: str) -> str:
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    if count != 1:
        raise AssertionError(f"{CONFIG.name}: « {pattern} » trouvé {count} fois au lieu d'une")
    return new


def site_config(backends: list[int], https_port: int, http_port: int, cert: Path, key: Path) -> str:
    """The repository's config with this test's ports and certificate, nothing else."""
    text = CONFIG.read_text(encoding="utf-8")
    servers = "\n".join(f"    server 127.0.0.1:{port};" for port in backends)
    text = _replace_once(
        text,
        r"^    server 127\.0\.0\.1:8501;.*\n(    server 127\.0\.0\.1:850\d;.*\n)+",
        servers + "\n",
    )
    https = f"listen 127.0.0.1:{https_port} ssl http2;"
    text = _replace_once(text, r"listen 443 ssl http2;", https)
    text = _replace_once(text, r"listen 80;", f"listen 127.0.0.1:{http_port};")
    text = _replace_once(text, r"ssl_certificate     \S+;", f"ssl_certificate     {cert};")
    text = _replace_once(text, r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};")
    return text


MAIN = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format routed '$cookie_ptce_affinity $ptce_affinity $upstream_addr $status "$request"';
    access_log {tmp}/access.log routed;
    client_body_temp_path {tmp}/temp/body;
    proxy_temp_path {tmp}/temp/proxy;
    fastcgi_temp_path {tmp}/temp/fastcgi;
    uwsgi_temp_path {tmp}/temp/uwsgi;
    scgi_temp_path {tmp}/temp/scgi;
    include {tmp}/ptce-assist.conf;
}}
"""


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,IP:127.0.0.2",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


class Nginx:
    def __init__(self, folder: Path, backends: list[int]) -> None:
        self.folder = folder
        self.https_port = free_port()
        self.http_port = free_port()
        cert, key = self_signed_certificate(folder)
        (folder / "temp").mkdir()
        (folder / "temp").chmod(0o777)  # the workers run as another user when we are root
        (folder / "ptce-assist.conf").write_text(
            site_config(backends, self.https_port, self.http_port, cert, key), encoding="utf-8"
        )
        (folder / "nginx.conf").write_text(MAIN.format(tmp=folder), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def _command(self, *extra: str) -> list[str]:
        return [NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"), *extra]

    def start(self, timeout: float = 20) -> None:
        subprocess.run(self._command("-t", "-q"), check=True, capture_output=True)
        self.process = subprocess.Popen(
            self._command("-g", "daemon off;"),
            stdout=subprocess.DEVNULL,
            stderr=(self.folder / "stderr.log").open("ab"),
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.https_port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not listen; see {self.folder}/error.log")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        self.process = None

    def routes(self) -> list[tuple[str, str]]:
        """(affinity key, backend address) of every proxied request so far."""
        log = self.folder / "access.log"
        found = []
        for line in log.read_text(encoding="utf-8").splitlines() if log.exists() else []:
            _cookie, key, upstream, *_ = line.split(" ")
            found.append((key, upstream))
        return found

    def backend_of(self, key: str, timeout: float = 10) -> str:
        """The backend (127.0.0.1:port) the last request with this affinity key went to.
        nginx writes a request's log line once it is over, just after the reply: polled."""
        deadline = time.monotonic() + timeout
        while True:
            chosen = [up for k, up in self.routes() if k == key and up != "-"]
            if chosen:
                return chosen[-1].split(",")[-1].strip()
            if time.monotonic() > deadline:
                raise AssertionError(f"aucune requête routée pour la clé {key}")
            time.sleep(0.05)


class SourceRelay:
    """A TCP relay whose connections to nginx leave from another loopback address, so that a
    browser sent through it is, for nginx, another visitor (the brakes are per address).
    Linux sends from 127.0.0.1 whatever the loopback address dialled; binding does not."""

    def __init__(self, target_port: int, source: str = "127.0.0.2") -> None:
        self.target_port = target_port
        self.source = source
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.url = f"https://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):  # closed by stop()
            while True:
                client, _ = self.listener.accept()
                upstream = socket.socket()
                upstream.bind((self.source, 0))
                upstream.connect(("127.0.0.1", self.target_port))
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=_pipe, args=(a, b), daemon=True).start()

    def stop(self) -> None:
        self.listener.close()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            target.sendall(data)
    with contextlib.suppress(OSError):
        target.shutdown(socket.SHUT_WR)
