"""`export` and `import` writing to a path: a failure leaves no file (and an existing file
untouched), whatever step fails: reading, building, or writing (disk full mid-write)."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptce_assist.cli import _files, main
from ptce_assist.docx_export import build_docx
from ptce_assist.dossier import Dossier
from tests.fuzz.strategies import FUZZ

DOSSIER = Dossier(rubrics={"structure": "Notre association porte le pôle.", "objectifs": "Agir."})
DOSSIER.project.name = "Pôle test"


def _files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _export(tmp: Path, source: bytes, out: str = "sortie.docx") -> int:
    (tmp / "in.json").write_bytes(source)
    return main(["export", str(tmp / "in.json"), "-o", str(tmp / "out" / out)])


@FUZZ
@given(garbage=st.binary(max_size=300))
def test_export_of_garbage_writes_nothing(tmp_path_factory: Any, garbage: bytes) -> None:
    tmp = tmp_path_factory.mktemp("cli")
    (tmp / "out").mkdir()
    code = _export(tmp, garbage)
    assert code != 0 or (tmp / "out" / "sortie.docx").exists()
    if code != 0:
        assert _files_in(tmp / "out") == []


class _FullDisk:
    """A file handle that writes half the data then fails as a full disk does."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen
    monkeypatch.setattr(_files.os, "fdopen", lambda fd, mode: _FullDisk(real(fd, mode)))


@pytest.mark.parametrize("suffix", ["docx", "txt", "md"])
def test_export_disk_full_mid_write_leaves_nothing(
    tmp_path: Path, full_disk: None, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    (tmp_path / "out").mkdir()
    code = _export(tmp_path, DOSSIER.to_json().encode(), f"sortie.{suffix}")
    assert code != 0
    assert _files_in(tmp_path / "out") == []  # neither the target nor a temporary file
    assert "Erreur : Impossible d'écrire" in capsys.readouterr().err


def test_export_failure_keeps_the_previous_file(tmp_path: Path, full_disk: None) -> None:
    (tmp_path / "out").mkdir()
    previous = tmp_path / "out" / "sortie.docx"
    previous.write_bytes(b"previous version")
    assert _export(tmp_path, DOSSIER.to_json().encode()) != 0
    assert previous.read_bytes() == b"previous version"
    assert _files_in(tmp_path / "out") == ["sortie.docx"]


def test_export_crash_while_building_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object, **_kwargs: object) -> bytes:
        raise MemoryError

    monkeypatch.setattr("ptce_assist.cli.export.build_docx", boom)
    (tmp_path / "out").mkdir()
    with pytest.raises(MemoryError):
        _export(tmp_path, DOSSIER.to_json().encode())
    assert _files_in(tmp_path / "out") == []


def test_import_disk_full_mid_write_leaves_nothing(tmp_path: Path, full_disk: None) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(build_docx(DOSSIER))
    (tmp_path / "out").mkdir()
    code = main(["import", str(draft), "-o", str(tmp_path / "out" / "dossier.json")])
    assert code != 0
    assert _files_in(tmp_path / "out") == []


@FUZZ
@given(cut=st.integers(0, 4000))
def test_import_of_truncated_docx_writes_nothing(tmp_path_factory: Any, cut: int) -> None:
    tmp = tmp_path_factory.mktemp("imp")
    data = build_docx(DOSSIER)
    draft = tmp / "draft.docx"
    draft.write_bytes(data[: len(data) * cut // 4000])
    (tmp / "out").mkdir()
    code = main(["import", str(draft), "-o", str(tmp / "out" / "dossier.json")])
    if cut < 4000:
        assert code != 0
        assert _files_in(tmp / "out") == []
    else:
        assert code == 0
        assert _files_in(tmp / "out") == ["dossier.json"]


def test_write_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "in.json").write_text(DOSSIER.to_json())
    code = main(["export", str(tmp_path / "in.json"), "-o", str(tmp_path / "nope" / "x.docx")])
    assert code != 0
    assert not (tmp_path / "nope").exists()
