"""Interaction benchmark: from an action in Chromium to the end of the run it causes.

On a full dossier (every rubric filled up to its limit, the identity, actors and a budget),
in Debian's Chromium driven by Playwright, each action is timed in the page itself: from the
person's event (the field losing the focus, which sends its value; the click on a link) to
the server's `script_finished` message for the run it caused (read on the app's WebSocket,
see tests/browser/waits.py). The same kinds of action are timed on a trivial Streamlit app
(bench/trivial_app.py: a text input, a text area, a table editor, three pages) in the same
run, and each figure is printed beside its baseline, as a ratio.

Actions: an identity field committed (typed then Tab), the rubric editor's text sent (typed
then Tab), a cell of the actors table and of the budget edited (typed then Tab out of the
table), a navigation by the sidebar to every page of the dossier: as the first click in a
tab just opened, and in a tab open for a while (from the summary and back, only the visit
timed). Each is repeated
`--repeat` times (10 by default); p50 and p95 in milliseconds. Targets (issue « Nothing typed
is ever lost and every click lands »): every action within 2x the trivial app's (p50), every
navigation under 400 ms (p95), quiet and with both cores busy (`--load both`: two processes
spinning at normal priority for the whole measure).

    .venv/bin/python bench/interaction.py [--repeat 10] [--load quiet|busy|both]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.coach import filled_text  # noqa: E402
from ptce_assist.call import load_call  # noqa: E402
from ptce_assist.dossier import DEFAULT_LAYOUT, Dossier  # noqa: E402
from ptce_assist.storage import DossierStore, make_engine  # noqa: E402
from ptce_assist.volumes import allowed_lines  # noqa: E402
from tests.apptest_support import full_dossier  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.server import AppServer  # noqa: E402
from tests.browser.waits import install, open_page, wait_settled, wait_tab_told  # noqa: E402

ACTION_RATIO_TARGET = 2.0
NAVIGATION_P95_TARGET_MS = 400.0
IN_SESSION = "Navigation, onglet ouvert →"

# Trusted events, timed where they happen (performance.now()); "send": the moment one of the
# app's fields hands its value to Streamlit (it tells the click guard, static/ptce/guard.js).
MARKS = """
(() => {
  window.__marks = [];
  let guard;
  Object.defineProperty(globalThis, "ptceGuard", {
    configurable: true,
    get() { return guard; },
    set(value) {
      const expectSend = value.expectSend;
      value.expectSend = () => {
        window.__marks.push(["send", performance.now()]);
        expectSend();
      };
      guard = value;
    },
  });
  document.addEventListener("focusout", (e) => {
    if (e.isTrusted) window.__marks.push(["focusout", performance.now()]);
  }, true);
  window.addEventListener("click", (e) => {
    if (e.isTrusted) window.__marks.push(["click", performance.now()]);
  }, true);
  window.addEventListener("keydown", (e) => {
    if (e.isTrusted && e.key === "Enter") window.__marks.push(["enter", performance.now()]);
  }, true);
})();
"""


@dataclass
class Figures:
    samples: list[float] = field(default_factory=list)

    def p50(self) -> float:
        return statistics.median(self.samples)

    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Results(dict[str, Figures]):
    """Figures by action, each printed on stderr as it comes: a long run shows where it is
    (the table comes at the end)."""

    def __setitem__(self, name: str, figures: Figures) -> None:
        print(f"  {name} : p50 {figures.p50():.0f} ms", file=sys.stderr, flush=True)
        super().__setitem__(name, figures)


def full_bench_dossier() -> Dossier:
    """Every rubric filled up to its limit, on top of a complete identity and diagnostic."""
    call = load_call()
    dossier = full_dossier()
    texts = {
        r.id: filled_text(r.id, allowed_lines(r, DEFAULT_LAYOUT), DEFAULT_LAYOUT)
        for r in call.rubrics
    }
    return dossier.model_copy(update={"rubrics": texts})


def timed(page: Any, mark: str, action: Callable[[], None]) -> float:
    """Milliseconds from the first `mark` event after the action starts to the end of the
    first run that finished after it."""
    marks_before = page.evaluate("() => window.__marks.length")
    action()
    start = page.evaluate(
        "([n, kind]) => (window.__marks.slice(n).find(m => m[0] === kind) || [])[1]",
        [marks_before, mark],
    )
    assert start is not None, f"aucun événement « {mark} » pendant l'action"
    # A run that ends after the event (not merely one more run than before the action: a
    # run started before it, e.g. the one a new tab causes by telling its id, may end first).
    page.wait_for_function(
        "t => window.__ptceRuns.finishedAt.some(x => x > t)", arg=start, timeout=60_000
    )
    wait_settled(page, timeout=60_000)
    end = page.evaluate("(t) => window.__ptceRuns.finishedAt.find(x => x > t)", start)
    assert end is not None, "aucune exécution terminée après l'action"
    return float(end - start)


def type_then_tab(page: Any, field_locator: Any, text: str) -> Callable[[], None]:
    def act() -> None:
        field_locator.click()
        page.keyboard.press("Control+End")
        page.keyboard.type(text)
        page.keyboard.press("Tab")

    return act


def type_in_cell(page: Any, cell: Any, text: str) -> Callable[[], None]:
    """Type in a table cell of the app and press Enter (the table sends what it holds)."""

    def act() -> None:
        cell.click()
        page.keyboard.press("End")
        page.keyboard.type(text)
        page.keyboard.press("Enter")

    return act


def type_in_grid(page: Any, grid: Any, text: str) -> Callable[[], None]:
    """Type in the first cell of Streamlit's table editor (a canvas) and confirm with Enter."""

    def act() -> None:
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        # The grid (a canvas) selects a cell only once the pointer has entered it: these
        # pauses are the pointer's, not waits for the app (the time is measured from Enter).
        page.mouse.move(box["x"] + 60, box["y"] + 35 + 17)  # first cell, below the header
        page.wait_for_timeout(300)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_timeout(300)
        page.keyboard.press("Enter")  # opens the cell editor
        page.wait_for_timeout(300)
        page.keyboard.type(text)
        page.wait_for_timeout(300)
        page.keyboard.press("Enter")  # confirms: the table sends its edits

    return act


@contextmanager
def busy_cores(count: int) -> Iterator[None]:
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(count)]
    for spinner in spinners:
        spinner.start()
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.terminate()
            spinner.join()


def _spin() -> None:
    while True:
        pass


def menu_link(page: Any, title: str) -> Any:
    """The app's own menu (ptce_assist/ui/journeys.py) in the sidebar."""
    return page.locator("[data-testid='stSidebar'] a", has_text=title).first


def measure_app(browser: Any, server: AppServer, token: str, repeat: int) -> dict[str, Figures]:
    call = load_call()
    context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 900})
    install(context)
    context.add_init_script(MARKS)
    page = context.new_page()
    url = f"{server.url}/{{}}?d={token}"
    results = Results()
    try:
        open_page(page, url.format("identite"))
        field_locator = page.get_by_label("Nom du projet", exact=True)
        results["Champ d'identité"] = Figures(
            [timed(page, "send", type_then_tab(page, field_locator, "é")) for _ in range(repeat)]
        )
        open_page(page, url.format("objectifs"))
        editor = page.get_by_label("Votre texte", exact=True)
        results["Éditeur de rubrique"] = Figures(
            [timed(page, "send", type_then_tab(page, editor, "é")) for _ in range(repeat)]
        )
        open_page(page, url.format("acteurs-du-pole"))
        actor = page.get_by_role("table", name="Acteurs du pôle").get_by_label(
            "Rôle dans le pôle, ligne 1", exact=True
        )
        results["Case du tableau des acteurs"] = Figures(
            [timed(page, "send", type_in_cell(page, actor, "é")) for _ in range(repeat)]
        )
        open_page(page, url.format("budget"))
        amount = page.get_by_role("table", name="Dépenses").get_by_label(
            "Précision (facultatif), ligne 1", exact=True
        )
        results["Case du budget"] = Figures(
            [timed(page, "send", type_in_cell(page, amount, "é")) for _ in range(repeat)]
        )
        pages = [
            ("Identité", "identite"),
            *[(r.short_fr, r.id) for r in call.rubrics],
            ("Budget prévisionnel", "budget"),
            ("Récapitulatif", "recapitulatif"),
            ("Exporter", "export"),
            ("Importer un brouillon Word", "importer"),
            ("Recevabilité", "recevabilite"),
            ("Porteur et gouvernance", "porteur"),
            ("Acteurs du pôle", "acteurs-du-pole"),
            ("Éligibilité", "eligibilite"),
            ("Auto-évaluation", "autoevaluation"),
        ]
        for title, path in pages:
            samples = []
            for _ in range(repeat):
                open_page(
                    page, url.format("recapitulatif" if path != "recapitulatif" else "identite")
                )
                # A new tab tells the server its id just after its first run (one more run,
                # static/ptce/member.js): the person clicks on the page once it is over.
                wait_tab_told(page)
                samples.append(timed(page, "click", menu_link(page, title).click))
            results[f"Navigation → {title}"] = Figures(samples)
        # The everyday case: moving from page to page in a tab open for a while (each visit
        # timed, then the way back to the summary, not timed).
        open_page(page, url.format("recapitulatif"))
        wait_tab_told(page)
        for title, _path in pages:
            back = "Identité" if title == "Récapitulatif" else "Récapitulatif"
            if title == "Récapitulatif":  # leave it first: a click on its own link is no visit
                timed(page, "click", menu_link(page, back).click)
            samples = []
            for _ in range(repeat):
                samples.append(timed(page, "click", menu_link(page, title).click))
                timed(page, "click", menu_link(page, back).click)
            results[f"{IN_SESSION} {title}"] = Figures(samples)
    finally:
        context.close()
    return results


def measure_trivial(browser: Any, server: AppServer, repeat: int) -> dict[str, Figures]:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 900})
    install(context)
    context.add_init_script(MARKS)
    page = context.new_page()
    results = Results()
    try:
        open_page(page, server.url)
        field_locator = page.get_by_label("Champ", exact=True)
        results["champ"] = Figures(
            [
                timed(page, "focusout", type_then_tab(page, field_locator, "é"))
                for _ in range(repeat)
            ]
        )
        area = page.get_by_label("Zone de texte", exact=True)
        results["zone"] = Figures(
            [timed(page, "focusout", type_then_tab(page, area, "é")) for _ in range(repeat)]
        )
        samples = []
        for _ in range(repeat):
            open_page(page, server.url)  # the grid as it first shows, its first cell empty
            grid = page.locator("[data-testid='stDataFrame']").first
            samples.append(timed(page, "enter", type_in_grid(page, grid, "é")))
        results["tableau"] = Figures(samples)
        samples = []
        for _ in range(repeat):
            open_page(page, server.url)
            link = page.locator("[data-testid='stSidebarNav'] a", has_text="Première").first
            samples.append(timed(page, "click", link.click))
        results["navigation"] = Figures(samples)
        page.locator("[data-testid='stSidebarNav'] a", has_text="Deuxième").first.click()
        page.get_by_text("Une autre page.").wait_for()
        samples = []
        for _ in range(repeat):
            first = page.locator("[data-testid='stSidebarNav'] a", has_text="Première").first
            samples.append(timed(page, "click", first.click))
            back = page.locator("[data-testid='stSidebarNav'] a", has_text="Deuxième").first
            timed(page, "click", back.click)
        results["navigation, onglet ouvert"] = Figures(samples)
    finally:
        context.close()
    return results


BASELINE_OF = {
    "Champ d'identité": "champ",
    "Éditeur de rubrique": "zone",
    "Case du tableau des acteurs": "tableau",
    "Case du budget": "tableau",
}


def report(title: str, app: dict[str, Figures], trivial: dict[str, Figures]) -> bool:
    print(f"\n## {title}\n")
    print("| action | ptce-assist p50 | p95 | appli triviale p50 | p95 | rapport p50 | cible |")
    print("|---|---|---|---|---|---|---|")
    ok = True
    for name, figures in app.items():
        in_session = name.startswith(IN_SESSION)
        base_name = BASELINE_OF.get(
            name, "navigation, onglet ouvert" if in_session else "navigation"
        )
        base = trivial[base_name]
        ratio = figures.p50() / base.p50() if base.p50() else float("inf")
        if name.startswith("Navigation") or in_session:
            target = f"p95 ≤ {NAVIGATION_P95_TARGET_MS:.0f} ms"
            met = figures.p95() <= NAVIGATION_P95_TARGET_MS
        else:
            met = ratio <= ACTION_RATIO_TARGET
            target = f"≤ {ACTION_RATIO_TARGET:.0f} × l'appli triviale"
        ok = ok and met
        print(
            f"| {name} | {figures.p50():.0f} ms | {figures.p95():.0f} ms | {base.p50():.0f} ms "
            f"| {base.p95():.0f} ms | {ratio:.2f} | {target} : {'tenue' if met else 'MANQUÉE'} |"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--load", choices=["quiet", "busy", "both"], default="both")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ptce-interaction-"))
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    token, _ = DossierStore(make_engine(url)).create(full_bench_dossier())
    app = AppServer(url, log_dir=folder)
    # The trivial app keeps Streamlit's own page menu (the repository's config hides it).
    trivial = AppServer(
        url,
        env={"STREAMLIT_CLIENT_SHOW_SIDEBAR_NAVIGATION": "true"},
        log_dir=folder,
        script=REPO / "bench" / "trivial_app.py",
    )
    phases = ["quiet", "busy"] if args.load == "both" else [args.load]
    all_ok = True
    app.start()
    trivial.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for phase in phases:
                with busy_cores(os.cpu_count() or 2) if phase == "busy" else _nothing():
                    base = measure_trivial(browser, trivial, args.repeat)
                    ours = measure_app(browser, app, token, args.repeat)
                title = (
                    "Machine au repos"
                    if phase == "quiet"
                    else f"Machine chargée ({os.cpu_count()} cœurs occupés)"
                )
                all_ok = report(title, ours, base) and all_ok
            browser.close()
    finally:
        app.stop()
        trivial.stop()
    print("\nToutes les cibles sont tenues." if all_ok else "\nDes cibles sont manquées.")
    return 0


@contextmanager
def _nothing() -> Iterator[None]:
    yield


if __name__ == "__main__":
    raise SystemExit(main())
