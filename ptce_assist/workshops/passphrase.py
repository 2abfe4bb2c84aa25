"""The administrator passphrase that guards workshop creation: argon2 hash in configuration.

The hash comes from env PTCE_ADMIN_PASSPHRASE_HASH, else from the key `admin_passphrase_hash`
of `.streamlit/secrets.toml` (working directory, then the home directory). Produce it with
`python -m ptce_assist passphrase`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASH_ENV = "PTCE_ADMIN_PASSPHRASE_HASH"
SECRETS_KEY = "admin_passphrase_hash"
MIN_LENGTH = 12

_HASHER = PasswordHasher()


def secrets_paths() -> tuple[Path, ...]:
    return (Path.cwd() / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")


def configured_hash(
    env: Mapping[str, str] | None = None, paths: Sequence[Path] | None = None
) -> str | None:
    """The configured argon2 hash, or None when workshop creation is not set up."""
    env = os.environ if env is None else env
    value = env.get(HASH_ENV, "").strip()
    if value:
        return value
    for path in secrets_paths() if paths is None else paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        found = data.get(SECRETS_KEY)
        if isinstance(found, str) and found.strip():
            return found.strip()
    return None


def hash_passphrase(passphrase: str) -> str:
    return _HASHER.hash(passphrase)


def verify_passphrase(stored_hash: str, candidate: str) -> bool:
    """Slow hash, constant-time comparison (argon2-cffi); any malformed hash is a refusal."""
    try:
        return _HASHER.verify(stored_hash, candidate)
    except (VerificationError, InvalidHashError):
        return False


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is too weak, in French, or None."""
    if len(passphrase) < MIN_LENGTH:
        return f"La phrase secrète doit compter au moins {MIN_LENGTH} caractères."
    if len(set(passphrase)) < 5:
        return "La phrase secrète est trop répétitive."
    return None
