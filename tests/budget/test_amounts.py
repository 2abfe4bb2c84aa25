"""French amounts: what is understood, what is refused (never silently misread)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptce_assist.budget.amounts import AmountError, format_amount, format_share, parse_amount
from ptce_assist.budget.model import MAX_CENTS


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("100000", 10_000_000),
        ("100 000", 10_000_000),
        ("100 000 €", 10_000_000),
        ("100 000€", 10_000_000),
        ("100\u00a0000\u00a0€", 10_000_000),
        ("100\u202f000\u202f€", 10_000_000),
        ("1\u2009000", 100_000),
        ("  2 500  ", 250_000),
        ("100 000,50", 10_000_050),
        ("100 000,5", 10_000_050),
        ("0,99 €", 99),
        ("12.50", 1_250),
        ("1.5", 150),
        ("1.000.000", 100_000_000),
        ("1.000,50", 100_050),
        ("1,5 k€", 150_000),
        ("1,5 K€", 150_000),
        ("10k", 1_000_000),
        ("10 k", 1_000_000),
        ("1,5 M€", 150_000_000),
        ("2 millions", 200_000_000),
        ("10 mille", 1_000_000),
        ("45 000 EUR", 4_500_000),
        ("45 000 euros", 4_500_000),
        ("", 0),
        ("   ", 0),
        ("0", 0),
        ("1 000 000 000", 100_000_000_000),
    ],
)
def test_understood(typed: str, cents: int) -> None:
    assert parse_amount(typed) == cents


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1.000", "ambigu"),
        ("10.000", "ambigu"),
        ("1,000", "ambigu"),
        ("1,505", "ambigu"),
        ("1.000.00", "points mal placés"),
        ("1,000.50", "après la virgule"),
        ("1,000,000", "la virgule sépare les centimes"),
        ("1 00", "groupes de trois chiffres"),
        ("10 0000", "groupes de trois chiffres"),
        ("-500", "négatif"),
        ("−500", "négatif"),
        ("10 m€", "M€"),
        ("abc", "n'est pas un montant"),
        ("€100", "n'est pas un montant"),
        ("100 € HT", "n'est pas un montant"),
        ("1,2345678 k€", "centime"),
        ("1,", "après la virgule"),
        ("1 000 000 001", "trop élevé"),
        ("=1+1", "n'est pas un montant"),
    ],
)
def test_refused_with_a_french_reason(typed: str, reason: str) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount(typed)
    message = str(refused.value)
    assert reason in message
    assert f"« {' '.join(typed.split())} »" in message  # says which text was refused


def test_format() -> None:
    assert format_amount(15_000_000) == "150\u202f000\u00a0€"
    assert format_amount(250_050) == "2\u202f500,50\u00a0€"
    assert format_amount(5) == "0,05\u00a0€"
    assert format_amount(100_000_000, sep=" ") == "1 000 000 €"
    assert format_amount(150_000, currency=False, sep=" ") == "1 500"
    assert format_amount(-1_000_000, sep=" ") == "-10 000 €"
    assert format_share(0.3549) == "35\u00a0%"
    assert format_share(0.125) == "13\u00a0%"  # halves go up
    assert format_share(2 / 3, sep=" ") == "67 %"
    assert format_share(0.004, sep=" ") == "moins de 1 %"
    assert format_share(0, sep=" ") == "0 %"


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_what_is_shown_is_read_back(cents: int) -> None:
    assert parse_amount(format_amount(cents)) == cents
    assert parse_amount(format_amount(cents, currency=False, sep=" ")) == cents
