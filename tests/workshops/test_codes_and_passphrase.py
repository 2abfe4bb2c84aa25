"""Join codes, adviser tokens, the passphrase hash, its configuration and its CLI."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest

from ptce_assist.workshops.codes import (
    JOIN_ALPHABET,
    JOIN_CODE_LENGTH,
    format_join_code,
    new_adviser_token,
    new_join_code,
    normalise_join_code,
)
from ptce_assist.workshops.passphrase import (
    HASH_ENV,
    configured_hash,
    hash_passphrase,
    verify_passphrase,
)
from tests.apptest_support import REPO


def test_join_code_alphabet_has_no_look_alikes() -> None:
    assert not set("01IOLU") & set(JOIN_ALPHABET)
    assert len(set(JOIN_ALPHABET)) == len(JOIN_ALPHABET)


def test_join_codes_are_short_and_varied() -> None:
    codes = {new_join_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(c) == JOIN_CODE_LENGTH == 8 and set(c) <= set(JOIN_ALPHABET) for c in codes)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ABCD-EFGH", "ABCDEFGH"),
        (" abcd efgh ", "ABCDEFGH"),
        ("abcd_efgh", "ABCDEFGH"),
        ("ABCDEFG", None),
        ("ABCDEFGHJ", None),
        ("ABCD-EFG0", None),  # 0 is not in the alphabet
        ("", None),
        ("ABCD;EFGH", None),
    ],
)
def test_normalise_join_code(typed: str, expected: str | None) -> None:
    assert normalise_join_code(typed) == expected


def test_format_join_code() -> None:
    assert format_join_code("ABCDEFGH") == "ABCD-EFGH"


def test_adviser_token_has_at_least_128_random_bits() -> None:
    token, digest = new_adviser_token()
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert len(raw) * 8 >= 128
    assert digest != token and len(digest) == 64
    assert len({new_adviser_token()[0] for _ in range(100)}) == 100


def test_hash_and_verify() -> None:
    digest = hash_passphrase("une phrase secrète assez longue")
    assert digest.startswith("$argon2id$")
    assert "une phrase" not in digest
    assert verify_passphrase(digest, "une phrase secrète assez longue")
    assert not verify_passphrase(digest, "une phrase secrète assez longue ")
    assert not verify_passphrase(digest, "")
    assert not verify_passphrase("pas un hash", "x")
    assert not verify_passphrase("", "x")


def test_configuration_env_then_secrets(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('admin_passphrase_hash = "$argon2id$depuis-fichier"\n', encoding="utf-8")
    assert configured_hash({HASH_ENV: "$argon2id$depuis-env"}, [secrets]) == "$argon2id$depuis-env"
    assert configured_hash({}, [secrets]) == "$argon2id$depuis-fichier"
    assert configured_hash({}, [tmp_path / "absent.toml"]) is None
    broken = tmp_path / "broken.toml"
    broken.write_text("admin_passphrase_hash = [", encoding="utf-8")
    assert configured_hash({}, [broken, secrets]) == "$argon2id$depuis-fichier"


def _cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptce_assist", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


def test_cli_prints_a_hash_that_verifies() -> None:
    done = _cli("passphrase", "--stdin", stdin="la chèvre de monsieur Seguin\n")
    assert done.returncode == 0, done.stderr
    digest = done.stdout.strip().splitlines()[0]
    assert verify_passphrase(digest, "la chèvre de monsieur Seguin")
    assert "PTCE_ADMIN_PASSPHRASE_HASH" in done.stderr


def test_cli_refuses_a_weak_passphrase() -> None:
    done = _cli("passphrase", "--stdin", stdin="court\n")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "au moins 12 caractères" in done.stderr
