"""The oracle: LibreOffice's own rendering of the app's DOCX, line by line, per preset.

For each preset, ~330 generated French samples (≥ 300 paragraphs) plus the edge cases of
tests/layout/vectors.py are written with `docx_body` (the export's own code), converted once
by `soffice --headless --convert-to pdf` and read back from the PDF: every paragraph must
take the predicted number of lines, and every line must hold the predicted text. Skipped
without LibreOffice unless PTCE_REQUIRE_ORACLES=1 (CI), where it fails instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pdfplumber
import pytest

from ptce_assist.layout.docx_body import add_body_text, apply_preset
from ptce_assist.layout.engine import layout_prepared, layout_text
from ptce_assist.layout.presets import PRESETS, get_preset
from ptce_assist.layout.typography import prepare_text, supported_characters
from tests.layout import corpus, oracle
from tests.layout.vectors import EDGE_CASES

pytestmark = pytest.mark.oracle

SEEDS = {"arial11": 1101, "calibri11": 2202, "times12": 3303}
SAMPLES = 330
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def measured_text(sample: corpus.Sample) -> str:
    return sample.text if sample.raw else prepare_text(sample.text)


def oracle_samples(preset_id: str) -> list[corpus.Sample]:
    """The corpus, plus the edge cases whose characters the font has: a character it lacks
    is drawn with a fallback font whose widths depend on the machine (the app flags it)."""
    samples = corpus.generate(SEEDS[preset_id], SAMPLES)
    known = supported_characters(preset_id)
    for text in EDGE_CASES:
        for raw in (False, True):
            sample = corpus.Sample(text, raw)
            if set(measured_text(sample)) <= known:
                samples.append(sample)
    return samples


@pytest.mark.parametrize(
    "preset_id",
    [pytest.param(p, marks=pytest.mark.xdist_group(f"layout-oracle-{p}")) for p in sorted(PRESETS)],
)
def test_libreoffice_renders_the_predicted_lines(
    preset_id: str, soffice: str, tmp_path: Path
) -> None:
    samples = oracle_samples(preset_id)
    known = supported_characters(preset_id)
    for sample in samples:  # the generator itself must stay within the fonts
        assert set(measured_text(sample)) <= known, sample.text[:80]
    docx_path = tmp_path / f"oracle-{preset_id}.docx"
    oracle.build_docx(samples, preset_id, docx_path)
    (pdf_path,) = oracle.convert([docx_path], tmp_path)
    rendered = oracle.read_samples(pdf_path, preset_id, len(samples))

    paragraphs = count_mismatches = 0
    report = []
    for sample, lo in zip(samples, rendered, strict=True):
        result = (
            layout_prepared(sample.text, preset_id)
            if sample.raw
            else layout_text(sample.text, preset_id)
        )
        paragraphs += result.paragraph_count
        predicted = [oracle.comparable(line.text) for line in result.lines]
        if predicted != lo.lines:
            count_mismatches += len(predicted) != len(lo.lines)
            report.append(
                {
                    "sample": lo.index,
                    "raw": sample.raw,
                    "text": sample.text,
                    "predicted": predicted,
                    "libreoffice": lo.lines,
                }
            )
    if report:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"layout-oracle-{preset_id}.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    assert paragraphs >= 300
    assert count_mismatches == 0, (
        f"{count_mismatches} échantillons sur {len(samples)} ({paragraphs} paragraphes) n'ont "
        f"pas le nombre de lignes de LibreOffice ; détail : tests/artifacts/"
        f"layout-oracle-{preset_id}.json"
    )
    assert not report, f"{len(report)} échantillons coupés ailleurs que prévu"


def _page_count(pdf: Path) -> int:
    with pdfplumber.open(str(pdf)) as document:
        return len(document.pages)


@pytest.mark.parametrize(
    "preset_id",
    [pytest.param(p, marks=pytest.mark.xdist_group(f"layout-oracle-{p}")) for p in sorted(PRESETS)],
)
def test_one_page_budget_is_one_exported_page(preset_id: str, soffice: str, tmp_path: Path) -> None:
    """A text of exactly lines_per_page lines fills one page of the real export settings
    (widow control on); one line more needs a second page."""
    lines_per_page = get_preset(preset_id).lines_per_page
    paragraphs: list[str] = []
    used = 0
    for sample in corpus.generate(SEEDS[preset_id] + 7, 200):
        paragraph = prepare_text(sample.text).split("\n")[0]
        lines = layout_text(paragraph, preset_id).line_count
        if lines >= 2 and used + lines <= lines_per_page - 3:
            paragraphs.append(paragraph)
            used += lines
    while used < lines_per_page:
        paragraphs.append(f"Ligne {used + 1}.")
        used += 1
    text = "\n".join(paragraphs)
    assert layout_text(text, preset_id).line_count == lines_per_page
    paths = []
    for name, body in (("full", text), ("over", text + "\nUne ligne de plus.")):
        document = docx.Document()
        apply_preset(document, preset_id)  # widow control on, as exported
        add_body_text(document, body)
        paths.append(tmp_path / f"{name}-{preset_id}.docx")
        document.save(str(paths[-1]))
    full, over = oracle.convert(paths, tmp_path)
    assert _page_count(full) == 1
    assert _page_count(over) == 2
