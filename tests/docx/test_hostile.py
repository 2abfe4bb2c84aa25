"""Files that are not honest DOCX drafts: a French error, nothing read, nothing changed."""

from __future__ import annotations

import io
import random
import struct
import time
import zipfile

import openpyxl
import pytest

from ptce_assist.docx_import import DocxImportError, import_docx
from ptce_assist.docx_import.guard import MAX_FILE_BYTES
from tests.docx import drafts


def _rezip(source: bytes, change: dict[str, bytes | None]) -> bytes:
    """`source` with some entries replaced (bytes), removed (None) or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for item in zin.infolist():
            if item.filename in change:
                continue
            zout.writestr(item, zin.read(item.filename))
        for name, data in change.items():
            if data is not None:
                zout.writestr(name, data)
    return out.getvalue()


def _error(data: bytes) -> str:
    with pytest.raises(DocxImportError) as caught:
        import_docx(data)
    message = str(caught.value)
    assert message and "\n" not in message
    return message


def test_random_bytes_named_docx() -> None:
    data = random.Random(4).randbytes(64 * 1024)
    assert "n'est pas un document Word au format .docx" in _error(data)


def test_empty_file() -> None:
    assert _error(b"") == "Ce fichier est vide."


def test_fifty_megabyte_file_is_refused_on_its_size_alone() -> None:
    data = b"PK\x03\x04" + bytes(50 * 1024 * 1024)
    started = time.perf_counter()
    message = _error(data)
    assert "trop pour un brouillon" in message and "20 Mo" in message
    assert time.perf_counter() - started < 1.0
    assert len(data) > MAX_FILE_BYTES


def test_zip_bomb_is_refused_before_inflating() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/media/image1.png", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(64):  # 64 MB of zeros, about 64 KB compressed
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 1024 * 1024
    assert "bombe de décompression" in _error(data)


def test_many_small_bombs_add_up() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        block = b"a" * (1024 * 1024 - 1)  # just under the per-part ratio floor
        for index in range(130):
            z.writestr(f"word/part{index}.bin", block)
    assert "bombe de décompression" in _error(out.getvalue())


def test_directory_that_lies_about_sizes() -> None:
    honest = drafts.heading_styles()
    name = b"word/document.xml"
    central = honest.rindex(b"PK\x01\x02", 0, honest.rindex(name) + 1)
    # Central directory header: uncompressed size at offset 24 (4 bytes).
    forged = honest[: central + 24] + struct.pack("<I", 100) + honest[central + 28 :]
    assert forged != honest
    assert "abîmé" in _error(forged)


def test_unknown_xml_part_with_a_dtd_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><x>&lol2;</x>'
    )
    data = _rezip(drafts.heading_styles(), {"customXml/item1.xml": bomb})
    assert "DOCTYPE" in _error(data)


def test_unknown_but_harmless_xml_part_is_ignored() -> None:
    # Word writes many parts python-docx does not know (people.xml, commentsExtended...):
    # such a part is skipped, the draft still imports.
    part = b'<?xml version="1.0"?><w15:people xmlns:w15="urn:x-ptce:test"><p>Z</p></w15:people>'
    data = _rezip(drafts.missing_rubrics(), {"word/people.xml": part})
    assert set(import_docx(data).rubrics) == {"structure", "acteurs", "financement"}


def test_main_part_that_is_not_a_word_document() -> None:
    data = _rezip(drafts.heading_styles(), {"word/document.xml": b"<svg>hello</svg>"})
    assert "abîmé" in _error(data)


def test_malformed_document_xml() -> None:
    data = _rezip(drafts.heading_styles(), {"word/document.xml": b"<w:document><w:body>"})
    assert "abîmé" in _error(data)


def test_truncated_docx() -> None:
    whole = drafts.heading_styles()
    assert "abîmé" in _error(whole[: len(whole) // 2])


def test_missing_content_types() -> None:
    data = _rezip(drafts.heading_styles(), {"[Content_Types].xml": None})
    assert "n'est pas un document Word" in _error(data)


def test_spreadsheet_renamed_docx() -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "Gouvernance"
    out = io.BytesIO()
    book.save(out)
    assert "n'est pas un document Word" in _error(out.getvalue())


def _fake_cfb(*streams: str) -> bytes:
    """An OLE compound file header followed by directory entry names (UTF-16LE), which is
    how Word stores an encrypted DOCX (EncryptionInfo + EncryptedPackage) or a .doc."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for name in streams)
    return header + entries + bytes(2048)


def test_password_protected_docx() -> None:
    message = _error(_fake_cfb("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert "protégé par un mot de passe" in message


def test_word_97_document() -> None:
    assert "Word 97-2003 (.doc)" in _error(_fake_cfb("Root Entry", "WordDocument", "1Table"))


def test_zip_with_encrypted_entries() -> None:
    data = bytearray(drafts.missing_rubrics())
    # Set bit 0 (encrypted) of the general purpose flags in every central directory header.
    start = 0
    while (found := data.find(b"PK\x01\x02", start)) != -1:
        data[found + 8] |= 0x01
        start = found + 4
    assert "chiffré" in _error(bytes(data))
