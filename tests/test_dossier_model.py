"""The dossier model, its JSON Schema, field validation and backups."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from ptce_assist.backup import BackupError, backup_filename, read_backup
from ptce_assist.call import load_call
from ptce_assist.dossier import Dossier
from ptce_assist.filenames import safe_stem
from ptce_assist.text import clean_text
from ptce_assist.validation import (
    check_email,
    check_mobile,
    check_rna,
    check_siret_or_siren,
    identity_problems,
)

FULL = {
    "schema_version": 1,
    "project": {"name": "Recyclerie du Val « Pôle »", "region": "84"},
    "structure": {
        "name": "Association Val Solidaire",
        "address": "12 rue des Lilas\n26100 Romans-sur-Isère",
        "legal_form": "association_1901",
        "rna": "W262001234",
    },
    "referent": {
        "name": "Camille Martin",
        "role": "Coordinatrice",
        "email": "camille@val-solidaire.fr",
        "phone": "06 12 34 56 78",
    },
    "maturity": "en_developpement",
    "rubrics": {"objectifs": "Créer 8 emplois 😊 ; valoriser les ressources locales !"},
}


def test_schema_command_prints_a_schema_that_validates_a_dossier() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ptce_assist", "schema"], capture_output=True, text=True, check=True
    )
    schema = json.loads(result.stdout)
    jsonschema.validate(FULL, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**FULL, "inconnu": 1}, schema)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("camille@val-solidaire.fr", True), ("camille@", False), ("pas un mail", False)],
)
def test_email(value: str, ok: bool) -> None:
    assert (check_email(value) is None) is ok


@pytest.mark.parametrize(
    ("number", "region", "ok"),
    [
        ("06 12 34 56 78", "11", True),
        ("+33 7 81 23 45 67", "84", True),
        ("01 42 34 56 78", "11", False),  # a landline, not a mobile
        ("0690 12 34 56", "01", True),  # Guadeloupe mobile read with GP
        ("0690 12 34 56", "11", False),  # the same digits are not a metropolitan mobile
        ("0692 12 34 56", "04", True),  # La Réunion
        ("12", "11", False),
        ("abc", "11", False),
    ],
)
def test_mobile_uses_the_region_of_the_project(number: str, region: str, ok: bool) -> None:
    assert (check_mobile(number, region) is None) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("732 829 320 00074", True),  # a real SIRET with a valid Luhn key
        ("73282932000075", False),
        ("732829320", True),  # SIREN
        ("732829321", False),
        ("1234", False),
    ],
)
def test_siret(value: str, ok: bool) -> None:
    assert (check_siret_or_siren(value) is None) is ok


@pytest.mark.parametrize(
    ("value", "ok"), [("W262001234", True), ("W2A1001234", True), ("262001234", False)]
)
def test_rna(value: str, ok: bool) -> None:
    assert (check_rna(value) is None) is ok


def test_bad_values_are_kept_as_typed_with_a_french_message() -> None:
    dossier = Dossier.model_validate(
        {**FULL, "referent": {**FULL["referent"], "email": "camille@", "phone": "0690 12 34 56"}}
    )
    problems = identity_problems(dossier, load_call())
    assert dossier.referent.email == "camille@"
    assert set(problems) == {"referent.email", "referent.phone"}
    assert "e-mail" in problems["referent.email"]


def test_control_characters_are_dropped_and_counted() -> None:
    cleaned = clean_text("a\x00b\x07c\r\nd\te\u0085😊")
    assert cleaned.text == "abc\nd\te😊"
    assert cleaned.removed == 3


def test_backup_round_trip_keeps_everything() -> None:
    dossier = Dossier.model_validate(FULL)
    assert read_backup(dossier.to_json().encode("utf-8")) == dossier


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (Dossier.model_validate(FULL).to_json().encode()[:200], "incomplet ou abîmé"),
        (b'{"name": "autre chose"}', "pas une sauvegarde"),
        (b"[1, 2]", "pas une sauvegarde"),
        (b"\xff\xfe\x00garbage", "encodage"),
        (b'{"schema_version": 9}', "plus récente"),
        (b'{"schema_version": 1, "project": {"name": 3}}', "valeurs inattendues"),
        (b'{"schema_version": 1, "call_id": "ami_1999"}', "appel"),
    ],
)
def test_bad_backups_get_a_french_reason(raw: bytes, words: str) -> None:
    with pytest.raises(BackupError, match=words):
        read_backup(raw)


def test_backup_strips_control_characters() -> None:
    raw = json.dumps({**FULL, "rubrics": {"objectifs": "a\x00b"}}).encode()
    assert read_backup(raw).rubrics["objectifs"] == "ab"


def test_safe_file_names() -> None:
    assert safe_stem("Pôle Sud / Archer", fallback="x") == "Pole-Sud-Archer"
    assert safe_stem("../../etc/passwd", fallback="x") == "etc-passwd"
    assert safe_stem("😊", fallback="dossier") == "dossier"
    assert backup_filename(Dossier.model_validate(FULL)) == "Recyclerie-du-Val-Pole-sauvegarde.json"
