"""Amounts typed the French way -> whole cents, and cents -> French text.

Understood: "100000", "100 000", "100 000 €", "100 000,50", "1.000.000", "1.000,50", "12.50",
"1,5 k€", "10k", "1,5 M€", "2 millions", with ordinary, no-break (U+00A0), narrow no-break
(U+202F) or thin spaces, "€", "EUR" or "euros" at the end. Refused, with a French reason, is
everything that could be read two ways ("1.000": mille ou un ?, "1,000", "1,000.50") or not at
all ("1 00", "1.000.00", "-500", "10 m€"): an amount is never silently misread.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MAX_CENTS = 100_000_000_000  # one billion euros: far beyond any PTCE budget
NNBSP = "\u202f"
NBSP = "\u00a0"
_SPACES = re.compile("[\u00a0\u202f\u2009\u2007\u2002\u2003 ]+")
_CURRENCY = re.compile(r"\s*(?:€|eur|euros?)$", re.IGNORECASE)
_MULTIPLIER = re.compile(r"\s*(?P<unit>k|K|M|millions?|mille)$")
_MULTIPLIERS = {"k": 1_000, "K": 1_000, "mille": 1_000, "M": 1_000_000}
_SPACE_GROUPS = re.compile(r"\d{1,3}(?: \d{3})+")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_EXAMPLES = "Exemples : 100 000 · 100 000 € · 2 500,50 · 1,5 k€."


class AmountError(ValueError):
    """The text is not an amount the app can read without guessing (French message)."""


def parse_amount(text: str) -> int:
    """Whole cents of euro for `text`; an empty text is 0. Raises `AmountError`."""
    shown = " ".join(text.split())
    value = _SPACES.sub(" ", text).strip()
    if not value:
        return 0
    if value.startswith(("-", "−", "–")):
        raise AmountError(
            f"« {shown} » : un montant ne peut pas être négatif. Inscrivez chaque dépense et "
            "chaque ressource en positif."
        )
    value = _CURRENCY.sub("", value)
    multiplier = 1
    unit = _MULTIPLIER.search(value)
    if unit:
        word = unit.group("unit")
        multiplier = _MULTIPLIERS.get(word, 1_000_000)
        value = value[: unit.start()].strip()
    elif re.search(r"\d\s*m$", value):
        raise AmountError(f"« {shown} » : écrivez « M€ » (majuscule) pour des millions d'euros.")
    number, decimals = _number(value, shown)
    if multiplier == 1 and len(decimals) == 3:
        head = value.partition(",")[0].strip()
        raise AmountError(
            f"« {shown} » est ambigu : trois chiffres après la virgule. Pour des milliers, "
            f"séparez-les par une espace ({head} {decimals}) ; pour des centimes, deux chiffres "
            f"({head},{decimals[:2]})."
        )
    cents = number * multiplier * 100
    if cents != cents.to_integral_value():
        raise AmountError(
            f"« {shown} » : le montant va au-delà du centime. Arrondissez-le "
            "(deux chiffres au plus après la virgule)."
        )
    if cents > MAX_CENTS:
        raise AmountError(f"« {shown} » : montant trop élevé (plus d'un milliard d'euros).")
    return int(cents)


def readable_cents(text: str) -> int | None:
    """Whole cents for `text` (0 when empty), or None when it is not an amount."""
    try:
        return parse_amount(text)
    except AmountError:
        return None


def amount_problem(text: str) -> str | None:
    """Why `text` is not an amount (French), or None when it is one (or empty)."""
    try:
        parse_amount(text)
    except AmountError as error:
        return str(error)
    return None


def _number(value: str, shown: str) -> tuple[Decimal, str]:
    if not value or not re.fullmatch(r"[\d .,]+", value):
        raise AmountError(f"« {shown} » n'est pas un montant en euros. {_EXAMPLES}")
    if value.count(",") > 1:
        raise AmountError(
            f"« {shown} » : en français, la virgule sépare les centimes ; séparez les milliers "
            f"par une espace. {_EXAMPLES}"
        )
    whole, _, decimals = value.partition(",")
    whole = whole.strip()
    if "," in value and (not decimals or not decimals.isdigit()):
        raise AmountError(f"« {shown} » : après la virgule, écrivez les centimes. {_EXAMPLES}")
    if " " in whole:
        if not _SPACE_GROUPS.fullmatch(whole) or "." in whole:
            raise AmountError(
                f"« {shown} » : les espaces doivent séparer des groupes de trois chiffres "
                f"(100 000). {_EXAMPLES}"
            )
        whole = whole.replace(" ", "")
    elif "." in whole:
        whole, decimals = _dotted(whole, decimals, shown)
    if not whole.isdigit():
        raise AmountError(f"« {shown} » n'est pas un montant en euros. {_EXAMPLES}")
    try:
        return Decimal(f"{whole}.{decimals or '0'}"), decimals
    except InvalidOperation as error:  # pragma: no cover - guarded by the patterns above
        raise AmountError(f"« {shown} » n'est pas un montant en euros.") from error


def _dotted(whole: str, decimals: str, shown: str) -> tuple[str, str]:
    """A dot is a thousands separator ("1.000.000", "1.000,50") or a decimal point ("12.50");
    anything that could be both ("1.000") is refused."""
    if decimals:  # a comma follows: the dots can only group thousands
        if _DOT_GROUPS.fullmatch(whole):
            return whole.replace(".", ""), decimals
    elif whole.count(".") >= 2:
        if _DOT_GROUPS.fullmatch(whole):
            return whole.replace(".", ""), ""
    else:
        head, _, tail = whole.partition(".")
        if head.isdigit() and tail.isdigit() and len(tail) <= 2:
            return head, tail
        if head.isdigit() and tail.isdigit() and len(tail) == 3:
            raise AmountError(
                f"« {shown} » est ambigu : le point peut séparer les milliers ou les centimes. "
                f"Écrivez {head} {tail} pour {head} {tail} € ; les centimes s'écrivent après une "
                f"virgule ({head},50)."
            )
    raise AmountError(
        f"« {shown} » : points mal placés. Séparez les milliers par une espace et les centimes "
        f"par une virgule. {_EXAMPLES}"
    )


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_amount(cents: int, *, currency: bool = True, sep: str = NNBSP) -> str:
    """French text for an amount: "150 000 €", "2 500,50 €" (thousands joined by `sep`)."""
    euros, rest = divmod(abs(cents), 100)
    text = _group(str(euros), sep) + (f",{rest:02d}" if rest else "")
    if cents < 0:
        text = "-" + text
    if currency:
        text += (NBSP if sep != " " else " ") + "€"
    return text


def percent(share: float) -> int:
    """A share (0-1) as a whole percentage, halves rounded up (12.5 -> 13)."""
    return int(Decimal(repr(share * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_share(share: float, *, sep: str = NBSP) -> str:
    """A share of a total as a French percentage: "35 %", "moins de 1 %"."""
    if 0 < share < 0.005:
        return f"moins de 1{sep}%"
    return f"{percent(share)}{sep}%"
