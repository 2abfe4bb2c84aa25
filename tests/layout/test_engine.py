"""Hand-computed line breaks. Pixel widths are taken from the fonts themselves (advance x
size x 120 / 2048, rounded): Liberation Sans 11 (arial11, line 9638 twips = 57,828 px):
a b o é digits ? « = 734, m = 1100, i = 293, space t / f = 367, hyphen = 440.
Carlito 11 (calibri11, line 9072 twips = 54,432 px): f = 403, i = 303, ligatures fi = 699,
ffi = 1066, tti = 1130, ti = 735."""

from __future__ import annotations

from ptce_assist.layout import linebreak
from ptce_assist.layout.engine import char_widths, layout_prepared, layout_text

NBSP, NNBSP = "\u00a0", "\u202f"


def texts(text: str, preset: str = "arial11", raw: bool = True) -> list[str]:
    result = layout_prepared(text, preset) if raw else layout_text(text, preset)
    return [line.text for line in result.lines]


def allowed(text: str) -> list[int]:
    """Indices before which a line may break."""
    cls = linebreak.classes(text)
    numbers = linebreak.number_glue(cls)
    return [i for i in range(1, len(text)) if linebreak.break_allowed(cls, i, numbers)]


def test_pixel_widths_come_from_the_fonts() -> None:
    assert char_widths("abm i/-", "arial11") == [734, 734, 1100, 367, 293, 367, 440]
    assert char_widths("a", "times12") == [639]  # 909 x 12 x 120 / 2048 = 639.1


def test_carlito_ligatures_count_once_on_their_first_character() -> None:
    assert char_widths("fi", "calibri11") == [699, 0]
    assert char_widths("ffi", "calibri11") == [1066, 0, 0]
    assert char_widths("tti", "calibri11") == [1130, 0, 0]
    assert char_widths("fix", "calibri11")[:2] == [699, 0]
    assert char_widths("f i", "calibri11")[0] == 403  # no ligature across a space
    assert char_widths("fi", "arial11") == [367, 293]  # Liberation has no `liga`


def test_a_word_longer_than_the_line_is_cut_where_it_overflows() -> None:
    # 78 x 734 = 57,252 <= 57,828 < 79 x 734
    lines = layout_prepared("a" * 300, "arial11").lines
    assert [len(line.text) for line in lines] == [78, 78, 78, 66]
    assert [line.cut for line in lines] == [True, True, True, False]


def test_ligatures_change_where_a_long_word_is_cut() -> None:
    # With ligatures 51 x 1066 = 54,366 fit (153 characters); without, 49 x 1109 would.
    first = layout_prepared("ffi" * 60, "calibri11").lines[0]
    assert len(first.text) == 153


def test_a_space_that_overflows_is_where_the_line_breaks() -> None:
    # 78 a + i = 57,545: the space (367) overflows, the break is on it, the space hangs.
    lines = layout_prepared("a" * 78 + "i bb", "arial11").lines
    assert [line.text for line in lines] == ["a" * 78 + "i", "bb"]
    assert lines[1].start == 80


def test_question_mark_stays_with_its_word_even_after_an_ordinary_space() -> None:
    # b*40 + space + a*37 + i = 57,178; the space fits (57,545), "?" does not (58,279):
    # no break before "?" nor before the space, so "a…i ?" goes down whole.
    text = "b" * 40 + " " + "a" * 37 + "i ?"
    assert texts(text) == ["b" * 40, "a" * 37 + "i ?"]
    assert 79 not in allowed(text) and 80 not in allowed(text)


def test_guillemets_with_ordinary_spaces_may_end_and_start_lines() -> None:
    # « ends a line: "b*40 a*34 « m" = 57,251, the "o" overflows, break after "« ".
    assert texts("b" * 40 + " " + "a" * 34 + " « mot »")[0].endswith("«")
    # » starts a line: "b*40 a*34 mot" = 57,251; the space fits, » overflows.
    assert texts("b" * 40 + " " + "a" * 34 + " mot »")[1] == "»"
    # With the typography's no-break spaces they stay glued.
    assert allowed("«\u00a0mot\u00a0»") == []


def test_a_hyphen_allows_a_break_even_before_a_digit() -> None:
    # "b*40 a*30 2018-" = 55,490; "2019" overflows: break after the hyphen.
    lines = texts("b" * 40 + " " + "a" * 30 + " 2018-2019")
    assert lines[0].endswith("2018-") and lines[1] == "2019"
    assert allowed("2018-2019") == [5]


def test_french_break_rules() -> None:
    assert allowed("l’État") == []  # never after an apostrophe
    assert allowed("l'État") == []
    assert allowed("mot ?") == []  # no break before ? ! ; : , . / even after a space
    assert allowed("mot ; mot") == [6]
    assert allowed("a/b") == [2]  # after "/"; LibreOffice's own rule then moves it
    assert allowed("(mot)") == []  # nor before ")" (LibreOffice treats it as closing)
    assert allowed("100\u202f000\u00a0€") == []  # no-break spaces never break
    assert allowed("mot\u00a0:") == []
    assert allowed("a – b") == [2, 4]  # after the en dash's space... and after the dash
    assert allowed("1,5 %") == [4]  # "%" after an ordinary space may start a line


def test_a_break_after_a_slash_moves_back_to_the_last_space() -> None:
    def brk(text: str, cut_char: str) -> int:
        cls = linebreak.classes(text)
        return linebreak.line_break(text, cls, linebreak.number_glue(cls), text.rindex(cut_char))

    # The last opportunity before "z" is after the slash (index 66): moved back to after the
    # space 62 characters before, so the path goes down whole.
    assert brk("voir " + "a" * 60 + "/yz", "z") == 5
    # 70 characters back: farther than LibreOffice looks (66), the break after "/" stands.
    assert brk("voir " + "a" * 70 + "/yz", "z") == 76
    # A cut right after a slash is not taken: back to the previous opportunity.
    assert brk("voir https://a.org/x/y", "y") == 5


def test_no_break_spaces_split_portions_and_a_blank_that_overflows_hangs() -> None:
    # "mot" + NBSP repeated: no ordinary space on the line, so the word is cut where it
    # overflows (measured: LibreOffice puts "m" at the end of the first line).
    lines = layout_prepared(("mot" + NBSP) * 60, "arial11").lines
    assert lines[0].text.endswith(NBSP + "m") and lines[1].text.startswith("ot")
    # An ordinary space earlier on the line: the break goes back to it.
    lines = layout_prepared("x " + ("mot" + NBSP) * 60, "arial11").lines
    assert lines[0].text == "x"


def test_paragraphs_empty_lines_height_and_pages() -> None:
    result = layout_text("a\n\nb", "arial11")
    assert result.line_count == 3
    assert [line.paragraph for line in result.lines] == [0, 1, 2]
    assert result.height_twips == 3 * 253
    full = layout_text("\n".join(["ligne"] * 57), "arial11")
    assert full.pages == 1.0
    assert layout_text("", "times12").line_count == 1


def test_breaks_are_offsets_of_the_prepared_text() -> None:
    result = layout_text("- " + "mot " * 40, "arial11")
    assert result.text.startswith("\u2022\u00a0mot")
    assert result.breaks == [line.start for line in result.lines[1:]]
    assert all(result.text[line.start : line.end].rstrip(" ") == line.text for line in result.lines)
