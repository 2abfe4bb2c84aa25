"""The deployment of docs/deploiement.md, started once for the module: one real PostgreSQL,
`python -m ptce_assist migrate`, three `streamlit run` processes, nginx with the repository's
config in front, and Chromium contexts that trust its self-signed certificate."""

from __future__ import annotations

import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from tests.browser import waits
from tests.browser.conftest import shared_browser
from tests.browser.server import REPO, AppServer
from tests.conftest import require_or_skip
from tests.deploy.nginx import Nginx, nginx_available
from tests.pg_cluster import PostgresCluster

PASSPHRASE = "phrase secrète du serveur régional"
BRAKE_SECONDS = "120"  # a block lasts longer than any test step: none expires by chance
PROCESSES = 3


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/deploy" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.postgres)
            item.add_marker(pytest.mark.xdist_group("deploy"))


@dataclass
class Deployment:
    cluster: PostgresCluster
    servers: list[AppServer]
    nginx: Nginx
    database_url: str
    folder: Path
    _probes: int = field(default=0)

    @property
    def url(self) -> str:
        return self.nginx.url

    def server_at(self, backend: str) -> AppServer:
        return next(s for s in self.servers if backend.endswith(f":{s.port}"))

    def keys_on_distinct_backends(self, count: int) -> list[str]:
        """Affinity keys (cookie values) that nginx routes to `count` different processes."""
        chosen: dict[str, str] = {}
        while len(chosen) < count:
            self._probes += 1
            if self._probes > 200:
                raise AssertionError("nginx envoie toutes les clés au même processus")
            key = f"personne-{self._probes}"
            get(f"{self.url}/_stcore/health", cookie=key)
            backend = self.nginx.backend_of(key)
            if backend not in chosen.values():
                chosen[key] = backend
        return list(chosen)


def get(url: str, cookie: str | None = None) -> Any:
    """One HTTPS request through nginx (its certificate is the test's own)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", f"ptce_affinity={cookie}")
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), NoRedirect())
    try:
        with opener.open(request, timeout=15) as reply:
            reply.read()
            return reply
    except urllib.error.HTTPError as error:
        return error


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    require_or_skip(nginx_available(), "PTCE_REQUIRE_NGINX", "nginx introuvable (paquet nginx)")
    folder = tmp_path_factory.mktemp("deploy")
    cluster = PostgresCluster().create()
    url = cluster.url()
    servers: list[AppServer] = []
    nginx: Nginx | None = None
    try:
        # As the documentation says: migrate once, then start the processes.
        subprocess.run(
            [sys.executable, "-m", "ptce_assist", "migrate", "--database-url", url],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        env = {
            "PTCE_TRUST_PROXY": "1",
            "PTCE_ADMIN_PASSPHRASE_HASH": PasswordHasher().hash(PASSPHRASE),
            "PTCE_BRAKE_BASE_SECONDS": BRAKE_SECONDS,
            # The two-tab conflict needs tab B still on the old text when it types: the team's
            # live check (every 3 s) would otherwise sometimes bring A's text first, and there
            # would be no conflict to see (live updates are tests/browser/test_team.py's).
            "PTCE_TEAM_LIVE": "0",
        }
        for _ in range(PROCESSES):
            server = AppServer(url, env, log_dir=folder)
            server.start()
            servers.append(server)
        nginx = Nginx(folder, [s.port for s in servers])
        nginx.start()
        yield Deployment(cluster, servers, nginx, url, folder)
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers:
            server.stop()
        cluster.destroy()


@pytest.fixture
def person_page(deployment: Deployment) -> Iterator[Callable[..., Any]]:
    """Factory of pages, each in its own browser context; `key` pins its nginx affinity."""
    browser = shared_browser()
    contexts: list[Any] = []

    def make(key: str | None = None, address_url: str | None = None) -> Any:
        context = browser.new_context(
            locale="fr-FR", viewport={"width": 1280, "height": 900}, ignore_https_errors=True
        )
        context.set_default_timeout(30_000)
        waits.install(context)
        if key is not None:
            context.add_cookies(
                [{"name": "ptce_affinity", "value": key, "url": address_url or deployment.url}]
            )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
