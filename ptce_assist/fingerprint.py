"""A short fingerprint of a stored value, for "save only if it still holds what I edited".

A browser field sends back the fingerprint of the value it started from (its base); the save
goes through only if the stored value still has that fingerprint. The browser never computes
one: it echoes what Python gave it, so the canonical form only has to agree with itself.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def value_digest(value: Any) -> str:
    """Fingerprint of a JSON value; None and "" (a field never filled) are the same."""
    if value is None:
        value = ""
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:32]
