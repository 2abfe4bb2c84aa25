"""The JSON backup reader and the Word draft reader on hostile shapes (issue 14): deep
nesting, long numbers, forged adviser parts, XML parts in any encoding, deep containers.
A result or the reader's own French error, nothing else, and the rules hold."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from ptce_assist.backup import MAX_DEPTH, BackupError, load_backup
from ptce_assist.docx_import import DocxImportError, import_docx
from ptce_assist.docx_import.guard import UNREADABLE_ENCODING
from ptce_assist.dossier import Dossier
from tests.fuzz.strategies import FUZZ, hostile_text
from tests.hostile.make_corpus import ENCODINGS, LAUGHS, W_NS, rezip, with_body

VALID = json.loads(Dossier(rubrics={"objectifs": "Créer 12 emplois."}).to_json())


def _load(raw: bytes) -> Dossier | None:
    try:
        restored = load_backup(raw)
    except BackupError as error:
        assert str(error).strip() and "\n" not in str(error)
        return None
    assert restored.dossier.diagnostic.self_assessment.adviser == {}
    return restored.dossier


@FUZZ
@given(
    depth=st.integers(0, 1200),
    kind=st.sampled_from("[{"),
    where=st.sampled_from(["rubrics", "budget", "diagnostic", "top"]),
)
@example(depth=600, kind="[", where="rubrics")  # the 1.2 KB file of the issue
def test_backup_nested_at_any_depth(depth: int, kind: str, where: str) -> None:
    close = "]" if kind == "[" else "}"
    inner = kind * depth + close * depth if kind == "[" else '{"a":' * depth + "1" + close * depth
    text = json.dumps(VALID)
    if where == "top":
        text = inner or "1"
    else:
        text = text.replace(f'"{where}": ', f'"{where}": {inner or 1}, "_x": ', 1)
    dossier = _load(text.encode())
    if depth > MAX_DEPTH:
        assert dossier is None


@FUZZ
@given(
    digits=st.integers(1, 6000),
    negative=st.booleans(),
    as_float=st.booleans(),
    where=st.sampled_from(["first_year", "amounts", "version", "top"]),
)
@example(digits=5000, negative=False, as_float=False, where="first_year")
def test_backup_numbers_of_any_length(
    digits: int, negative: bool, as_float: bool, where: str
) -> None:
    number = ("-" if negative else "") + "9" * digits + (".5" if as_float else "")
    data = json.dumps(VALID)
    text = {
        "first_year": data.replace('"first_year": null', f'"first_year": {number}'),
        "amounts": data.replace('"expenses": []', f'"expenses": [{{"amounts_cents": [{number}]}}]'),
        "version": data.replace('"schema_version": 1', f'"schema_version": {number}'),
        "top": number,
    }[where]
    _load(text.encode())


@FUZZ
@given(
    adviser=st.recursive(
        st.none() | st.integers() | hostile_text,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_any_adviser_part_in_a_backup_is_dropped(adviser: object) -> None:
    data = json.loads(json.dumps(VALID))
    data["diagnostic"]["self_assessment"]["adviser"] = adviser
    text = json.dumps(data, ensure_ascii=False)
    dossier = _load(text.encode("utf-8", "surrogatepass"))
    readable = not any(0xD800 <= ord(c) <= 0xDFFF for c in text)  # else: not UTF-8
    assert (dossier is not None) == readable  # the adviser's part alone never refuses


@FUZZ
@given(
    encoding=st.sampled_from(sorted(ENCODINGS)),
    doctype=st.booleans(),
    declared=st.booleans(),
    part=st.sampled_from(["word/document.xml", "customXml/item9.xml"]),
)
def test_a_dtd_is_refused_in_any_encoding(
    encoding: str, doctype: bool, declared: bool, part: str
) -> None:
    codec, bom, name = ENCODINGS[encoding]
    declaration = f'<?xml version="1.0" encoding="{name}"?>' if declared else ""
    body = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:rPr><w:b/></w:rPr>'
        "<w:t>Gouvernance</w:t></w:r></w:p><w:p><w:r><w:t>collégiale</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    text = declaration + (LAUGHS.replace("lolz", "w:document") if doctype else "") + body
    data = rezip({part: bom + text.encode(codec)})
    try:
        result = import_docx(data)
    except DocxImportError as error:
        message = str(error)
        if doctype:
            assert "DOCTYPE" in message or message == UNREADABLE_ENCODING
        else:
            assert message == UNREADABLE_ENCODING  # never mistaken for a DTD, never a crash
            assert not (declared or bom), "a declared or marked encoding must be read"
        return
    assert not doctype
    if part == "word/document.xml":
        assert result.rubrics == {"gouvernance": "collégiale"}


CONTAINERS = [
    "w:sdt/w:sdtContent",
    "w:customXml",
    "w:hyperlink",
    "w:ins",
    "w:del",
    "w:smartTag",
    "w:tbl/w:tr/w:tc",
    "w:fldSimple",
    "w:r",
]


@FUZZ
@given(chain=st.lists(st.sampled_from(CONTAINERS), max_size=120), text=hostile_text)
def test_any_nesting_of_word_containers(chain: list[str], text: str) -> None:
    opening = "".join("".join(f"<{tag}>" for tag in c.split("/")) for c in chain)
    closing = "".join(
        "".join(f"</{tag}>" for tag in reversed(c.split("/"))) for c in reversed(chain)
    )
    safe = "".join(
        c for c in text if c.isprintable() and c not in "<>&" and not 0xD800 <= ord(c) <= 0xDFFF
    )
    inner = f"<w:p><w:r><w:t>{safe}</w:t></w:r></w:p>"
    try:
        result = import_docx(with_body(opening + inner + closing))
    except DocxImportError as error:
        assert str(error).strip()
        return
    assert result.rubrics
