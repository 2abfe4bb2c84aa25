"""Predict how LibreOffice Writer lays out body text: lines, break positions, height, pages.

Rules (measured, see ../shared/notes/layout-fidelity.md), for text that `prepare_text` wrote:
- widths in whole 8,640-dpi pixels per glyph (no kerning; Carlito's `liga` ligatures count
  once, on their first character); the line holds (page width - margins) x 6 pixels;
- Writer formats a line as portions: runs of text, and each U+00A0 as a blank portion of the
  width of a space. A portion that fits advances the line by its width rounded to whole
  twips; in the portion that does not fit, the first character whose running width exceeds
  what is left is the cut (SwTextGuess::Guess; a portion short for what is left is compared
  rounded to twips instead);
- a cut on an ordinary space breaks there (spaces hang past the margin); otherwise the line
  breaks at the last opportunity before the cut (`linebreak.line_break`); with none after
  the line start, the word is cut where it overflows;
- an opportunity that lies before the overflowing portion (behind a U+00A0) is not taken as
  such: Writer gives the break back to the earlier portions ("underflow") only if an
  ordinary space precedes on the line (SwBlankPortion::MayUnderflow), and then searches
  again from the last character before that U+00A0; otherwise it cuts the portion where it
  overflows. A U+00A0 that itself does not fit ends the line and hangs, when no ordinary
  space precedes it on the line (measured against LibreOffice 7.4 on ~15,000 paragraphs;
  a break at "/" found this way no longer moves back to the space before the address);
- each paragraph starts a new line; an empty paragraph is one line. Single spacing, no space
  before or after: every line has the preset's line height.

The same algorithm, step for step, is static/ptce/layout.js.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from ptce_assist.layout import linebreak
from ptce_assist.layout.metrics import load_metrics, scale_round
from ptce_assist.layout.presets import PX_PER_TWIP, Preset, get_preset
from ptce_assist.layout.typography import NBSP, prepare_text


@dataclass(frozen=True, slots=True)
class Line:
    paragraph: int  # index of the paragraph (0-based) in the prepared text
    start: int  # offset of the line's first character in the prepared text
    end: int  # offset where the next line starts (hanging spaces included)
    text: str  # what the line shows (hanging spaces removed)
    cut: bool  # a word was cut: there was no break opportunity on the line


@dataclass(frozen=True, slots=True)
class LayoutResult:
    preset_id: str
    text: str  # prepare_text(typed text): what was measured and what is exported
    lines: tuple[Line, ...]
    line_count: int
    paragraph_count: int
    height_twips: int
    pages: float  # line_count / lines_per_page
    characters: int  # characters with spaces, paragraph breaks not counted

    @property
    def breaks(self) -> list[int]:
        """Offsets in `text` where each line after the first starts."""
        return [line.start for line in self.lines[1:]]


class _WidthTable(dict[int, str]):
    """str.translate table: character -> chr(width in px); unknown characters get one em."""

    def __init__(self, widths: dict[int, str], fallback: str) -> None:
        super().__init__(widths)
        self.fallback = fallback

    def __missing__(self, key: int) -> str:
        return self.fallback


@dataclass(frozen=True, slots=True)
class _Font:
    table: _WidthTable
    ligatures: re.Pattern[str] | None  # the font's `liga` sequences, in the font's order
    ligature_px: dict[str, int]
    nbsp_px: int  # Writer draws U+00A0 as a blank of the width of a space
    line_twips: int
    line_height_twips: int


@cache
def _font(preset_id: str) -> _Font:
    p = get_preset(preset_id)
    m = load_metrics(p.metrics_file)

    def px(units: int) -> int:
        return scale_round(units, p.size_pt, m.units_per_em)

    # A regex alternation tried left to right, first listed first, is how the shaper applies
    # a ligature lookup: at each position the first ligature of the font that matches.
    sequences = [sequence for sequence, _ in m.ligatures]
    return _Font(
        table=_WidthTable(
            {ord(c): chr(px(a)) for c, a in m.advances.items()}, chr(px(m.units_per_em))
        ),
        ligatures=re.compile("|".join(map(re.escape, sequences))) if sequences else None,
        ligature_px={sequence: px(advance) for sequence, advance in m.ligatures},
        nbsp_px=px(m.advances[" "]),
        line_twips=p.line_width_twips,
        line_height_twips=p.line_height_twips,
    )


def _round_twips(px: int) -> int:
    return (2 * px + PX_PER_TWIP) // (2 * PX_PER_TWIP)


def char_widths(paragraph: str, preset_id: str) -> list[int]:
    """Pixel width of each character; a ligature's width goes to its first character."""
    font = _font(preset_id)
    widths = list(map(ord, paragraph.translate(font.table)))
    if font.ligatures is not None:
        for m in font.ligatures.finditer(paragraph):
            widths[m.start()] = font.ligature_px[m.group()]
            for k in range(m.start() + 1, m.end()):
                widths[k] = 0
    return widths


def _fits(total_px: int, length: int, left_twips: int, font: _Font) -> bool:
    """SwTextGuess::Guess: does a portion of `length` characters and `total_px` fit in what is
    left of the line? For a portion that is short for what is left, Writer compares its
    width rounded to twips; otherwise it searches the cut in pixels."""
    if total_px <= left_twips * PX_PER_TWIP:
        return True
    shortcut = 2 * left_twips > length * font.line_height_twips
    return shortcut and _round_twips(total_px) <= left_twips


def _nbsp_positions(paragraph: str) -> list[int]:
    positions: list[int] = []
    k = paragraph.find(NBSP)
    while k >= 0:
        positions.append(k)
        k = paragraph.find(NBSP, k + 1)
    return positions


def _first_overflow(
    paragraph: str, cum: list[int], start: int, font: _Font, nbsps: list[int]
) -> tuple[int, int]:
    """(cut, portion start) for a line starting at `start`: the first character that does
    not fit (len(paragraph) when the rest fits) and where its portion starts (the cut
    itself for a U+00A0 blank portion). `cum[k]` is the width of paragraph[:k]; `nbsps`
    the positions of U+00A0 (searched by bisection: a scan to the end of the paragraph on
    every line made a 1 MB paragraph quadratic)."""
    n = len(paragraph)
    x = 0  # twips taken by the portions already on the line
    i = start
    while i < n:
        left = font.line_twips - x
        if paragraph[i] == NBSP:
            if not _fits(font.nbsp_px, 1, left, font):
                return i, i
            x += _round_twips(font.nbsp_px)
            i += 1
            continue
        j = bisect_left(nbsps, i)
        end = nbsps[j] if j < len(nbsps) else n
        total = cum[end] - cum[i]
        if _fits(total, end - i, left, font):
            x += _round_twips(total)
            i = end
            continue
        # The first character whose running width exceeds what is left (a zero-width
        # ligature tail never does: Writer skips characters without width).
        return bisect_right(cum, cum[i] + left * PX_PER_TWIP, i + 1, end + 1) - 1, i
    return n, n


class _Line:
    """Formats one line the way SwTextFormatter does: portions, then Guess, underflow, cut."""

    def __init__(self, paragraph: str, widths: list[int], breaker: _Breaker, start: int):
        self.p = paragraph
        self.widths = widths
        self.breaker = breaker
        self.start = start

    def may_underflow(self, blank: int, from_text: bool) -> bool:
        """SwBlankPortion::MayUnderflow: give the break back to the portions before the
        U+00A0 at `blank` only if an ordinary space precedes it on the line."""
        if from_text and blank + 1 < len(self.p) and self.p[blank + 1] == " ":
            return False
        return self.p.find(" ", self.start + 1, blank) >= 0

    def text_overflow(self, portion: int, cut: int) -> tuple[int, int, bool]:
        """SwTextPortion::Format_ for a text portion starting at `portion` whose first
        character that does not fit is `cut`: (next line start, visible end, word cut)."""
        p, start = self.p, self.start
        if p[cut] == " ":  # the cut is a space: break there, the spaces hang
            nxt = cut
            while nxt < len(p) and p[nxt] == " ":
                nxt += 1
            return nxt, _visible_end(p, start, cut), False
        brk = self.breaker.at(cut, start)
        if brk >= portion and brk > start:
            return brk, _visible_end(p, start, brk), False
        if start < brk < portion and self.may_underflow(portion - 1, from_text=True):
            return self.underflow(portion - 1)
        # BreakCut: no usable opportunity, the portion is cut where it overflows.
        if cut > portion:
            return cut, cut, True
        if cut == start:
            return start + 1, start + 1, True
        return portion, portion, True

    def underflow(self, blank: int) -> tuple[int, int, bool]:
        """The U+00A0 at `blank` does not fit any more: Writer reformats the portion before
        it on a line narrowed by one twip, so that its last character is the cut."""
        p = self.p
        while p[blank - 1] == NBSP:  # the portion before is a blank too
            if not self.may_underflow(blank - 1, from_text=False):
                return blank, blank - 1, False  # the line ends with that blank, hanging
            blank -= 1
        portion = _portion_start(p, self.start, blank - 1)
        cut = blank - 1
        while cut > portion and self.widths[cut] == 0:  # ligature tails have no width
            cut -= 1
        return self.text_overflow(portion, cut)

    def blank_overflow(self, blank: int) -> tuple[int, int, bool]:
        if self.may_underflow(blank, from_text=False):
            return self.underflow(blank)
        return blank + 1, blank, False  # the line ends with the blank, hanging


class _Breaker:
    """Break search over one paragraph, classes computed once and only when needed."""

    def __init__(self, paragraph: str) -> None:
        self.text = paragraph
        self.cls = linebreak.classes(paragraph)
        self.numbers = linebreak.number_glue(self.cls)

    def at(self, cut: int, line_start: int) -> int:
        return linebreak.line_break(self.text, self.cls, self.numbers, cut, line_start)


def _portion_start(paragraph: str, line_start: int, index: int) -> int:
    """Start of the text portion holding paragraph[index] (portions end at U+00A0)."""
    return max(line_start, paragraph.rfind(NBSP, line_start, index + 1) + 1)


def _visible_end(paragraph: str, start: int, brk: int) -> int:
    visible = brk
    while visible > start and paragraph[visible - 1] == " ":
        visible -= 1
    return visible


def layout_paragraph(paragraph: str, preset_id: str) -> list[tuple[int, int, int, bool]]:
    """Lines of one paragraph as (start, next line start, visible end, word cut)."""
    font = _font(preset_id)
    n = len(paragraph)
    if n == 0:
        return [(0, 0, 0, False)]
    widths = char_widths(paragraph, preset_id)
    cum = [0, *accumulate(widths)]
    nbsps = _nbsp_positions(paragraph)
    breaker: _Breaker | None = None
    lines: list[tuple[int, int, int, bool]] = []
    start = 0
    while start < n:
        cut, portion = _first_overflow(paragraph, cum, start, font, nbsps)
        if cut >= n:
            lines.append((start, n, _visible_end(paragraph, start, n), False))
            break
        if breaker is None:
            breaker = _Breaker(paragraph)
        line = _Line(paragraph, widths, breaker, start)
        if paragraph[cut] == NBSP:
            nxt, visible, word_cut = line.blank_overflow(cut)
        else:
            nxt, visible, word_cut = line.text_overflow(portion, cut)
        lines.append((start, nxt, visible, word_cut))
        start = nxt
    return lines


def layout_prepared(prepared: str, preset: Preset | str) -> LayoutResult:
    """Layout of text that already went through `prepare_text`."""
    p = get_preset(preset) if isinstance(preset, str) else preset
    lines: list[Line] = []
    offset = 0
    paragraphs = prepared.split("\n")
    for index, paragraph in enumerate(paragraphs):
        for start, _nxt, visible, cut in layout_paragraph(paragraph, p.id):
            end = _nxt
            lines.append(Line(index, offset + start, offset + end, paragraph[start:visible], cut))
        offset += len(paragraph) + 1
    count = len(lines)
    return LayoutResult(
        preset_id=p.id,
        text=prepared,
        lines=tuple(lines),
        line_count=count,
        paragraph_count=len(paragraphs),
        height_twips=count * p.line_height_twips,
        pages=count / p.lines_per_page,
        characters=len(prepared) - (len(paragraphs) - 1),
    )


def layout_text(text: str, preset_id: str) -> LayoutResult:
    """Layout of what the candidate typed, as exported: measures `prepare_text(text)`."""
    return layout_prepared(prepare_text(text), preset_id)
