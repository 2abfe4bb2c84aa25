"""Benchmark: importing a 20-page Word draft (target: under 2 s).

The draft is written as candidates write (python-docx): a cover page, a typed sommaire, the
identity in a table, the ten rubrics under "Heading 1" titles, each with paragraphs of prose,
a bullet list, a table in two rubrics, a highlighted note, a Word comment, and a signature.
`--pages` converts it with LibreOffice to check how many pages it really makes.

Wall time and this process's CPU time are printed for `import_docx` (which includes the
checks on the raw bytes) and for `with_choices` (what the preview redoes on each choice).

    .venv/bin/python bench/import_docx.py [--runs 10] [--pages 20] [--check-pages]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ptce_assist.call import load_call
from ptce_assist.docx_import import import_docx, with_choices
from ptce_assist.plaintext import rubric_heading

TARGET_S = 2.0
PROSE = (
    "Le pôle territorial de coopération économique réunit douze structures de l'économie "
    "sociale et solidaire, cinq entreprises du bassin et deux communes : ensemble, elles "
    "mutualisent des locaux, des compétences et des achats. Nous visons la création de huit "
    "emplois durables d'ici 2027, dont quatre en insertion, et la consolidation de quinze "
    "postes existants ; le comité de pilotage suit chaque trimestre les indicateurs du plan "
    "d'action et ajuste les moyens (budget de 315 000 € sur trois ans)."
)
PARAGRAPHS_PER_PAGE = 5


def draft(pages: int) -> bytes:
    call = load_call()
    d = docx.Document()
    d.add_paragraph().add_run("DOSSIER DE CANDIDATURE – AMI PTCE 2024").bold = True
    d.add_paragraph("Pôle Territorial du Val de Drôme")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph().add_run("Sommaire").bold = True
    for number, rubric in enumerate(call.rubrics, start=1):
        d.add_paragraph(f"Rubrique {number} – {rubric.short_fr} ........ {number + 2}")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    table = d.add_table(rows=0, cols=2)
    for label, value in (
        ("Nom du projet", "Pôle Territorial du Val de Drôme"),
        ("Région", "Région Sud – PACA"),
        ("Nom de la structure porteuse", "SCIC Val Solidaire"),
        ("Forme juridique", "SCIC"),
        ("Nom / Prénom", "MARTIN Camille"),
        ("Mail", "camille@val-solidaire.fr"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    body_pages = max(pages - 2, 1)
    per_rubric = max(body_pages * PARAGRAPHS_PER_PAGE // len(call.rubrics), 1)
    for index, rubric in enumerate(call.rubrics):
        d.add_heading(rubric_heading(rubric), level=1)
        for number in range(per_rubric):
            paragraph = d.add_paragraph(f"{number + 1}. {PROSE}")
            if number == 1 and index % 3 == 0:
                run = paragraph.add_run(" NB : chiffres à vérifier.")
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            if number == 2 and index % 4 == 0:
                d.add_comment(paragraph.runs[0], text="à reformuler ?", author="Julien")
        for item in ("une recyclerie ;", "un atelier vélo ;", "un tiers-lieu."):
            d.add_paragraph(item, style="List Bullet")
        if rubric.id in ("acteurs", "financement"):
            grid = d.add_table(rows=4, cols=3)
            for r in range(4):
                for c in range(3):
                    grid.cell(r, c).text = f"Ligne {r} colonne {c} : 12 000 €"
    d.add_paragraph("Fait à Crest, le 2 septembre 2024")
    d.add_paragraph("La présidente, Camille Martin")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def page_count(data: bytes) -> int | None:
    """Pages LibreOffice lays the draft out on (None without LibreOffice)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "brouillon.docx"
        source.write_bytes(data)
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{folder}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = (Path(folder) / "brouillon.pdf").read_bytes()
        return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def timed(action: object, runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()  # type: ignore[operator]
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def line(name: str, walls: list[float], cpus: list[float]) -> str:
    return (
        f"{name:<26} wall median {statistics.median(walls):.3f} s  max {max(walls):.3f} s  "
        f"| CPU median {statistics.median(cpus):.3f} s  max {max(cpus):.3f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument(
        "--check-pages",
        action="store_true",
        help="convert the draft with LibreOffice to count its pages",
    )
    args = parser.parse_args()
    data = draft(args.pages)
    result = import_docx(data)
    paragraphs = len({p.source for p in result.pieces})
    print(
        f"draft: {len(data) / 1024:.0f} KB, {paragraphs} paragraphs, "
        f"{sum(len(t) for t in result.rubrics.values())} characters in "
        f"{len(result.rubrics)} rubrics, {len(result.leftovers)} passages set aside"
    )
    if args.check_pages:
        print(f"pages (LibreOffice): {page_count(data)}")
    walls, cpus = timed(lambda: import_docx(data), args.runs)
    print(line("import_docx", walls, cpus))
    call = load_call()
    sections = {i: "structure" for i, x in enumerate(result.leftovers) if x.kind == "section"}
    choice_walls, choice_cpus = timed(lambda: with_choices(result, sections, call), args.runs)
    print(line("with_choices", choice_walls, choice_cpus))
    verdict = "OK" if statistics.median(cpus) < TARGET_S else "TOO SLOW"
    print(
        f"target: import under {TARGET_S:.0f} s (CPU median) -> {verdict} "
        f"(machine load: {os.getloadavg()[0]:.1f})"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    raise SystemExit(main())
