"""File helpers shared by the commands: bounded reads, atomic writes, one-line errors."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


class CommandError(Exception):
    """A reason to stop, in French, printed on one line; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(" ".join(message.split()))
        self.code = code


def read_bytes(path: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of `path` (the caller decides what "too big" means)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except FileNotFoundError:
        raise CommandError(f"Fichier introuvable : {path}") from None
    except IsADirectoryError:
        raise CommandError(f"{path} est un dossier, pas un fichier.") from None
    except OSError as error:
        raise CommandError(f"Impossible de lire {path} : {error.strerror}.") from None


def write_atomic(path: str, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".ptce-", dir=folder)
    except OSError as error:
        raise CommandError(f"Impossible d'écrire dans {folder} : {error.strerror}.") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates the file private (0600); give it the usual rights of a new file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise CommandError(f"Impossible d'écrire {path} : {error.strerror}.") from None


def fail(error: CommandError) -> int:
    print(f"Erreur : {error}", file=sys.stderr)
    return error.code
