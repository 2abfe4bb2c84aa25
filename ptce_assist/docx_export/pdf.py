"""The exported DOCX as a PDF, by LibreOffice when the server has it: the very layout the
line counter predicts (LibreOffice is its oracle), where Word may break about 1 % of lines
differently.

LibreOffice runs headless in a child process with its own throw-away profile (conversions
in parallel do not share one), bounded in time; a failure is a French message, the details
go to the server log.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ptce_assist.serverlog import server_log

PDF_MIME = "application/pdf"
TIMEOUT_ENV = "PTCE_PDF_SECONDS"
DEFAULT_TIMEOUT = 60.0
MAX_PDF_BYTES = 50 * 1024 * 1024

FAILED = (
    "Le PDF n'a pas pu être produit sur le serveur. Téléchargez le document Word, qui reste "
    "disponible ; si cela se reproduit, prévenez l'équipe qui gère l'outil."
)
TOO_SLOW = (
    "La production du PDF a pris trop de temps et a été arrêtée. Réessayez dans un moment, ou "
    "téléchargez le document Word."
)


class PdfError(Exception):
    """The PDF could not be made; the message is for the person."""


def _run(command: list[str], folder: Path, timeout: float) -> None:
    """Run LibreOffice in its own process group: on time-out the whole group is killed
    (`soffice` starts `soffice.bin`, which a kill of the first alone would leave running)."""
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "HOME": str(folder)},
            start_new_session=True,
        )
    except OSError:
        server_log().exception("PDF conversion could not start")
        raise PdfError(FAILED) from None
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        server_log().warning("PDF conversion stopped after %s s", timeout)
        raise PdfError(TOO_SLOW) from None
    if process.returncode != 0:
        server_log().error("PDF conversion failed: %s", errors[-2000:].decode(errors="replace"))
        raise PdfError(FAILED)


def libreoffice() -> str | None:
    """The LibreOffice program of this server, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_seconds() -> float:
    try:
        return max(5.0, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def docx_to_pdf(docx_bytes: bytes, *, timeout: float | None = None) -> bytes:
    binary = libreoffice()
    if binary is None:
        raise PdfError(FAILED)
    folder = Path(tempfile.mkdtemp(prefix="ptce-pdf-"))
    try:
        source = folder / "dossier.docx"
        source.write_bytes(docx_bytes)
        profile = folder / "profil"
        command = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        _run(command, folder, timeout or timeout_seconds())
        result = folder / "dossier.pdf"
        if not result.exists() or result.stat().st_size > MAX_PDF_BYTES:
            server_log().error("PDF conversion gave no usable file")
            raise PdfError(FAILED)
        return result.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
