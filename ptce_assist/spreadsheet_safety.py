"""Text cells written to CSV or XLSX files must never be read as formulas by a spreadsheet.

A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
spreadsheets skip before reading the rest) can be run as a formula when the file is opened:
"=HYPERLINK(...)" or worse ("CSV injection", OWASP). Such cells are prefixed with an
apostrophe, which spreadsheets treat as "this is text" and which the reader can still see.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Full-width look-alikes, which some spreadsheets fold to their ASCII forms.
FORMULA_TRIGGERS_WIDE = ("\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_formula(value: str) -> str:
    """`value` made safe as a spreadsheet text cell (unchanged when it already is)."""
    if value.startswith(FORMULA_TRIGGERS) or value.startswith(FORMULA_TRIGGERS_WIDE):
        return "'" + value
    return value
