"""Issue 17, points 4 and 6: the regional deployment, run as docs/deploiement.md says (its
nginx config is deploy/nginx/ptce-assist.conf, run here as it is), in front of three
`streamlit run` processes on one PostgreSQL."""

from __future__ import annotations

import base64
import http.client
import threading
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from tests.browser.person import Person
from tests.browser.server import free_port
from tests.browser.waits import eventually, expect_run, open_page, reload_page
from tests.deploy.conftest import PASSPHRASE, Deployment, get
from tests.deploy.nginx import CONFIG, SourceRelay

REPO_DOC = CONFIG.parents[2] / "docs" / "deploiement.md"
CONFLICT = "Ce champ a été modifié ailleurs"
TRACEBACK = "[data-testid='stException']"
CSP_WATCHER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def new_dossier(deployment: Deployment, **rubrics: str) -> str:
    engine = make_engine(deployment.database_url)
    try:
        token, _ = DossierStore(engine).create(Dossier(rubrics=rubrics))
    finally:
        engine.dispose()
    return token


def test_the_documented_config_is_the_tested_file() -> None:
    doc = REPO_DOC.read_text(encoding="utf-8")
    block = doc.split("```nginx\n", 1)[1].split("```", 1)[0]
    assert block == CONFIG.read_text(encoding="utf-8")


def test_headers_cookie_and_private_metrics(deployment: Deployment) -> None:
    first = get(f"{deployment.url}/")
    assert first.status == 200
    headers = first.headers
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Set-Cookie"].startswith("ptce_affinity=")
    assert "Secure" in headers["Set-Cookie"] and "HttpOnly" in headers["Set-Cookie"]
    again = get(f"{deployment.url}/", cookie="deja-la")
    assert again.headers.get("Set-Cookie") is None  # set once, then kept by the browser
    # The metrics exist on each process, but not through nginx.
    backend = deployment.servers[0].url
    with urllib.request.urlopen(f"{backend}/_stcore/metrics", timeout=15) as direct:
        assert direct.status == 200
    assert get(f"{deployment.url}/_stcore/metrics").status == 404
    redirect = get(f"http://127.0.0.1:{deployment.nginx.http_port}/tableau-de-bord?a=x")
    assert redirect.status == 301
    assert redirect.headers["Location"].startswith("https://")


@pytest.fixture
def other_site() -> Iterator[Callable[[str], str]]:
    """Another web site (another origin) whose page frames a given address."""
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, "").encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def framing(target: str) -> str:
        path = f"/page-{len(pages)}.html"
        pages[path] = (
            f'<!doctype html><h1>Autre site</h1><iframe src="{target}" '
            'width="1000" height="700"></iframe>'
        )
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield framing
    server.shutdown()


def test_another_site_cannot_frame_the_app(
    deployment: Deployment, person_page: Callable[..., Any], other_site: Callable[[str], str]
) -> None:
    page = person_page()
    # Control: the process alone (the single-process default) renders inside another site.
    page.goto(other_site(f"{deployment.servers[0].url}/creer-atelier"))
    framed = page.frame_locator("iframe")
    framed.get_by_label("Phrase secrète d'administration").wait_for()
    # Through nginx the browser refuses to show it there.
    page.goto(other_site(f"{deployment.url}/creer-atelier"))
    page.wait_for_load_state("load")
    child = page.frames[1]
    assert child.url.startswith("chrome-error://") or not child.url.startswith("https")
    assert page.frame_locator("iframe").get_by_label("Phrase secrète d'administration").count() == 0


def websocket_handshake(port: int, origin: str) -> int:
    """The status of a WebSocket opening on a process, sent as a page of `origin` would."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request(
            "GET",
            "/_stcore/stream",
            headers={
                "Host": f"127.0.0.1:{port}",
                "Origin": origin,
                "Connection": "Upgrade",
                "Upgrade": "websocket",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Key": base64.b64encode(b"ptce-assist-test").decode(),
            },
        )
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_single_process_refuses_another_sites_websocket(deployment: Deployment) -> None:
    """What the single-process default does on its own (README): Streamlit's
    server.enableCORS (on by default, not turned off in .streamlit/config.toml) refuses the
    WebSocket of a page from another site; framing is not prevented (see above)."""
    port = deployment.servers[0].port
    assert websocket_handshake(port, f"http://127.0.0.1:{port}") == 101
    assert websocket_handshake(port, "https://autre-site.example") == 403


def test_the_app_works_under_the_content_security_policy(
    deployment: Deployment, person_page: Callable[..., Any]
) -> None:
    page = person_page()
    page.context.add_init_script(CSP_WATCHER)
    person = Person(page, deployment)  # type: ignore[arg-type]
    person.create_dossier()
    person.type_in("Nom du projet", "Pôle « Été solidaire »")
    person.wait_field_saved("Nom du projet")
    person.go_by_sidebar("Objectifs et vision", "objectifs")
    person.type_in("Votre texte", "Le pôle crée douze emplois d'ici 2027.", delay=10)
    person.eventually_stored(
        lambda d: d.rubric_text("objectifs") == "Le pôle crée douze emplois d'ici 2027.",
        "le texte tapé derrière nginx n'est pas enregistré",
    )
    page.get_by_text("Dans la limite").first.wait_for()  # the editor's live counter runs
    for name, path in (
        ("Auto-évaluation", "autoevaluation"),
        ("Budget prévisionnel", "budget"),
        ("Exporter", "export"),
    ):
        person.go_by_sidebar(name, path)
        assert page.locator(TRACEBACK).count() == 0
    assert page.evaluate("window.__csp") == []


def test_two_tab_conflict_with_the_tabs_on_different_processes(
    deployment: Deployment, person_page: Callable[..., Any]
) -> None:
    token = new_dossier(deployment, perimetre="Version de départ.")
    key_a, key_b = deployment.keys_on_distinct_backends(2)
    tab_a, tab_b = (
        Person(person_page(key_a), deployment, token),
        Person(  # type: ignore[arg-type]
            person_page(key_b),
            deployment,
            token,  # type: ignore[arg-type]
        ),
    )
    for tab in (tab_a, tab_b):
        tab.open("perimetre")
    assert deployment.nginx.backend_of(key_a) != deployment.nginx.backend_of(key_b)

    tab_a.type_in("Votre texte", " Ajout de l'onglet A.")
    tab_a.eventually_stored(
        lambda d: d.rubric_text("perimetre") == "Version de départ. Ajout de l'onglet A.",
        "l'ajout de l'onglet A n'est pas enregistré",
    )
    tab_b.type_in("Votre texte", " Ajout de l'onglet B.")
    tab_b.page.get_by_text(CONFLICT, exact=False).wait_for(timeout=15_000)
    assert tab_b.stored().rubric_text("perimetre") == "Version de départ. Ajout de l'onglet A."
    assert tab_b.field("Votre texte").input_value() == "Version de départ. Ajout de l'onglet B."


def _submit_creation(page: Any, passphrase: str) -> None:
    person = Person(page, None)  # type: ignore[arg-type]
    person.type_in("Nom de l'atelier", "Atelier du Trégor")
    page.get_by_label("Région", exact=True).click()  # inside a form: no run until submitted
    page.get_by_role("option", name="Bretagne", exact=True).click()
    person.type_in("Phrase secrète d'administration", passphrase)
    with expect_run(page):
        page.get_by_role("button", name="Créer l'atelier").click()


def test_brakes_are_shared_by_the_processes_and_lock_nobody_else_out(
    deployment: Deployment, person_page: Callable[..., Any]
) -> None:
    key_a, key_b = deployment.keys_on_distinct_backends(2)
    guesser = person_page(key_a)
    for n in range(4):  # 3 free failures, then one that sets a block of 2 minutes
        open_page(guesser, f"{deployment.url}/creer-atelier")
        _submit_creation(guesser, f"mauvaise phrase {n}")
        guesser.get_by_text("Phrase secrète incorrecte.").wait_for()
    # Same address, another process: the right passphrase is not even checked.
    same_address = person_page(key_b)
    open_page(same_address, f"{deployment.url}/creer-atelier")
    _submit_creation(same_address, PASSPHRASE)
    same_address.get_by_text("Trop d'essais infructueux : réessayez dans").wait_for()
    assert deployment.nginx.backend_of(key_a) != deployment.nginx.backend_of(key_b)
    # The administrator, from another address: not locked out by the guesser.
    relay = SourceRelay(deployment.nginx.https_port, source="127.0.0.2")
    try:
        admin = person_page()
        open_page(admin, f"{relay.url}/creer-atelier")
        _submit_creation(admin, PASSPHRASE)
        admin.get_by_text("L'atelier « Atelier du Trégor » est créé.").wait_for()
    finally:
        relay.stop()


def test_a_process_killed_mid_session_loses_nothing(
    deployment: Deployment, person_page: Callable[..., Any]
) -> None:
    token = new_dossier(deployment)
    (key,) = deployment.keys_on_distinct_backends(1)
    person = Person(person_page(key), deployment, token)  # type: ignore[arg-type]
    person.open("gouvernance")
    first = "Le comité de pilotage réunit salariés, bénévoles et élus. "
    person.type_in("Votre texte", first, delay=10)
    person.eventually_stored(lambda d: d.rubric_text("gouvernance") == first, "1re phrase")
    server = deployment.server_at(deployment.nginx.backend_of(key))
    more = "Il se réunit chaque trimestre ; « décisions » au consensus."
    person.page.keyboard.type(more, delay=5)
    server.stop(kill=True)  # kill -9 while the last words may not have been sent
    try:
        reload_page(person.page)
        assert deployment.nginx.backend_of(key) != f"127.0.0.1:{server.port}"
        offer = person.page.get_by_role("button", name="Reprendre cette saisie")
        # Either the last words reached the server before the kill, or they are offered back
        # once the editor has read this browser's drafts (after the run, not during it).
        eventually(
            lambda: (
                offer.is_visible() or person.stored().rubric_text("gouvernance") == first + more
            ),
            timeout=30,
            message="ni la saisie enregistrée ni la proposition de la reprendre",
            page=person.page,
        )
        if offer.is_visible():
            offer.click()  # what had not reached the server is offered back; taken
        person.eventually_stored(
            lambda d: d.rubric_text("gouvernance") == first + more,
            "la saisie faite avant l'arrêt du processus est perdue",
        )
        assert person.field("Votre texte").input_value() == first + more
        assert person.page.locator(TRACEBACK).count() == 0
    finally:
        server.start()
