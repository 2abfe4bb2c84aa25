"""LibreOffice as the oracle: write samples to DOCX, convert to PDF, read each line back.

Every line of a page sits at margin + slot x line height, so a character's slot on its page
follows from its position. Each sample starts a new page (a page break before its first
marker "@@0042A") and ends with a marker "@@0042Z"; samples are shorter than a page, so a
sample has exactly the lines between its markers, empty lines included, whatever Writer's
page placement rules (LibreOffice's keep-with-next proved unreliable for this). Page 1 holds
`lines_per_page` one-line paragraphs and nothing else: the first marker must start page 2,
which checks the page capacity.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
import pdfplumber

from ptce_assist.layout.docx_body import add_body_text, add_prepared_text, apply_preset
from ptce_assist.layout.presets import get_preset
from tests.layout.corpus import Sample

MARKER = re.compile(r"^@@(\d{4})([AZ])$")
CAPACITY = re.compile(r"^CAP(\d{3})$")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def marker(index: int, end: bool) -> str:
    return f"@@{index:04d}{'Z' if end else 'A'}"


def build_docx(samples: Sequence[Sample], preset_id: str, path: Path) -> None:
    document = docx.Document()
    preset = apply_preset(document, preset_id, widow_control=False)
    for line in range(preset.lines_per_page):
        document.add_paragraph(f"CAP{line:03d}")
    for index, sample in enumerate(samples):
        start = document.add_paragraph(marker(index, end=False))
        start.paragraph_format.page_break_before = True
        if sample.raw:
            add_prepared_text(document, sample.text)
        else:
            add_body_text(document, sample.text)
        document.add_paragraph(marker(index, end=True))
    document.save(str(path))


def convert(docx_paths: Sequence[Path], out_dir: Path, timeout: float = 300) -> list[Path]:
    """One soffice run for all files, with a throw-away user profile."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("soffice introuvable")
    with tempfile.TemporaryDirectory(prefix="ptce-lo-profile-") as profile:
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *map(str, docx_paths),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
            env={**os.environ, "HOME": profile},
        )
    pdfs = [out_dir / (p.stem + ".pdf") for p in docx_paths]
    missing = [p for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(f"conversion PDF manquante : {missing}")
    return pdfs


def comparable(text: str) -> str:
    """Line text without any kind of space, ligatures decomposed (as the PDF gives them)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and c not in "\u00a0\u202f")


@dataclass(frozen=True)
class RenderedSample:
    index: int
    lines: list[str]  # comparable() text of each line, "" for a blank line
    first_page: int
    first_slot: int


def read_samples(pdf_path: Path, preset_id: str, count: int) -> list[RenderedSample]:
    preset = get_preset(preset_id)
    lines_per_page = preset.lines_per_page
    line_pt = preset.line_height_twips / 20
    margin_pt = preset.margin_top_twips / 20
    slots: dict[int, list[tuple[float, str]]] = {}
    offset: float | None = None
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page_number, page in enumerate(pdf.pages):
            for char in page.chars:
                if offset is None:
                    # The very first character is the first marker, on line 0 of page 1.
                    offset = float(char["top"]) - margin_pt
                slot = round((float(char["top"]) - margin_pt - offset) / line_pt)
                if not 0 <= slot < lines_per_page:
                    raise AssertionError(f"caractère hors des lignes : page {page_number + 1}")
                slots.setdefault(page_number * lines_per_page + slot, []).append(
                    (float(char["x0"]), str(char["text"]))
                )
    texts = {
        index: comparable("".join(t for _, t in sorted(chars))) for index, chars in slots.items()
    }
    capacity = sorted(g for g, t in texts.items() if CAPACITY.match(t))
    if capacity != list(range(lines_per_page)):
        raise AssertionError(f"la page 1 ne contient pas {lines_per_page} lignes : {capacity}")
    markers: dict[tuple[int, str], int] = {}
    for index, text in texts.items():
        found = MARKER.match(text)
        if found:
            markers[(int(found.group(1)), found.group(2))] = index
    if markers.get((0, "A")) != lines_per_page:
        raise AssertionError("le premier échantillon ne commence pas en haut de la page 2")
    missing = [i for i in range(count) if (i, "A") not in markers or (i, "Z") not in markers]
    if missing:
        raise AssertionError(f"marqueurs introuvables dans le PDF : {missing[:10]}")
    result = []
    for i in range(count):
        first, after = markers[(i, "A")] + 1, markers[(i, "Z")]
        if first % lines_per_page != 1 or first // lines_per_page != after // lines_per_page:
            raise AssertionError(f"l'échantillon {i} n'occupe pas le haut d'une seule page")
        result.append(
            RenderedSample(
                index=i,
                lines=[texts.get(g, "") for g in range(first, after)],
                first_page=first // lines_per_page + 1,
                first_slot=first % lines_per_page,
            )
        )
    return result
