"""Benchmark: the writing coach and the layout engine over a full dossier.

Ten rubrics, each filled with French dossier prose up to its limit (pages or lines, measured by
the layout engine with the default preset). One "full-dossier run" = for every rubric, the
coach (`coach_text`, with the earlier rubrics as context, as the app does) and the layout
(`layout_text`). Scenarios:

- every rubric edited: each run gets a word more in every rubric (caches keyed on the texts
  miss; per-paragraph caches still hold the other paragraphs): the worst case;
- one rubric edited: what a rerun after typing in one rubric costs;
- unchanged texts.

Wall time and this process's CPU time are printed: the machine is shared, so wall time varies
with the load; the target (under 50 ms per full-dossier run) is checked on CPU time.

    .venv/bin/python bench/coach.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptce_assist.call import load_call
from ptce_assist.coach.report import coach_text
from ptce_assist.dossier import DEFAULT_LAYOUT
from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.presets import get_preset

TARGET_MS = 50.0
SENTENCES = [
    "Le pôle territorial de coopération économique (PTCE) réunit douze structures de "
    "l'économie sociale et solidaire (ESS), cinq entreprises du bassin et deux communes.",
    "Dans le cadre de notre projet, nous mettrons en place une recyclerie et un atelier de "
    "réparation afin de permettre aux habitants des quartiers prioritaires de se former.",
    "La société coopérative d'intérêt collectif (SCIC) porte le pôle : chaque collège vote "
    "selon le principe « une personne, une voix ».",
    "Nous visons la création de 8 emplois durables d'ici 2027, dont 4 en insertion par "
    "l'activité économique (IAE), et la consolidation de 15 postes existants.",
    "Le territoire compte deux QPV et quinze communes classées France Ruralités "
    "Revitalisation (FRR) ; le bassin d'emploi a perdu 1 200 emplois industriels depuis 2010.",
    "Les ressources locales (bois, textiles, savoir-faire des artisans) sont valorisées en "
    "circuit court, avec l'appui de la chambre de métiers et de l'artisanat (CMA).",
    "Notre budget prévisionnel s'élève à 315 000 € sur trois ans ; la part des ressources "
    "propres passe de 15 % à 50 %, ce qui traduit la recherche d'une autonomie financière.",
    "Il est à noter que les acteurs du territoire participent au comité de pilotage, qui se "
    "réunit chaque trimestre pour suivre les indicateurs et ajuster le plan d'action.",
]


def filled_text(rubric_id: str, limit_lines: int, preset_id: str) -> str:
    """Paragraphs of prose added until the layout reaches `limit_lines`."""
    paragraphs: list[str] = []
    index = 0
    while True:
        sentences = [SENTENCES[(index + k) % len(SENTENCES)] for k in range(3)]
        candidate = [*paragraphs, " ".join(sentences)]
        if layout_text("\n".join(candidate), preset_id).line_count > limit_lines:
            break
        paragraphs = candidate
        index += 1
    # Fill the last lines word by word.
    words = SENTENCES[index % len(SENTENCES)].split()
    tail: list[str] = []
    for word in words:
        trial = "\n".join([*paragraphs, " ".join([*tail, word])])
        if layout_text(trial, preset_id).line_count > limit_lines:
            break
        tail.append(word)
    return "\n".join([*paragraphs, " ".join(tail)] if tail else paragraphs)


def full_dossier(preset_id: str) -> dict[str, str]:
    preset = get_preset(preset_id)
    texts = {}
    for rubric in load_call().rubrics:
        limit = rubric.limit
        lines = (
            int(limit.amount * preset.lines_per_page) if limit.unit == "page" else int(limit.amount)
        )
        texts[rubric.id] = filled_text(rubric.id, lines, preset_id)
    return texts


def run_once(texts: dict[str, str], preset_id: str, *, layout: bool = True) -> tuple[float, float]:
    """(wall ms, CPU ms of this process) for one full-dossier run."""
    wall, cpu = time.perf_counter(), time.process_time()
    earlier: list[str] = []
    for rubric_id, text in texts.items():
        coach_text(rubric_id, text, earlier_texts=tuple(earlier))
        if layout:
            layout_text(text, preset_id)
        earlier.append(text)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def edited(base: dict[str, str], run: int, only: str | None = None) -> dict[str, str]:
    """The texts after the candidate typed a word (in every rubric, or in `only`)."""
    return {
        rid: f"{text} Essai{run}." if only in (None, rid) else text for rid, text in base.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--preset", default=DEFAULT_LAYOUT)
    args = parser.parse_args()
    base = full_dossier(args.preset)
    characters = sum(len(t) for t in base.values())
    print(f"Dossier : 10 rubriques à leur limite ({args.preset}), {characters} caractères.")
    load = os.getloadavg()[0]
    print(f"Charge de la machine (load average 1 min) : {load:.1f} sur {os.cpu_count()} cœurs.")
    run_once(base, args.preset)  # imports, data files, compiled patterns

    runs = range(args.runs)
    scenarios = {
        "coach + mise en page, chaque rubrique modifiée": [
            run_once(edited(base, r), args.preset) for r in runs
        ],
        "coach + mise en page, une rubrique modifiée": [
            run_once(edited(base, 1000 + r, "objectifs"), args.preset) for r in runs
        ],
        "coach + mise en page, textes inchangés": [run_once(base, args.preset) for _ in runs],
        "coach seul, chaque rubrique modifiée": [
            run_once(edited(base, 2000 + r), args.preset, layout=False) for r in runs
        ],
    }
    for label, values in scenarios.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"{label:<48} médiane {wall:6.1f} ms (temps processeur {cpu:6.1f} ms)")
    worst = scenarios["coach + mise en page, chaque rubrique modifiée"]
    cpu = statistics.median(v[1] for v in worst)
    verdict = "OK" if cpu < TARGET_MS else "AU-DESSUS"
    print(
        f"Cible : moins de {TARGET_MS:.0f} ms par dossier complet (temps processeur, chaque "
        f"rubrique modifiée) -> {verdict}"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
