"""A small writer of Word drafts with python-docx, formatted the ways candidates format them.

Used by `tests/docx/corpus.py` (the drafts and how a person reads them) and by the property
test of the import (`tests/docx/test_import_ledger.py`). `W` records the text of every
paragraph it writes, in document order (table cells row by row), so a test can compare what
the import accounted for with what was typed, without reading the file back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.shared import Pt


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph with its own formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    highlight: bool = False
    comment: str = ""  # a Word comment anchored on this run ("" = none)


@dataclass
class W:
    """A python-docx document plus the texts of its paragraphs in document order."""

    document: Any = field(default_factory=docx.Document)
    typed: list[str] = field(default_factory=list)

    # --- paragraphs -----------------------------------------------------------------------
    def p(
        self,
        text: str = "",
        style: str | None = None,
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        highlight: bool = False,
        size: float | None = None,
        comment: str = "",
    ) -> Any:
        return self.runs(
            Run(text, bold, italic, underline, highlight, comment), style=style, size=size
        )

    def runs(self, *runs: Run | str, style: str | None = None, size: float | None = None) -> Any:
        paragraph = self.document.add_paragraph(style=self._style(style))
        self._fill(paragraph, runs, size)
        return paragraph

    def h(self, text: str, level: int = 1) -> Any:
        paragraph = self.document.add_heading("", level=level)
        self._fill(paragraph, (text,), None)
        return paragraph

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.typed.append("")

    def line_break_paragraph(self, *lines: str) -> Any:
        """One paragraph whose lines are separated by manual line breaks (Maj+Entrée)."""
        paragraph = self.document.add_paragraph()
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        self.typed.append("\n".join(lines))
        return paragraph

    # --- tables -----------------------------------------------------------------------------
    def table(self, rows: list[list[str | Run | list[str] | None]], *, grid: bool = True) -> Any:
        """Rows of cells: a string, a Run (formatted), a list (one paragraph each), or None to
        merge the cell with the one on its left."""
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        if grid:
            table.style = self.document.styles["Table Grid"]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    table.cell(r, c - 1).merge(table.cell(r, c))
            for c, value in enumerate(row):
                if value is None:
                    continue
                cell = table.cell(r, c)
                paragraphs = (value or [""]) if isinstance(value, list) else [value]
                for index, item in enumerate(paragraphs):
                    paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    self._fill(paragraph, (item,), None)
        return table

    # --- page furniture ---------------------------------------------------------------------
    def header(self, text: str) -> None:
        self.document.sections[0].header.paragraphs[0].text = text

    def footer(self, text: str) -> None:
        self.document.sections[0].footer.paragraphs[0].text = text

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    # --- helpers ------------------------------------------------------------------------------
    def _style(self, name: str | None) -> Any:
        if name is None:
            return None
        if name not in [s.name for s in self.document.styles]:
            self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        return self.document.styles[name]

    def _fill(self, paragraph: Any, runs: tuple[Run | str, ...], size: float | None) -> None:
        text = ""
        for item in runs:
            spec = Run(item) if isinstance(item, str) else item
            if not spec.text:
                continue
            run = paragraph.add_run(spec.text)
            run.bold = spec.bold or None
            run.italic = spec.italic or None
            run.underline = spec.underline or None
            if spec.highlight:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            if size is not None:
                run.font.size = Pt(size)
            if spec.comment:
                author, _, said = spec.comment.partition(" : ")
                self.document.add_comment(run, text=said, author=author)
            text += spec.text
        self.typed.append(text)
