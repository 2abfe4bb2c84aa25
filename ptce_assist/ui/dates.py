"""A date field in French: a text field « JJ/MM/AAAA » (Streamlit's date picker, its calendar
and its placeholder are English)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ptce_assist.dates import DATE_HINT, DateError, format_date, parse_date


def date_field(label: str, *, key: str, value: dt.date | None = None) -> dt.date | None:
    """The date typed (None when empty or not a date; a French message says why)."""
    text = st.text_input(
        label,
        value=format_date(value) if value else "",
        placeholder=DATE_HINT,
        key=key,
        help=f"Au format {DATE_HINT}, par exemple {format_date(dt.date.today())}.",
    )
    try:
        return parse_date(text)
    except DateError as error:
        st.error(str(error))
        return None
