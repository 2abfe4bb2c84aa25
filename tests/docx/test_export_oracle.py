"""LibreOffice opens every exported DOCX, and its PDF shows each rubric's text on exactly the
lines the layout engine predicts (same break positions, same count).

Rubric bodies are found in the PDF by their fonts: headings are bold at the preset's size
+ 1 pt, body text is regular at the preset's size, everything else (title, identity table,
missing-rubric marker) uses other sizes or italics. Heading lines are grouped and matched
with the expected heading text, so each body is attributed to its rubric. Empty paragraphs
draw nothing: the rendered count is the visible lines plus the empty paragraphs, each of
which LibreOffice always lays out as one line.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ptce_assist.docx_export import build_docx
from ptce_assist.dossier import Dossier
from ptce_assist.layout.engine import layout_text
from ptce_assist.layout.presets import PRESETS, get_preset
from ptce_assist.plaintext import export_sections
from tests.apptest_support import full_dossier
from tests.conftest import require_or_skip
from tests.docx.test_export import full
from tests.editions import FIXTURE_ID

pytestmark = pytest.mark.oracle

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "le pôle territorial de coopération économique réunit des entreprises de l'économie "
    "sociale et solidaire des collectivités des centres de recherche et des organismes de "
    "formation autour d'une stratégie commune de mutualisation efficace et durable ; il "
    "accompagne la création d'emplois, l'insertion, le réemploi, la mobilité, l'alimentation "
    "en circuits courts, la rénovation énergétique, l'habitat partagé et l'œuvre collective"
).split(" ")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def long_text(seed: int, characters: int) -> str:
    """A deterministic French text of about `characters`, with paragraphs, blank lines,
    bullets, amounts, guillemets and French punctuation."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < characters:
        kind = rng.random()
        if kind < 0.15:
            paragraph = "- " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
        elif kind < 0.2:
            paragraph = ""
        else:
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 90))]
            for index in range(3, len(words), 11):
                words[index] += rng.choice([" :", " ;", " !", " ?", ",", "", ""])
            if rng.random() < 0.4:
                words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 999)} 000 €")
            if rng.random() < 0.3:
                words.insert(rng.randint(0, len(words)), "« coopération »")
            paragraph = " ".join(words)
            paragraph = paragraph[0].upper() + paragraph[1:] + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(paragraphs).strip("\n")


def long_dossier(seed: int, layout: str) -> Dossier:
    sizes = {
        "structure": 4200,
        "acteurs": 8800,
        "gouvernance": 1200,
        "perimetre": 2200,
        "actions": 3000,
        "plan_action": 700,
        "financement": 4400,
    }
    rubrics = {rid: long_text(seed * 100 + i, n) for i, (rid, n) in enumerate(sizes.items())}
    return full().model_copy(update={"rubrics": rubrics, "layout": layout})


def fixture_edition_dossier() -> Dossier:
    """A dossier of the tests' fictitious edition: its own headings, limits and rubrics
    (« Réalisations », « Structure porteuse » in 1/2 page), laid out like any other."""
    dossier = full_dossier(FIXTURE_ID)
    sizes = {"structure": 2400, "realisations": 3000, "implication_membres": 900}
    rubrics = {rid: long_text(900 + i, n) for i, (rid, n) in enumerate(sizes.items())}
    return dossier.model_copy(update={"rubrics": {**dossier.rubrics, **rubrics}})


CASES = {
    **{f"typographie-{p}": full().model_copy(update={"layout": p}) for p in sorted(PRESETS)},
    **{f"long-{p}": long_dossier(i + 1, p) for i, p in enumerate(sorted(PRESETS))},
    "manquantes-arial11": Dossier(rubrics={"structure": "Une seule rubrique remplie."}),
    "edition-essai": fixture_edition_dossier(),
}


def comparable(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and c not in "\u00a0\u202f")


@dataclass(frozen=True)
class PdfLine:
    kind: str  # "heading", "body" or "other"
    text: str  # comparable text


def pdf_lines(pdf_path: Path, body_size: float) -> list[PdfLine]:
    import pdfplumber

    lines: list[PdfLine] = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for page in pdf.pages:
            rows: dict[float, list[dict[str, object]]] = {}
            for char in page.chars:
                rows.setdefault(round(float(char["bottom"]), 1), []).append(char)
            for bottom in sorted(rows):
                chars = sorted(rows[bottom], key=lambda c: float(str(c["x0"])))
                visible = [c for c in chars if str(c["text"]).strip()]
                if not visible:
                    continue
                fonts = {str(c["fontname"]).split("+")[-1] for c in visible}
                sizes = {round(float(str(c["size"])), 1) for c in visible}
                bold = all("Bold" in f for f in fonts)
                plain = not any("Bold" in f or "Italic" in f for f in fonts)
                if bold and sizes == {round(body_size + 1, 1)}:
                    kind = "heading"
                elif plain and sizes == {round(body_size, 1)}:
                    kind = "body"
                else:
                    kind = "other"
                text = comparable("".join(str(c["text"]) for c in chars))
                lines.append(PdfLine(kind, text))
    return lines


def bodies_by_heading(lines: list[PdfLine]) -> Iterator[tuple[str, list[str]]]:
    """(heading text, body lines under it) in document order."""
    heading: list[str] = []
    body: list[str] = []
    previous = ""
    for line in lines:
        if line.kind == "heading":
            if previous != "heading" and heading:
                yield "".join(heading), body
                heading, body = [], []
            heading.append(line.text)
        elif line.kind == "body" and heading:
            body.append(line.text)
        previous = line.kind
    if heading:
        yield "".join(heading), body


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    binary = soffice()
    require_or_skip(binary is not None, "PTCE_REQUIRE_ORACLES", "LibreOffice (soffice) absent")
    assert binary is not None
    folder = tmp_path_factory.mktemp("export-oracle")
    paths = []
    for name, dossier in CASES.items():
        path = folder / f"{name}.docx"
        path.write_bytes(build_docx(dossier))
        paths.append(path)
    profile = tempfile.mkdtemp(prefix="ptce-export-oracle-lo-")
    try:
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                *map(str, paths),
            ],
            check=True,
            capture_output=True,
            timeout=600,
            env={**os.environ, "HOME": profile},
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = {name: folder / f"{name}.pdf" for name in CASES}
    missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, f"LibreOffice n'a pas converti : {missing}"
    return pdfs


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rubric_has_the_predicted_lines_in_libreoffice(
    rendered: dict[str, Path], case: str
) -> None:
    dossier = CASES[case]
    preset = get_preset(dossier.layout)
    sections = export_sections(dossier)
    expected = {comparable(s.heading) for s in sections}
    # The bold "Nom du projet :" label of an empty identity line looks like a heading line.
    found = [
        (heading, body)
        for heading, body in bodies_by_heading(pdf_lines(rendered[case], preset.size_pt))
        if heading in expected
    ]
    assert [h for h, _ in found] == [comparable(s.heading) for s in sections]
    for section, (_, body) in zip(sections, found, strict=True):
        if section.text is None:
            assert body == []  # the marker is italic: no body line
            continue
        layout = layout_text(section.text, preset.id)
        predicted = [comparable(line.text) for line in layout.lines]
        visible = [text for text in predicted if text]
        assert body == visible, f"{section.rubric.id}: coupures différentes"
        empty_paragraphs = sum(1 for p in layout.text.split("\n") if p == "")
        assert len(body) + empty_paragraphs == layout.line_count


def test_long_cases_really_span_pages_and_fill_the_limits(rendered: dict[str, Path]) -> None:
    import pdfplumber

    with pdfplumber.open(str(rendered["long-arial11"])) as pdf:
        assert len(pdf.pages) >= 6
    counts = {
        rid: layout_text(text, "arial11").line_count
        for rid, text in CASES["long-arial11"].rubrics.items()
    }
    assert counts["acteurs"] > 57  # more than one page of Arial 11 lines
