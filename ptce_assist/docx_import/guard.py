"""Checks on the raw bytes of an upload, made before any DOCX parser touches them.

A DOCX is a ZIP archive. Everything here reads only the archive's directory and, for the XML
parts, their (size-capped) content: declared sizes bound what `zipfile` will ever inflate, so
the caps below hold even for an archive that lies about them.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ptce_assist.docx_import.errors import DocxImportError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest upload accepted (a text-only draft weighs well under 1 MB)."""
MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 120 * 1024 * 1024
MAX_XML_PART_BYTES = 10 * 1024 * 1024
"""Largest XML part parsed (Word writes about 1 KB per paragraph: some 300 pages)."""
MAX_RATIO = 200
"""Largest compression ratio for a part above RATIO_FLOOR bytes (text XML: about 5 to 20)."""
RATIO_FLOOR = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

NOT_DOCX = (
    "Ce fichier n'est pas un document Word au format .docx. Dans Word ou LibreOffice, "
    "choisissez « Enregistrer sous » puis le format « Document Word (.docx) »."
)
DAMAGED = (
    "Ce document Word est abîmé ou incomplet et ne peut pas être lu. Ouvrez-le dans Word ou "
    "LibreOffice, enregistrez-le de nouveau au format .docx, puis réessayez."
)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} Mo"


def too_big_message(size: int) -> str:
    return (
        f"Ce fichier pèse {_mb(size)} : c'est trop pour un brouillon de dossier "
        f"({_mb(MAX_FILE_BYTES)} au plus). Retirez les images puis réessayez."
    )


def check_container(data: bytes) -> None:
    """Raise DocxImportError unless `data` is a ZIP archive that is safe to open as a DOCX."""
    if len(data) > MAX_FILE_BYTES:
        raise DocxImportError(too_big_message(len(data)))
    if not data:
        raise DocxImportError("Ce fichier est vide.")
    if data.startswith(OLE_MAGIC):
        if any(stream in data for stream in _ENCRYPTED_STREAMS):
            raise DocxImportError(
                "Ce document est protégé par un mot de passe : il ne peut pas être lu. "
                "Ouvrez-le dans Word, retirez la protection (Fichier > Informations > "
                "Protéger le document), enregistrez-le, puis réessayez."
            )
        raise DocxImportError(
            "Ce fichier est au format Word 97-2003 (.doc). Ouvrez-le dans Word ou LibreOffice "
            "et enregistrez-le au format « Document Word (.docx) », puis réessayez."
        )
    if not data.startswith(ZIP_MAGIC):
        raise DocxImportError(NOT_DOCX)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_entries(archive)
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
        NotImplementedError, RuntimeError,
    ) as error:
        if isinstance(error, DocxImportError):
            raise
        raise DocxImportError(DAMAGED) from None


def _check_entries(archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise DocxImportError(DAMAGED)
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise DocxImportError(NOT_DOCX)
    if not any(name.startswith("word/") for name in names):
        raise DocxImportError(NOT_DOCX)
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise DocxImportError(
                "Ce document est chiffré (protégé par un mot de passe) : il ne peut pas être "
                "lu. Retirez la protection dans Word, enregistrez-le, puis réessayez."
            )
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > MAX_TOTAL_UNCOMPRESSED or (entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise DocxImportError(
                "Ce fichier se décompresse en un volume anormalement grand (il pourrait s'agir "
                "d'une « bombe de décompression ») : il n'a pas été ouvert."
            )
        if _is_xml(entry.filename):
            if entry.file_size > MAX_XML_PART_BYTES:
                raise DocxImportError(
                    "Ce document contient trop de texte pour un dossier de candidature "
                    f"(partie {entry.filename} de {_mb(entry.file_size)})."
                )
            _check_xml(archive, entry)


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _check_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """No DTD: entity expansion ("billion laughs") and external entities are refused."""
    with archive.open(entry) as stream:
        head = stream.read(MAX_XML_PART_BYTES + 1)
    if len(head) > MAX_XML_PART_BYTES:
        raise DocxImportError(DAMAGED)
    if _DOCTYPE.search(head):
        raise DocxImportError(
            "Ce document contient une déclaration XML inhabituelle (DOCTYPE/ENTITY) que Word "
            "n'écrit jamais : par prudence, il n'a pas été ouvert."
        )
