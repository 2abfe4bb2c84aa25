"""The JSON backup reader and the Word draft importer on mutated valid files: a result or their
own French error, nothing else."""

from __future__ import annotations

import io
import json
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from ptce_assist.backup import BackupError, read_backup
from ptce_assist.docx_export import build_docx
from ptce_assist.docx_import import DocxImportError, ImportResult, import_docx
from ptce_assist.dossier import Dossier
from tests.docx import corpus, drafts
from tests.fuzz.strategies import FUZZ, hostile_text


def _valid_dossier() -> Dossier:
    dossier = Dossier(
        rubrics={
            "structure": "L'association « Terres solidaires » porte le projet.",
            "objectifs": "Créer 12 emplois ; développer 100 000 € d'activité !",
        },
        maturity="emergence",
    )
    dossier.project.name = "Pôle des Hauts"
    dossier.project.region = "32"
    dossier.referent.email = "contact@example.org"
    return dossier


VALID_JSON = _valid_dossier().to_json().encode("utf-8")
VALID_DOCX = build_docx(_valid_dossier())
DRAFTS = [
    drafts.heading_styles(),
    drafts.bold_labels(),
    drafts.tables(),
    # comments, highlights, a sommaire, lists and tables inside rubrics, merged cells
    corpus.commentaires_word().data,
    corpus.note_surlignee().data,
    corpus.page_de_garde_sommaire_points().data,
    corpus.tableaux_dans_rubriques().data,
    corpus.identite_en_tableau_fusionne().data,
]


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete", "dup"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 400))]
    return bytes(data)


def _read_json(raw: bytes) -> None:
    try:
        result = read_backup(raw)
    except BackupError as error:
        assert str(error).strip()
        return
    assert isinstance(result, Dossier)


@FUZZ
@given(raw=mutated_bytes(VALID_JSON))
def test_mutated_backup_bytes(raw: bytes) -> None:
    _read_json(raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(
    path=st.sampled_from(
        [
            ("project", "name"),
            ("rubrics", "objectifs"),
            ("rubrics",),
            ("budget",),
            ("budget", "expenses"),
            ("diagnostic",),
            ("layout",),
            ("schema_version",),
            ("call_id",),
            ("completed_rubrics",),
            ("referent",),
            ("maturity",),
        ]
    ),
    value=json_values,
)
def test_backup_with_a_value_replaced(path: tuple[str, ...], value: object) -> None:
    data = json.loads(VALID_JSON)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    text = json.dumps(data, ensure_ascii=False, allow_nan=True)
    _read_json(text.encode("utf-8", "surrogatepass"))


def _import(data: bytes) -> None:
    try:
        result = import_docx(data)
    except DocxImportError as error:
        assert str(error).strip()
        return
    assert isinstance(result, ImportResult)
    for text in result.rubrics.values():
        assert isinstance(text, str)
    # however damaged, every paragraph read is accounted for (each has a place)
    sources = {piece.source for piece in result.pieces}
    assert sources == set(range(len(sources)))


@FUZZ
@given(data=st.sampled_from([VALID_DOCX, *DRAFTS]).flatmap(mutated_bytes))
def test_mutated_docx_bytes(data: bytes) -> None:
    _import(data)


def _rezip(original: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


@st.composite
def mutated_parts(draw: st.DrawFn) -> bytes:
    """Valid ZIP containers whose XML parts are damaged (what byte flips rarely reach)."""
    original = draw(st.sampled_from([VALID_DOCX, *DRAFTS]))
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
        name = draw(st.sampled_from(names))
        part = archive.read(name)
    return _rezip(original, {name: draw(mutated_bytes(part))})


@FUZZ
@given(data=mutated_parts())
def test_docx_with_damaged_xml_parts(data: bytes) -> None:
    _import(data)


@FUZZ
@given(text=hostile_text)
def test_docx_holding_hostile_text(text: str) -> None:
    """A well-formed draft whose rubric text is hostile: imported, controls dropped."""
    dossier = _valid_dossier()
    dossier.rubrics["objectifs"] = text
    _import(build_docx(dossier))
