"""Join codes (short, typed by candidates) and adviser link tokens (long, secret)."""

from __future__ import annotations

import re
import secrets

from ptce_assist.storage.tokens import new_token, token_hash

# No 0/O, 1/I/L, U/V pairs to confuse when a code is read aloud or copied from a board.
JOIN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
JOIN_CODE_LENGTH = 8
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str | None:
    """The code as stored ("abcd-efgh " -> "ABCDEFGH"), or None if it cannot be one."""
    code = _SEPARATORS.sub("", typed).upper()
    if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_ALPHABET for c in code):
        return None
    return code


def format_join_code(code: str) -> str:
    """Two groups of four, easier to read aloud: "ABCD-EFGH"."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def new_adviser_token() -> tuple[str, str]:
    """(token for the link, the SHA-256 to store): 192 random bits."""
    token = new_token()
    return token, token_hash(token)
