"""Benchmark: measuring a 1-page text, in Python, in JavaScript (Chromium) and by LibreOffice.

The text is French dossier prose cut to exactly one page of the preset (57 lines for
arial11). Printed: the median time of one measurement by the Python engine
(`layout_text`, typography included), by its JavaScript twin in Debian's Chromium (Playwright,
layout.js in a blank page, timed with performance.now), and of one LibreOffice conversion
of the same text written as DOCX (`soffice --headless --convert-to pdf`, a fresh profile
each time, as a server would do per request), with the ratios.

    .venv/bin/python bench/measure.py [--layout arial11] [--runs 200] [--lo-runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx

from ptce_assist.layout.browser_rules import layout_rules
from ptce_assist.layout.docx_body import add_body_text, apply_preset
from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.presets import PRESETS, get_preset
from ptce_assist.ui.rubric_editor import preset_payload

LAYOUT_JS = Path(__file__).resolve().parents[1] / "static/ptce/layout.js"
CHROMIUM = os.environ.get("PTCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

PROSE = (
    "Le pôle territorial de coopération économique réunit douze structures de l'économie "
    "sociale et solidaire, cinq entreprises du bassin d'emploi et deux communes rurales. "
    "Depuis 2019, la recyclerie « Les Ateliers du Rond-Point » collecte 300 tonnes d'objets "
    "par an : 45 % sont réemployés, le reste est orienté vers des filières agréées. "
    "Le projet vise la création de 12 emplois en insertion d'ici 2027 ; le budget prévisionnel "
    "atteint 480 000 € sur trois ans, dont 100 000 € demandés au titre de l'AMI. "
    "La gouvernance associe les salariés, les bénévoles, les collectivités et les partenaires "
    "économiques au sein d'un comité de pilotage qui se réunit chaque trimestre ! "
    "Les actions prévues : un atelier de réparation de vélos, une épicerie solidaire, un "
    "tiers-lieu numérique (https://www.exemple.org/tiers-lieu) et des formations aux métiers "
    "du réemploi. "
)


def one_page_text(preset_id: str) -> str:
    """Paragraphs of PROSE, word by word, up to exactly one page of the preset."""
    target = get_preset(preset_id).lines_per_page
    words = PROSE.split()
    paragraphs: list[list[str]] = [[]]
    index = 0
    while True:
        word = words[index % len(words)]
        index += 1
        paragraphs[-1].append(word)
        text = "\n".join(" ".join(p) for p in paragraphs)
        lines = layout_text(text, preset_id).line_count
        if lines > target:
            paragraphs[-1].pop()
            if not paragraphs[-1]:
                paragraphs.pop()
            return "\n".join(" ".join(p) for p in paragraphs)
        if index % 120 == 0:
            paragraphs.append([])  # a paragraph every 120 words


def time_python(text: str, preset_id: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        layout_text(text, preset_id)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def time_javascript(text: str, preset_id: str, runs: int) -> tuple[float, int] | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content("<!doctype html><meta charset='utf-8'><body></body>")
        page.add_script_tag(content=LAYOUT_JS.read_text(encoding="utf-8"))
        median, lines = page.evaluate(
            """([rules, preset, text, runs]) => {
                const PtceLayout = createPtceLayout(rules);
                const font = PtceLayout.makeFont(preset.metrics, preset);
                for (let i = 0; i < 20; i++) PtceLayout.layoutText(text, font);  // JIT warm-up
                // performance.now() is coarse in a page (0.1 ms): time batches of 20.
                const samples = [];
                let lines = 0;
                for (let i = 0; i < Math.max(1, Math.floor(runs / 20)); i++) {
                    const t0 = performance.now();
                    for (let k = 0; k < 20; k++) {
                        lines = PtceLayout.layoutText(text, font).line_count;
                    }
                    samples.push((performance.now() - t0) / 20);
                }
                samples.sort((a, b) => a - b);
                return [samples[Math.floor(samples.length / 2)], lines];
            }""",
            [layout_rules(), preset_payload(preset_id), text, runs],
        )
        browser.close()
    return float(median), int(lines)


def time_libreoffice(text: str, preset_id: str, runs: int) -> float | None:
    samples = []
    with tempfile.TemporaryDirectory(prefix="ptce-bench-") as folder:
        path = Path(folder) / "page.docx"
        document = docx.Document()
        apply_preset(document, preset_id)
        add_body_text(document, text)
        document.save(str(path))
        for run in range(runs):
            profile = Path(folder) / f"profile-{run}"
            start = time.perf_counter()
            try:
                subprocess.run(
                    [
                        "soffice",
                        f"-env:UserInstallation=file://{profile}",
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        folder,
                        str(path),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=300,
                )
            except (OSError, subprocess.SubprocessError):
                return None
            samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", default="arial11", choices=sorted(PRESETS))
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--lo-runs", type=int, default=3)
    args = parser.parse_args()

    text = one_page_text(args.layout)
    result = layout_text(text, args.layout)
    print(
        f"Texte d'une page ({get_preset(args.layout).label}) : {result.characters} caractères, "
        f"{result.line_count} lignes, {result.paragraph_count} paragraphes"
    )

    python_ms = time_python(text, args.layout, args.runs)
    print(f"Python      : {python_ms:8.3f} ms par mesure (médiane de {args.runs})")
    js = time_javascript(text, args.layout, args.runs)
    if js is None:
        print("JavaScript  : Chromium ou Playwright indisponible")
    else:
        print(
            f"JavaScript  : {js[0]:8.3f} ms par mesure dans Chromium ({args.runs} mesures, "
            f"{js[1]} lignes, comme Python : {'oui' if js[1] == result.line_count else 'NON'})"
        )
    lo_ms = time_libreoffice(text, args.layout, args.lo_runs)
    if lo_ms is None:
        print("LibreOffice : soffice indisponible")
        return 0
    print(f"LibreOffice : {lo_ms:8.1f} ms par conversion DOCX -> PDF (médiane de {args.lo_runs})")
    print(
        f"Rapport     : Python {lo_ms / python_ms:,.0f} fois plus rapide que LibreOffice".replace(
            ",", "\u202f"
        )
    )
    if js is not None and js[0] > 0:
        ratio = f"{lo_ms / js[0]:,.0f}".replace(",", "\u202f")
        print(f"              JavaScript {ratio} fois plus rapide que LibreOffice")
    return 0


if __name__ == "__main__":
    sys.exit(main())
