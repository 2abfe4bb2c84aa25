"""Page numbers in the exported DOCX's footer, the budget annex's first column, and the PDF
made by LibreOffice on the server.

The footer must not take a line of text from any page: LibreOffice lays out the same
dossier with and without it, and every page holds the same lines (the oracle tests of
tests/docx/test_export_oracle.py check the line breaks themselves).
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import docx
import pytest

from ptce_assist.docx_export import build_docx, builder
from ptce_assist.docx_export.pdf import TOO_SLOW, PdfError, docx_to_pdf, libreoffice
from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import PRESETS
from tests.conftest import require_or_skip
from tests.docx.test_export_oracle import long_dossier

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _pdf(data: bytes) -> bytes:
    require_or_skip(libreoffice() is not None, "PTCE_REQUIRE_ORACLES", "LibreOffice absent")
    return docx_to_pdf(data, timeout=300)


def _rows_per_page(pdf_bytes: bytes) -> list[list[str]]:
    import pdfplumber

    pages: list[list[str]] = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            rows: dict[float, list[str]] = {}
            for char in page.chars:
                rows.setdefault(round(float(char["top"]), 1), []).append(str(char["text"]))
            pages.append(["".join(rows[top]).strip() for top in sorted(rows)])
    return pages


def test_the_footer_holds_page_and_numpages_fields() -> None:
    document = docx.Document(io.BytesIO(build_docx(long_dossier(1, "arial11"))))
    footer = document.sections[0].footer
    fields = [f.get(f"{W}instr").strip() for f in footer._element.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text.startswith("Page ")


@pytest.mark.oracle
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_page_numbers_take_no_line_from_any_page(
    preset: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = long_dossier(3, preset)
    numbered = _rows_per_page(_pdf(build_docx(dossier)))
    with monkeypatch.context() as patch:
        patch.setattr(builder, "add_page_numbers", lambda document: None)
        plain = _rows_per_page(_pdf(build_docx(dossier)))
    assert len(numbered) == len(plain) >= 4
    total = len(numbered)
    for number, (with_footer, without) in enumerate(zip(numbered, plain, strict=True), 1):
        assert with_footer[-1] == f"Page {number} sur {total}"
        assert with_footer[:-1] == without, f"page {number} : lignes différentes"


def test_budget_annex_gives_the_labels_room() -> None:
    dossier = Dossier.model_validate(
        {
            "budget": {
                "mode": "trois_ans",
                "resources": [
                    {
                        "category": "etat_financement_ptce",
                        "amounts_typed": ["50 000", "50 000", ""],
                    },
                ],
            }
        }
    )
    document = docx.Document(io.BytesIO(build_docx(dossier)))
    table = document.tables[-1]
    widths = [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.iter(f"{W}gridCol")]
    assert len(widths) == 4
    assert widths[0] >= 0.4 * sum(widths)  # was an equal quarter: labels cut into slivers
    assert all(w >= 1500 for w in widths[1:])


@pytest.mark.oracle
def test_pdf_is_libreoffice_s_layout_of_the_docx() -> None:
    pdf = _pdf(build_docx(long_dossier(2, "arial11")))
    assert pdf.startswith(b"%PDF")
    pages = _rows_per_page(pdf)
    assert pages[0][-1] == f"Page 1 sur {len(pages)}"


def test_a_conversion_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    require_or_skip(libreoffice() is not None, "PTCE_REQUIRE_ORACLES", "LibreOffice absent")
    started = time.monotonic()
    with pytest.raises(PdfError) as refused:
        docx_to_pdf(build_docx(long_dossier(2, "arial11")), timeout=0.2)
    assert str(refused.value) == TOO_SLOW
    assert time.monotonic() - started < 10


def test_no_character_the_fonts_lack_in_the_document() -> None:
    """« ⛔ » and « ✅ » showed as empty boxes: the export writes words, never such signs,
    whatever the dossier holds (a missing rubric, a budget, a complete identity)."""

    dossier = Dossier.model_validate(
        {
            "rubrics": {"structure": "Texte."},
            "budget": {
                "mode": "annuel",
                "resources": [{"category": "region", "amounts_typed": ["10 000"]}],
            },
        }
    )
    document = docx.Document(io.BytesIO(build_docx(dossier)))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    assert not set(text) & set("⛔✅✔✓⚠✗❌")
