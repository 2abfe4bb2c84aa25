"""The few XML parts of a DOCX the importer reads, parsed with bounded memory.

python-docx parsed every part of the package (110 header parts of 1 MB took 2.5 GB). Here the
ZIP is opened with `zipfile` and only the main document, its styles, its numbering and its
comments are parsed, after checking how much markup they hold: libxml2 spends about 120 bytes
per element and 220 per attribute, so their count bounds the memory of the tree. The parser
loads no DTD, expands no entity and reads nothing from the network.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ptce_assist.docx_import.errors import DocxImportError
from ptce_assist.docx_import.guard import (
    DAMAGED,
    MAX_XML_PART_BYTES,
    NOT_DOCX,
    decode_xml,
    xml_codec,
)
from ptce_assist.text import thousands

MAX_PARAGRAPHS = 10_000
"""Most paragraphs read (Annexe 1 filled in takes a few hundred; 10,000 is some 200 pages,
which the import reads in about 3 s: 105,000 paragraphs took 12.9 s)."""
MAX_MARKUP = 1_000_000
"""Most elements plus twice the attributes in the parts parsed (about 120 MB of tree)."""
MAX_SMALL_PART_BYTES = 2 * 1024 * 1024
"""Largest styles, numbering, comments, relationships or content types part read."""

_MAIN_TYPES = {
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "openxmlformats-officedocument.wordprocessingml.document",
        "ms-word.document.macroEnabled",
        "openxmlformats-officedocument.wordprocessingml.template",
        "ms-word.template.macroEnabledTemplate",
    )
}
_PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOCUMENT = f"{_REL}/officeDocument"
_STYLES = f"{_REL}/styles"
_NUMBERING = f"{_REL}/numbering"
_COMMENTS = f"{_REL}/comments"
_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_PARAGRAPH = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


def too_many_paragraphs_message(count: int) -> str:
    return (
        f"Ce document compte environ {thousands(count)} paragraphes : c'est bien plus qu'un "
        f"dossier de candidature ({thousands(MAX_PARAGRAPHS)} au plus). Gardez dans le "
        "brouillon le dossier de candidature rempli, sans les annexes ni les autres documents, "
        "puis réessayez."
    )


TOO_COMPLEX = (
    "Ce document contient bien plus de balises qu'un brouillon de dossier (mise en forme "
    "très chargée ou fichier fabriqué) : il n'a pas été lu. Enregistrez-le de nouveau au "
    "format .docx, ou copiez son texte dans un nouveau document, puis réessayez."
)


@dataclass(frozen=True)
class WordParts:
    document: Any  # the root element of the main document part (w:document)
    styles: Any | None
    numbering: Any | None
    comments: Any | None  # Word comments: the import shows the passages they mark


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,  # libxml2's own caps: 256 levels deep, 10 MB per text node
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        raise DocxImportError(TOO_COMPLEX)
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise DocxImportError(DAMAGED)
    return data


def _as_utf8(raw: bytes) -> bytes:
    """The part in UTF-8 without its declaration (Word writes UTF-8; others may not)."""
    if xml_codec(raw) in ("utf-8", "utf-8-sig"):
        return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    return _DECLARATION.sub("", decode_xml(raw), count=1).encode("utf-8")


def _markup(raw: bytes) -> int:
    return raw.count(b"<") + 2 * raw.count(b"=")


_NO_MEMORY = 2  # libxml2's XML_ERR_NO_MEMORY


def _parse(raw: bytes) -> Any:
    try:
        return etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as error:
        if error.code == _NO_MEMORY:  # under the child's memory cap: not a damaged file
            raise MemoryError from None
        raise DocxImportError(DAMAGED) from None
    except ValueError:
        raise DocxImportError(DAMAGED) from None


def _relationships(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Relationship type -> part name, for the part `source` ("" for the package)."""
    folder, name = posixpath.split(source)
    raw = _read(archive, posixpath.join(folder, "_rels", f"{name}.rels"), MAX_SMALL_PART_BYTES)
    if raw is None:
        return {}
    found: dict[str, str] = {}
    for rel in _parse(_as_utf8(raw)).iter(f"{{{_PACKAGE_NS}/relationships}}Relationship"):
        target, kind = rel.get("Target") or "", rel.get("Type") or ""
        if rel.get("TargetMode") == "External" or not target or kind in found:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[kind] = posixpath.normpath(path)
    return found


def _content_type(archive: zipfile.ZipFile, part: str) -> str:
    raw = _read(archive, "[Content_Types].xml", MAX_SMALL_PART_BYTES)
    if raw is None:
        raise DocxImportError(NOT_DOCX)
    types = _parse(_as_utf8(raw))
    for override in types.iter(f"{{{_PACKAGE_NS}/content-types}}Override"):
        if (override.get("PartName") or "").lstrip("/") == part:
            return str(override.get("ContentType") or "")
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    for default in types.iter(f"{{{_PACKAGE_NS}/content-types}}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return str(default.get("ContentType") or "")
    return ""


def open_word_parts(data: bytes) -> WordParts:
    """Parse the main document, styles, numbering and comments of a DOCX accepted by the
    guard (each but the document may be missing)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        main = _relationships(archive, "").get(_OFFICE_DOCUMENT)
        if main is None or _content_type(archive, main) not in _MAIN_TYPES:
            raise DocxImportError(NOT_DOCX)
        document = _read(archive, main, MAX_XML_PART_BYTES)
        if document is None:
            raise DocxImportError(DAMAGED)
        related = _relationships(archive, main)
        styles, numbering, comments = (
            _read(archive, related[kind], MAX_SMALL_PART_BYTES) if kind in related else None
            for kind in (_STYLES, _NUMBERING, _COMMENTS)
        )
    main_xml = _as_utf8(document)
    others = [_as_utf8(raw) if raw is not None else None for raw in (styles, numbering, comments)]
    # Word writes the "w:" prefix: a cheap count before parsing, for a French limit.
    paragraphs = sum(main_xml.count(start) for start in (b"<w:p>", b"<w:p ", b"<w:p/"))
    if paragraphs > MAX_PARAGRAPHS:
        raise DocxImportError(too_many_paragraphs_message(paragraphs))
    if sum(_markup(raw) for raw in (main_xml, *others) if raw is not None) > MAX_MARKUP:
        raise DocxImportError(TOO_COMPLEX)
    root = _parse(main_xml)
    del main_xml
    paragraphs = sum(1 for _ in root.iter(_PARAGRAPH))  # whatever prefix the file used
    if paragraphs > MAX_PARAGRAPHS:
        raise DocxImportError(too_many_paragraphs_message(paragraphs))
    styles_root, numbering_root, comments_root = (
        _parse(raw) if raw is not None else None for raw in others
    )
    return WordParts(root, styles_root, numbering_root, comments_root)
