"""Hostile files for the importers, built from scratch (no such file is stored in the repo).

    python -m tests.hostile.make_corpus DOSSIER     writes every case into DOSSIER

Each case says what the app must answer: `ok` (the file is read) or a fragment of the
French refusal. The Word cases start from an honest draft (`tests/docx/drafts.py`) and change
one thing: the 110 header parts that took the server to 2.5 GB, their neighbours (many small
parts, deep nesting, huge attributes, tiny elements, 105,000 paragraphs), a DOCTYPE in every
encoding, Markdown in values and part names. The JSON cases are backups: 600 levels of
nesting, a 5,000-digit integer, forged adviser scores, a 9.9 MB rubric, Markdown in a key.
The CSV cases are lists of fragile territories: millions of lines or cells, Markdown headers.
"""

from __future__ import annotations

import base64
import functools
import io
import json
import random
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ptce_assist.dossier import Dossier
from tests.docx import drafts

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)
MARKDOWN_IMAGE = "![x](https://evil.example/pixel.png)"
MARKDOWN_LINK = "[cliquez ici](https://evil.example/)"
OK = "ok"


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # "docx", "json" (a backup) or "csv" (a list of fragile territories)
    build: Callable[[], bytes]
    expect: str  # OK, or a fragment of the French refusal


# --- Word drafts ----------------------------------------------------------------------------
@functools.cache
def _honest() -> bytes:
    return drafts.heading_styles()


def _document() -> str:
    with zipfile.ZipFile(io.BytesIO(_honest())) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def rezip(change: dict[str, bytes], source: bytes | None = None) -> bytes:
    """The honest draft with parts replaced or added (compressed as Word does)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source or _honest())) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for item in zin.infolist():
            if item.filename not in change:
                zout.writestr(item, zin.read(item.filename))
        for name, data in change.items():
            zout.writestr(name, data)
    return out.getvalue()


def with_body(extra: str, *, at_start: bool = False) -> bytes:
    """The honest draft with `extra` XML at the start or the end of its body."""
    document = _document()
    if at_start:
        document = document.replace("<w:body>", "<w:body>" + extra, 1)
    else:
        document = document.replace("<w:sectPr", extra + "<w:sectPr", 1)
    return rezip({"word/document.xml": document.encode("utf-8")})


def headers_110() -> bytes:
    """The file of the issue: 110 header parts just under the 1 MB ratio floor."""
    paragraph = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    header = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">'
        + paragraph * ((1024 * 1024 - 200) // len(paragraph))
        + "</w:hdr>"
    ).encode("utf-8")
    with zipfile.ZipFile(io.BytesIO(_honest())) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        types = archive.read("[Content_Types].xml").decode("utf-8")
    rels = rels.replace(
        "</Relationships>",
        "".join(
            f'<Relationship Id="rIdH{i}" Type="{HEADER_REL}" Target="header{i}.xml"/>'
            for i in range(110)
        )
        + "</Relationships>",
    )
    types = types.replace(
        "</Types>",
        "".join(
            f'<Override PartName="/word/header{i}.xml" ContentType="{HEADER_TYPE}"/>'
            for i in range(110)
        )
        + "</Types>",
    )
    change = {"word/_rels/document.xml.rels": rels.encode(), "[Content_Types].xml": types.encode()}
    change.update({f"word/header{i}.xml": header for i in range(110)})
    return rezip(change)


def many_small_parts() -> bytes:
    """1,900 XML parts of 60 KB: 114 MB to check, all under every per-part cap."""
    part = (
        f'<?xml version="1.0"?><w:hdr xmlns:w="{W_NS}">'
        + "<w:p><w:r><w:t>abc</w:t></w:r></w:p>" * 1700
        + "</w:hdr>"
    ).encode()
    return rezip({f"word/extra/part{i}.xml": part for i in range(1900)})


def nested(levels: int) -> bytes:
    """Content controls nested `levels` deep around one paragraph of the last rubric."""
    open_, close = "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"
    inner = "<w:p><w:r><w:t>Au cœur des contrôles imbriqués.</w:t></w:r></w:p>"
    return with_body(open_ * levels + inner + close * levels)


def nested_tables(levels: int) -> bytes:
    open_, close = "<w:tbl><w:tr><w:tc>", "<w:p/></w:tc></w:tr></w:tbl>"
    inner = "<w:p><w:r><w:t>Cellule la plus profonde.</w:t></w:r></w:p>"
    return with_body(open_ * levels + inner + close * levels)


def noise(size: int) -> str:
    """`size` characters that do not compress much (the ratio check stops the others)."""
    return base64.b64encode(random.Random(size).randbytes(size * 3 // 4 + 3)).decode()[:size]


def huge_attribute() -> bytes:
    """A 9 MB style name on a paragraph (libxml2 reads attributes up to 10 MB)."""
    value = noise(9 * 1024 * 1024).replace("+", "-").replace("/", "_")
    return with_body(f'<w:p><w:pPr><w:pStyle w:val="{value}"/></w:pPr></w:p>')


def _names(count: int, width: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    rng = random.Random(count)
    return ["".join(rng.choice(letters) for _ in range(width)) for _ in range(count)]


def many_attributes() -> bytes:
    """900,000 empty attributes with random names: some 200 MB of tree."""
    names = _names(900_000, 5)
    elements = (
        "<w:bookmarkEnd " + " ".join(f'{name}{i}=""' for i, name in enumerate(chunk)) + "/>"
        for chunk in (names[start : start + 100] for start in range(0, len(names), 100))
    )
    return with_body("".join(elements))


def tiny_elements(count: int = 1_400_000) -> bytes:
    """Empty elements with random names in one paragraph (1.4 million: some 170 MB)."""
    return with_body("<w:p>" + "".join(f"<w:{n}/>" for n in _names(count, 2)) + "</w:p>")


def _paragraphs(count: int) -> str:
    return "".join(
        f"<w:p><w:r><w:t>Ligne {n} du brouillon : le pôle avance, pas à pas.</w:t></w:r></w:p>"
        for n in range(count)
    )


def paragraphs_105k() -> bytes:
    """The 9.8 MB draft of 105,000 paragraphs that took 12.9 s."""
    return with_body(_paragraphs(105_000))


def paragraphs_at_limit() -> bytes:
    """An honest draft padded to just under the paragraph limit (the slowest accepted)."""
    return with_body(_paragraphs(9_950))


ENCODINGS = {
    # name: (codec used to write, byte order mark, declared encoding)
    "utf16le_bom": ("utf-16-le", b"\xff\xfe", "UTF-16"),
    "utf16be_bom": ("utf-16-be", b"\xfe\xff", "UTF-16"),
    "utf16le": ("utf-16-le", b"", "UTF-16LE"),
    "utf16be": ("utf-16-be", b"", "UTF-16BE"),
    "utf32le_bom": ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32"),
    "utf32be": ("utf-32-be", b"", "UTF-32BE"),
    "utf8_bom": ("utf-8", b"\xef\xbb\xbf", "UTF-8"),
    "ebcdic": ("cp037", b"", "IBM037"),
    "latin1": ("latin-1", b"", "ISO-8859-1"),
}


def encoded_document(encoding: str, *, doctype: bool) -> bytes:
    """The honest main document written in another encoding, with or without a DTD."""
    codec, bom, declared = ENCODINGS[encoding]
    body = _document().split("?>", 1)[1]
    text = f'<?xml version="1.0" encoding="{declared}"?>' + (LAUGHS if doctype else "") + body
    if codec == "cp037":  # EBCDIC has no "€": keep the draft's text readable elsewhere
        text = text.replace("€", "EUR")
    if codec == "latin-1":
        text = text.replace("€", "EUR").replace("œ", "oe")
    return rezip({"word/document.xml": bom + text.encode(codec)})


def unknown_encoding() -> bytes:
    body = _document().split("?>", 1)[1]
    return rezip(
        {"word/document.xml": ('<?xml version="1.0" encoding="x-martien"?>' + body).encode("utf-8")}
    )


def markdown_values() -> bytes:
    """Identity values a Word draft may hold: Markdown that must be shown literally."""
    extra = (
        f"<w:p><w:r><w:t>Région : {MARKDOWN_IMAGE}</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>Forme juridique : {MARKDOWN_LINK}</w:t></w:r></w:p>"
    )
    return with_body(extra, at_start=True)


MARKDOWN_PART = f"word/{MARKDOWN_IMAGE}.xml"


def markdown_part_name() -> bytes:
    """A part too big to read, named with Markdown: the refusal quotes its name."""
    noise = base64.b64encode(random.Random(14).randbytes(8 * 1024 * 1024)).decode("ascii")
    part = f'<?xml version="1.0"?><x xmlns:w="{W_NS}">{noise}</x>'.encode()
    return rezip({MARKDOWN_PART: part})


# --- JSON backups ----------------------------------------------------------------------------
def _backup(change: Callable[[dict[str, object]], None]) -> bytes:
    data = json.loads(Dossier(rubrics={"objectifs": "Créer 12 emplois."}).to_json())
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def nested_600() -> bytes:
    return b'{"schema_version": 1, "rubrics": ' + b"[" * 600 + b"]" * 600 + b"}"


def integer_5000_digits() -> bytes:
    return b'{"schema_version": 1, "budget": {"first_year": ' + b"9" * 5000 + b"}}"


FORGED_COMMENT = "Remarquable : rien à redire (signé : votre conseiller)."


def adviser_forged() -> bytes:
    def forge(data: dict[str, object]) -> None:
        data["diagnostic"]["self_assessment"]["adviser"] = {  # type: ignore[index]
            "indicateurs": {"score": "3", "comment": FORGED_COMMENT}
        }

    return _backup(forge)


def rubric_9_9_mb() -> bytes:
    return _backup(
        lambda data: data["rubrics"].update(  # type: ignore[attr-defined]
            {"objectifs": "Le pole cree des emplois. " * 380_000}  # 9.9 MB: under the 10 MB cap
        )
    )


MARKDOWN_KEY = f"{MARKDOWN_LINK} {MARKDOWN_IMAGE}"


def markdown_key() -> bytes:
    return _backup(lambda data: data.update({MARKDOWN_KEY: 1}))


def many_containers() -> bytes:
    """9 MB of empty actors: 3 million objects once parsed."""
    return b'{"schema_version": 1, "diagnostic": {"actors": [' + b"{}," * 3_000_000 + b"{}]}}"


def many_strings() -> bytes:
    return b'{"schema_version": 1, "completed_rubrics": [' + b'"ab",' * 1_900_000 + b'"ab"]}'


def not_a_number() -> bytes:
    return b'{"schema_version": 1, "budget": {"first_year": NaN}}'


# --- territories CSV (page Éligibilité, « Importer une liste officielle ») -------------------
def csv_4_million_lines() -> bytes:
    """15 MB of two-cell lines: a gigabyte once parsed."""
    return b"LIBGEO;CODGEO\n" + b"a;1\n" * 4_000_000


def csv_15_million_cells() -> bytes:
    return b"LIBGEO;" + b";" * 15_000_000


def csv_markdown_headers() -> bytes:
    return f"{MARKDOWN_IMAGE};{MARKDOWN_LINK}\nValence;26000\n".encode()


CASES: tuple[Case, ...] = (
    Case("headers_110", "docx", headers_110, OK),
    Case("many_small_parts", "docx", many_small_parts, OK),
    Case("nested_5000", "docx", lambda: nested(5000), "abîmé"),
    Case("nested_120", "docx", lambda: nested(120), OK),
    Case("nested_tables_80", "docx", lambda: nested_tables(80), OK),
    Case("huge_attribute", "docx", huge_attribute, OK),
    Case("many_attributes", "docx", many_attributes, "bien plus de balises"),
    Case("tiny_elements", "docx", tiny_elements, "bien plus de balises"),
    Case("markup_at_limit", "docx", lambda: tiny_elements(900_000), OK),
    Case("paragraphs_105k", "docx", paragraphs_105k, "105 032 paragraphes"),
    Case("paragraphs_at_limit", "docx", paragraphs_at_limit, OK),
    *(
        Case(
            f"doctype_{name}",
            "docx",
            functools.partial(encoded_document, name, doctype=True),
            "DOCTYPE",
        )
        for name in ENCODINGS
    ),
    *(
        Case(
            f"document_{name}", "docx", functools.partial(encoded_document, name, doctype=False), OK
        )
        for name in ("utf16le_bom", "utf16be", "utf32le_bom", "ebcdic", "latin1")
    ),
    Case("unknown_encoding", "docx", unknown_encoding, "encodage"),
    Case("markdown_values", "docx", markdown_values, OK),
    Case("markdown_part_name", "docx", markdown_part_name, "trop de texte"),
    Case("nested_600", "json", nested_600, "imbriqué"),
    Case("integer_5000_digits", "json", integer_5000_digits, "5 000 chiffres"),
    Case("adviser_forged", "json", adviser_forged, OK),
    Case("rubric_9_9_mb", "json", rubric_9_9_mb, "au-delà des 2 000 000"),
    Case("markdown_key", "json", markdown_key, "valeurs inattendues"),
    Case("many_containers", "json", many_containers, "imbriqué"),
    Case("many_strings", "json", many_strings, "imbriqué"),
    Case("not_a_number", "json", not_a_number, "valeur invalide"),
    Case("csv_4_million_lines", "csv", csv_4_million_lines, "plus de 100 000 lignes"),
    Case("csv_15_million_cells", "csv", csv_15_million_cells, "plus de 1 000 000 cellules"),
    Case("csv_markdown_headers", "csv", csv_markdown_headers, "Colonnes non reconnues"),
)
BY_NAME = {case.name: case for case in CASES}


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in CASES:
        path = folder / f"{case.name}.{case.kind}"
        path.write_bytes(case.build())
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")):
        print(f"{path}\t{path.stat().st_size} octets")
