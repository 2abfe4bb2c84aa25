"""Checks on the raw bytes of an upload, made before any DOCX parser touches them.

A DOCX is a ZIP archive. Everything here reads only the archive's directory and, for the XML
parts, their (size-capped) content: declared sizes bound what `zipfile` will ever inflate, so
the caps below hold even for an archive that lies about them. Each XML part is decoded as its
byte order mark or declaration says (UTF-16, UTF-32, EBCDIC...) before the DTD check, so that
no encoding hides a DOCTYPE.
"""

from __future__ import annotations

import codecs
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
_DOCTYPE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DOCTYPE_BYTES = re.compile(_DOCTYPE.pattern.encode(), re.IGNORECASE)
_DECLARED = re.compile(r"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")
# XML 1.0, appendix F.1: the first bytes give the encoding family before any declaration.
_SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # "<?xm" in EBCDIC: the declaration names the code page
)

NOT_DOCX = (
    "Ce fichier n'est pas un document Word au format .docx. Dans Word ou LibreOffice, "
    "choisissez « Enregistrer sous » puis le format « Document Word (.docx) »."
)
DAMAGED = (
    "Ce document Word est abîmé ou incomplet et ne peut pas être lu. Ouvrez-le dans Word ou "
    "LibreOffice, enregistrez-le de nouveau au format .docx, puis réessayez."
)


UNREADABLE_ENCODING = (
    "Ce document contient une partie XML dans un encodage illisible ou que Word n'utilise "
    "pas : par prudence, il n'a pas été ouvert. Enregistrez-le de nouveau au format .docx "
    "depuis Word ou LibreOffice, puis réessayez."
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
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        RuntimeError,
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


def xml_codec(raw: bytes) -> str:
    """The Python codec an XML part is written in (DocxImportError if unknown or if the
    declaration contradicts the first bytes)."""
    family = next((codec for sig, codec in _SIGNATURES if raw.startswith(sig)), "utf-8")
    head = raw[:512].decode(family, errors="replace")
    declared = _DECLARED.match(head.lstrip("\ufeff"))
    if declared is None:
        return family
    try:
        named = codecs.lookup(declared.group(1)).name
    except LookupError:
        raise DocxImportError(UNREADABLE_ENCODING) from None
    if family in ("utf-8", "cp037"):
        # A single-byte family: the declaration names the code page, which must write the
        # declaration itself the same way (else another parser would read other text).
        if "<?xml".encode(named, errors="replace") != "<?xml".encode(family):
            raise DocxImportError(UNREADABLE_ENCODING)
        return named
    if family == "utf-8-sig":
        family = "utf-8"
    if named.replace("-sig", "")[:6] != family[:6]:  # "UTF-16" declared in UTF-32...
        raise DocxImportError(UNREADABLE_ENCODING)
    return family if family != "utf-8" else "utf-8-sig"


def decode_xml(raw: bytes) -> str:
    """The text of an XML part, decoded as its byte order mark or declaration says."""
    codec = xml_codec(raw)
    try:
        text = raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise DocxImportError(UNREADABLE_ENCODING) from None
    if "\x00" in text:  # never in XML: UTF-16 or UTF-32 with neither BOM nor declaration
        raise DocxImportError(UNREADABLE_ENCODING)
    return text


def _check_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """No DTD, in any encoding: entity expansion ("billion laughs") and external entities are
    refused."""
    with archive.open(entry) as stream:
        head = stream.read(MAX_XML_PART_BYTES + 1)
    if len(head) > MAX_XML_PART_BYTES:
        raise DocxImportError(DAMAGED)
    if _DOCTYPE_BYTES.search(head) or _DOCTYPE.search(decode_xml(head)):
        raise DocxImportError(
            "Ce document contient une déclaration XML inhabituelle (DOCTYPE/ENTITY) que Word "
            "n'écrit jamais : par prudence, il n'a pas été ouvert."
        )
