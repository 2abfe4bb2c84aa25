"""Safe download file names built from user text (project names)."""

from __future__ import annotations

import re
import unicodedata


def safe_stem(text: str, *, fallback: str, max_length: int = 60) -> str:
    """ASCII, accents folded, no path characters: "Pôle Sud / Archer" -> "Pole-Sud-Archer"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[A-Za-z0-9]+", folded)
    stem = "-".join(words)[:max_length].strip("-")
    return stem or fallback
