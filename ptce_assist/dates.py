"""Dates typed the French way (« 30/11/2026 », « 30 11 2026 », « 30-11-26 »), read for the
date fields of the workshop pages (Streamlit's date picker speaks English)."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})\s*$")
DATE_HINT = "JJ/MM/AAAA"


class DateError(ValueError):
    """The text is not a date; the message says so in French."""


def format_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def parse_date(text: str) -> dt.date | None:
    """The date written in `text`, None when it is empty; DateError otherwise."""
    if not text.strip():
        return None
    match = _DATE.match(text)
    if match is None:
        raise DateError(f"« {text.strip()} » n'est pas une date : écrivez-la {DATE_HINT}.")
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"Le {text.strip()} n'existe pas dans le calendrier.") from None
