"""A verdict: a code for machines, a French reason for people, the call's sentence it rests on,
and the page where the person can act on it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Verdict(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    reason: str  # French, for the person
    quote: str  # verbatim from the call
    page: str = ""  # url_path of the app page where it is fixed (links.py), "" if none


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 critère », « 3 critères »."""
    word = singular if count in (0, 1) else (plural_form or f"{singular}s")
    return f"{count} {word}"


def french_list(items: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]
