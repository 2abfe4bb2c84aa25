"""Load benchmark: N candidates typing into rubric editors at once against one server.

For each N (10, 20, 40 by default) a fresh `streamlit run app.py` starts on 127.0.0.1 with
its own SQLite file and N dossiers. N browser contexts of Debian's Chromium (Playwright)
open a rubric page each and type French text into the rubric editor like a person: three
sentences, a pause to think between them, the last sentence ending the text (no blur, no
click: the editor's debounced send must save it). Printed for each N:

- save p50 / p95: time from the last keystroke to the full text being in the database
  (a thread reads the database every 25 ms), the 800 ms send delay of the editor included;
- lost: candidates whose stored text, at the end, is not exactly what they typed;
- rerun p95: duration of the server's page runs during the round (PTCE_RUN_LOG);
- server CPU: the servers' CPU time while the candidates type (/proc/<pid>/stat);
- peak memory: the server process's peak resident memory (VmHWM of /proc).

Targets (issue "Proof under load"): with 40 typists, save p95 < 1.5 s, nothing lost,
server memory < 600 MB. In a workshop every candidate types on their own laptop; here the
40 browsers share the server's two cores, so they run at the lowest CPU priority (nice 19,
every thread of every Chromium and Playwright process): the server gets the CPU it needs
first, the browsers what is left (their own keystrokes may then lag, which only delays
the moment typing ends).

With `--processes 3` the round runs as docs/deploiement.md deploys it: a PostgreSQL of its
own (`migrate` first), three `streamlit run` processes, nginx with deploy/nginx/ptce-assist.conf
in front (HTTPS, cookie affinity); each typist gets its own affinity cookie, so nginx spreads
them over the processes (the spread is printed); memory is then each process's peak.

Each N runs twice by default: with the team's presence and live updates (a sidebar fragment
polls every 3 s) and without (PTCE_TEAM_LIVE=0), to print what presence costs the servers.

Only 127.0.0.1 is contacted: every other request of the pages is aborted (and counted).
The run stops by itself: a time limit per round, the servers killed at the end.

    .venv/bin/python bench/load.py [--sizes 10 20 40] [--rubric objectifs] [--processes 3]
        [--presence both]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.async_api import async_playwright
from sqlalchemy import Engine, select

from ptce_assist.dossier import Dossier
from ptce_assist.storage import DossierStore, make_engine
from ptce_assist.storage.engine import read_connection
from ptce_assist.storage.schema import dossiers
from ptce_assist.storage.tokens import token_hash
from ptce_assist.ui.team import LIVE_ENV
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.server import REPO, AppServer
from tests.deploy.nginx import Nginx
from tests.pg_cluster import PostgresCluster

SENTENCES = [
    "Le pôle réunit douze structures de l'ESS et cinq entreprises du bassin d'emploi. ",
    "Nous visons 12 emplois en insertion d'ici 2027, avec 480 000 € sur trois ans ; ",
    "la gouvernance associe salariés, bénévoles et collectivités au comité de pilotage.",
]
KEY_DELAY_MS = 120  # a fast typist: 500 characters a minute (a fluent one does 250)
THINK_SECONDS = (1.0, 2.5)  # pause between sentences
ROUND_TIME_LIMIT = 300.0
SAVE_WAIT_LIMIT = 30.0


@dataclass
class Candidate:
    index: int
    token: str
    key: str  # the token's hash: how the database knows the dossier
    typed: str = ""
    typing_started: float | None = None  # time.monotonic() of the first keystroke
    typing_done: float | None = None  # time.monotonic() of the last keystroke
    saved_at: float | None = None  # first time the database held the whole text


@dataclass
class Round:
    size: int
    presence: bool = True
    save_latencies: list[float] = field(default_factory=list)
    lost: int = 0
    rerun_p95: float = float("nan")
    reruns: int = 0
    peak_mb: float = float("nan")  # the largest process's peak
    peaks_mb: list[float] = field(default_factory=list)  # each process's peak
    spread: list[int] = field(default_factory=list)  # typists per process (behind nginx)
    unfinished: int = 0  # typists the time limit stopped (a starved machine): not measured
    cpu_seconds: float = float("nan")  # the servers' CPU time during the typing
    typing_seconds: float = float("nan")
    blocked_requests: int = 0
    key_delay_ms: int = 120
    typed_per_minute: list[float] = field(default_factory=list)  # each typist's real pace


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * (len(ordered) - 1))))
    return ordered[rank]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of the server process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc/<pid>/stat), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


BROWSER_COMMANDS = ("chromium", "chrome", "node")


class BrowserNicer(threading.Thread):
    """Puts every thread of the browsers (and the Playwright driver) at nice `level` (19)."""

    def __init__(self, spare: set[int], level: int = 19):
        super().__init__(daemon=True)
        self.spare = spare  # the server and this process
        self.level = level
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for proc in Path("/proc").iterdir():
                if not proc.name.isdigit() or int(proc.name) in self.spare:
                    continue
                try:
                    command = (proc / "comm").read_text().strip()
                    if not command.startswith(BROWSER_COMMANDS):
                        continue
                    for task in (proc / "task").iterdir():
                        if os.getpriority(os.PRIO_PROCESS, int(task.name)) != self.level:
                            os.setpriority(os.PRIO_PROCESS, int(task.name), self.level)
                except (OSError, ValueError):
                    continue  # the process or thread ended meanwhile
            self.stop.wait(0.5)


def read_texts(engine: Engine, rubric: str) -> dict[str, str]:
    """The rubric's text of every dossier, by token hash."""
    texts: dict[str, str] = {}
    with read_connection(engine) as conn:
        rows = conn.execute(select(dossiers.c.token_hash, dossiers.c.data)).all()
    for key, data in rows:
        value = json.loads(str(data)).get("rubrics", {}).get(rubric, "")
        texts[str(key)] = value if isinstance(value, str) else ""
    return texts


class SaveWatcher(threading.Thread):
    """Reads every dossier every 25 ms; notes when each first holds its candidate's text."""

    def __init__(self, database_url: str, rubric: str, candidates: list[Candidate]):
        super().__init__(daemon=True)
        self.database_url = database_url
        self.rubric = rubric
        self.by_key = {c.key: c for c in candidates}
        self.stop = threading.Event()

    def run(self) -> None:
        engine = make_engine(self.database_url)
        try:
            while not self.stop.is_set():
                now = time.monotonic()
                for key, text in read_texts(engine, self.rubric).items():
                    candidate = self.by_key.get(key)
                    if (
                        candidate is not None
                        and candidate.saved_at is None
                        and candidate.typing_done is not None
                        and text == candidate.typed
                    ):
                        candidate.saved_at = now
                self.stop.wait(0.025)
        finally:
            engine.dispose()


async def type_like_a_person(
    page: Any, candidate: Candidate, seed: int, key_delay_ms: int = KEY_DELAY_MS
) -> None:
    rng = random.Random(seed)
    area = page.get_by_label("Votre texte")
    await area.click()
    await asyncio.sleep(rng.uniform(0, 1.5))  # people do not start at the same instant
    candidate.typing_started = time.monotonic()
    for number, sentence in enumerate(SENTENCES):
        candidate.typed += sentence  # before typing_done: the watcher compares with it
        last = number == len(SENTENCES) - 1
        body, tail = (sentence[:-1], sentence[-1]) if last else (sentence, "")
        await page.keyboard.type(body, delay=key_delay_ms)
        if last:
            await asyncio.sleep(key_delay_ms / 1000)
            await page.keyboard.type(tail)  # the last keystroke: the clock starts here
            candidate.typing_done = time.monotonic()
        if not last:
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))


class Deployment:
    """Where the typists type: one process on an SQLite file (the default), or
    `processes` processes behind nginx on a PostgreSQL of their own."""

    def __init__(self, size: int, workdir: Path, processes: int, presence: bool) -> None:
        self.workdir = workdir
        self.run_log = workdir / f"runs-{size}.log"
        self.cluster: PostgresCluster | None = None
        self.nginx: Nginx | None = None
        if processes:
            self.cluster = PostgresCluster().create()
            self.database_url = self.cluster.url()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "ptce_assist",
                    "migrate",
                    "--database-url",
                    self.database_url,
                ],
                cwd=REPO,
                check=True,
                capture_output=True,
            )
        else:
            self.database_url = f"sqlite:///{workdir / f'load-{size}.sqlite3'}"
        env = {
            "PTCE_RUN_LOG": str(self.run_log),
            "PTCE_TRUST_PROXY": "1",
            LIVE_ENV: "1" if presence else "0",
        }
        self.servers = [
            AppServer(self.database_url, env=env, log_dir=workdir) for _ in range(max(processes, 1))
        ]

    def start(self) -> None:
        for server in self.servers:
            server.start()
        if self.cluster is not None:
            folder = Path(tempfile.mkdtemp(prefix="nginx-", dir=self.workdir))
            self.nginx = Nginx(folder, [s.port for s in self.servers])
            self.nginx.start()

    @property
    def url(self) -> str:
        return self.nginx.url if self.nginx else self.servers[0].url

    def pids(self) -> set[int]:
        return {s.process.pid for s in self.servers if s.process is not None}

    def cpu_seconds(self) -> float:
        return sum(cpu_seconds(pid) for pid in self.pids())

    def peaks_mb(self) -> list[float]:
        return [peak_rss_mb(s.process.pid) for s in self.servers if s.process is not None]

    def spread(self, keys: list[str]) -> list[int]:
        if self.nginx is None:
            return [len(keys)]
        backends = [self.nginx.backend_of(key) for key in keys]
        return [backends.count(f"127.0.0.1:{s.port}") for s in self.servers]

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.stop()
        for server in self.servers:
            server.stop()
        if self.cluster is not None:
            self.cluster.destroy()


async def run_round(
    size: int,
    rubric: str,
    workdir: Path,
    processes: int,
    browser_nice: int = 19,
    presence: bool = True,
    key_delay_ms: int = KEY_DELAY_MS,
    round_limit: float = ROUND_TIME_LIMIT,
) -> Round:
    result = Round(size=size, presence=presence, key_delay_ms=key_delay_ms)
    deployment = Deployment(size, workdir, processes, presence)
    try:
        engine = make_engine(deployment.database_url)
        store = DossierStore(engine)
        tokens = [store.create(Dossier())[0] for _ in range(size)]
        engine.dispose()
        candidates = [Candidate(i, token, token_hash(token)) for i, token in enumerate(tokens)]
        deployment.start()
        watcher = SaveWatcher(deployment.database_url, rubric, candidates)
        nicer = BrowserNicer({*deployment.pids(), os.getpid()}, browser_nice)
        nicer.start()
        keys = [f"typist-{c.index}" for c in candidates]
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS
                )
                pages = []
                for candidate, key in zip(candidates, keys, strict=True):
                    context = await browser.new_context(locale="fr-FR", ignore_https_errors=True)
                    await context.add_cookies(
                        [{"name": "ptce_affinity", "value": key, "url": deployment.url}]
                    )
                    await context.route("**/*", _only_localhost(result))
                    page = await context.new_page()
                    await page.goto(f"{deployment.url}/{rubric}?d={candidate.token}")
                    pages.append(page)
                for page in pages:
                    await page.get_by_label("Votre texte").wait_for(timeout=60_000)
                deployment.run_log.write_text("")  # count only the runs of the typing
                watcher.start()
                cpu_before, typing_started = deployment.cpu_seconds(), time.monotonic()
                try:
                    await asyncio.wait_for(
                        asyncio.gather(
                            *(
                                type_like_a_person(page, candidate, candidate.index, key_delay_ms)
                                for page, candidate in zip(pages, candidates, strict=True)
                            )
                        ),
                        timeout=round_limit,
                    )
                except TimeoutError:
                    print(f"N={size}: typing not over after {round_limit:.0f} s", flush=True)
                deadline = time.monotonic() + SAVE_WAIT_LIMIT
                while time.monotonic() < deadline and any(c.saved_at is None for c in candidates):
                    await asyncio.sleep(0.1)
                result.cpu_seconds = deployment.cpu_seconds() - cpu_before
                result.typing_seconds = time.monotonic() - typing_started
                await browser.close()
            result.peaks_mb = deployment.peaks_mb()
            result.peak_mb = max(result.peaks_mb, default=float("nan"))
            result.spread = deployment.spread(keys)
        finally:
            watcher.stop.set()
            nicer.stop.set()
        for candidate in candidates:
            if candidate.saved_at is not None and candidate.typing_done is not None:
                result.save_latencies.append(candidate.saved_at - candidate.typing_done)
        engine = make_engine(deployment.database_url)
        final = read_texts(engine, rubric)
        engine.dispose()
    finally:
        deployment.stop()
    done = [c for c in candidates if c.typing_done is not None]
    for c in done:
        start, end = c.typing_started, c.typing_done
        if start is not None and end is not None and end > start:
            result.typed_per_minute.append(60 * len(c.typed) / (end - start))
    result.unfinished = len(candidates) - len(done)
    lost = [c for c in done if final.get(c.key) != c.typed]
    result.lost = len(lost)
    if lost:  # what went wrong, for the person reading the figures
        print(f"lost, e.g. typed {lost[0].typed!r}\n     stored {final.get(lost[0].key)!r}")
    log = deployment.run_log.read_text().splitlines() if deployment.run_log.exists() else []
    durations = [float(line.split("\t")[0]) for line in log if line]
    result.reruns = len(durations)
    result.rerun_p95 = percentile(durations, 0.95)
    return result


def _only_localhost(result: Round) -> Any:
    async def handler(route: Any) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", None) or route.request.url.startswith(("data:", "blob:")):
            await route.continue_()
        else:
            result.blocked_requests += 1
            await route.abort()

    return handler


def print_table(rounds: list[Round]) -> None:
    print()
    print(
        "| candidats | présence | enregistrement p50 | p95 | textes perdus | exécutions | "
        "exécution p95 | processeur du serveur | mémoire max. | requêtes bloquées |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rounds:
        share = r.cpu_seconds / r.typing_seconds if r.typing_seconds else float("nan")
        print(
            f"| {r.size} | {'oui' if r.presence else 'non'} | "
            f"{percentile(r.save_latencies, 0.5):.2f} s | "
            f"{percentile(r.save_latencies, 0.95):.2f} s | {r.lost} | {r.reruns} | "
            f"{r.rerun_p95:.2f} s | {r.cpu_seconds:.1f} s ({share:.0%} d'un cœur) | "
            f"{r.peak_mb:.0f} Mo | {r.blocked_requests} |"
        )
    for r in rounds:
        if len(r.peaks_mb) > 1:
            peaks = " + ".join(f"{p:.0f}" for p in r.peaks_mb)
            print(
                f"{r.size} candidats : candidats par processus {r.spread} ; mémoire max. par "
                f"processus {peaks} Mo = {sum(r.peaks_mb):.0f} Mo"
            )
        if r.unfinished:
            print(f"{r.unfinished} candidats sur {r.size} n'ont pas fini de taper à temps")
        if r.typed_per_minute:  # below the pace asked: the browsers lacked CPU, not the server
            print(
                f"{r.size} candidats : rythme demandé {60_000 / r.key_delay_ms:.0f} frappes par "
                f"minute, obtenu {percentile(r.typed_per_minute, 0.5):.0f} (médiane, pauses "
                "comprises)"
            )
    biggest = max(r.size for r in rounds)
    for r in rounds:
        if r.size != biggest:
            continue
        p95 = percentile(r.save_latencies, 0.95)
        unsaved = r.size - len(r.save_latencies)
        within = p95 < 1.5 and r.lost == 0 and unsaved == 0 and r.peak_mb < 600
        print(
            f"Cibles à {r.size} candidats, présence {'activée' if r.presence else 'coupée'} "
            "(enregistrement p95 < 1,5 s, rien de perdu, mémoire < 600 Mo) : "
            + ("tenues" if within else "NON tenues")
        )
    by_size: dict[int, dict[bool, Round]] = {}
    for r in rounds:
        by_size.setdefault(r.size, {})[r.presence] = r
    for size, pair in sorted(by_size.items()):
        if True in pair and False in pair:
            on, off = pair[True], pair[False]
            print(
                f"Coût de la présence à {size} : processeur "
                f"{on.cpu_seconds - off.cpu_seconds:+.1f} s "
                f"({on.cpu_seconds / max(off.cpu_seconds, 1e-9):.2f} fois), mémoire "
                f"{on.peak_mb - off.peak_mb:+.0f} Mo"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 40])
    parser.add_argument("--rubric", default="objectifs")
    parser.add_argument(
        "--keep", type=Path, help="dossier où garder bases, journaux du serveur et des runs"
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=0,
        help="N processus derrière nginx sur PostgreSQL (0 : un processus sur SQLite)",
    )
    parser.add_argument(
        "--browser-nice",
        type=int,
        default=19,
        help="priorité des navigateurs (19 : après les serveurs ; 0 : à égalité, pour une "
        "machine partagée où d'autres travaux affament les navigateurs)",
    )
    parser.add_argument(
        "--presence",
        choices=["on", "off", "both"],
        default="both",
        help="présence et mises à jour en direct (le panneau de l'équipe) : avec, sans, ou "
        "les deux pour en mesurer le coût",
    )
    parser.add_argument(
        "--key-delay",
        type=int,
        default=KEY_DELAY_MS,
        help="millisecondes entre deux frappes (120 : 500 frappes par minute)",
    )
    parser.add_argument(
        "--round-limit",
        type=float,
        default=ROUND_TIME_LIMIT,
        help="temps laissé aux candidats pour finir de taper (secondes)",
    )
    args = parser.parse_args(argv)
    rounds = []
    with tempfile.TemporaryDirectory(prefix="ptce-load-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        variants = {"on": [True], "off": [False], "both": [True, False]}[args.presence]
        for size in args.sizes:
            for presence in variants:
                started = time.monotonic()
                rounds.append(
                    asyncio.run(
                        run_round(
                            size,
                            args.rubric,
                            workdir,
                            args.processes,
                            args.browser_nice,
                            presence,
                            args.key_delay,
                            args.round_limit,
                        )
                    )
                )
                print(
                    f"{size} candidats, présence {'activée' if presence else 'coupée'} : "
                    f"tour fini en {time.monotonic() - started:.0f} s",
                    flush=True,
                )
    print_table(rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
