"""Fragile territories against the périmètre text, and the optional official CSV list."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.eligibility.answers import FragileTerritory
from ptce_assist.eligibility.territories import (
    CsvImportError,
    check_territories,
    read_official_csv,
    split_communes,
)

PERIMETRE = (
    "Le pôle agit sur la communauté de communes du Diois (Die, Saillans, Luc-en-Diois), "
    "classée en zone France Ruralités Revitalisation, et sur le quartier prioritaire de la "
    "Monnaie à Romans-sur-Isère (QPV)."
)


def test_split_communes() -> None:
    assert split_communes(" Die, Saillans ;Luc-en-Diois\n\n") == ["Die", "Saillans", "Luc-en-Diois"]


def test_no_declaration() -> None:
    result = check_territories([], "Le pôle agit à Valence.", load_call())
    assert result.verdict.code == "aucun"
    assert result.verdict.quote == load_call().fragile_territories_quote


def test_mentions_in_the_perimetre_without_declaration_are_pointed_out() -> None:
    result = check_territories([], PERIMETRE, load_call())
    assert result.verdict.code == "aucun"
    assert set(result.undeclared_mentions) == {"frr", "qpv"}
    assert "déclarez-les" in result.verdict.reason


@pytest.mark.parametrize(
    ("territory", "code", "words"),
    [
        (FragileTerritory(kind="frr", communes="Die, Saillans"), "mentionne", ""),
        (
            FragileTerritory(kind="qpv", name="La Monnaie", communes="Romans-sur-Isère"),
            "mentionne",
            "",
        ),
        (
            FragileTerritory(kind="frr", communes="Die, Châtillon-en-Diois"),
            "a_completer",
            "Châtillon-en-Diois",
        ),
        (FragileTerritory(kind="qpv", name="Les Ors"), "a_completer", "« Les Ors »"),
        (
            FragileTerritory(kind="bassin_desindustrialise", communes="Die"),
            "a_completer",
            "type de territoire",
        ),
        (
            FragileTerritory(kind="territoire_industrie", communes="Valence"),
            "absent",
            "ne mentionne pas",
        ),
        (FragileTerritory(kind="", name="Zone X"), "a_preciser", "Choisissez le type"),
    ],
)
def test_each_declared_territory(territory: FragileTerritory, code: str, words: str) -> None:
    result = check_territories([territory], PERIMETRE, load_call())
    (check,) = result.checks
    assert check.verdict.code == code
    assert words in check.verdict.reason
    assert "territoires fragiles" in check.verdict.quote
    expected_overall = "coherent" if code == "mentionne" else "a_completer"
    assert result.verdict.code == expected_overall


def test_empty_perimetre() -> None:
    result = check_territories([FragileTerritory(kind="qpv", name="La Monnaie")], "", load_call())
    assert result.checks[0].verdict.code == "absent"


def test_blank_rows_are_ignored() -> None:
    result = check_territories(
        [FragileTerritory(), FragileTerritory(kind="frr", communes="Die")], PERIMETRE, load_call()
    )
    assert len(result.checks) == 1


# --- official CSV lists (written by hand in the shape of the official files) ----------------
FRR_CSV = (
    "CODGEO;LIBGEO;FRR\n26113;Die;FRR\n26281;Romans-sur-Isère;\n26289;Saillans;FRR\n"
    "26168;Luc-en-Diois;FRR\n"
).encode("cp1252")
QPV_CSV = (
    b"code_qp,lib_qp,insee_com,lib_com\n"
    b"QN02601M,La Monnaie,26281,Romans-sur-Is\xc3\xa8re\n"
    b"QN02602M,Fontbarlettes,26362,Valence\n"
)


def test_reads_an_frr_list_in_windows_encoding() -> None:
    official = read_official_csv(FRR_CSV, "frr")
    assert len(official.entries) == 4
    assert official.columns == {"commune": "LIBGEO", "commune_code": "CODGEO"}
    assert official.entries[1].commune == "Romans-sur-Isère"
    found, missing = official.communes_found(["Die", "saillans", "26168", "Valence"])
    assert found == ["Die", "saillans", "26168"]
    assert missing == ["Valence"]


def test_reads_a_qpv_list_and_finds_what_the_perimetre_names() -> None:
    official = read_official_csv(QPV_CSV, "qpv")
    assert official.columns["territory_code"] == "code_qp"
    assert official.columns["territory_name"] == "lib_qp"
    named = official.named_in(PERIMETRE)
    assert [e.territory_code for e in named] == ["QN02601M"]
    assert official.communes_found(["QN02601M", "La Monnaie"])[1] == []


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "vide"),
        (b"   \n  ", "vide"),
        (b"PK\x03\x04\x14\x00\x06\x00", "pas un CSV"),
        (b"nom;age\nDupont;42\n", "Colonnes non reconnues"),
        (b"CODGEO;LIBGEO\n", "que la ligne d'en-tête"),
        (b"CODGEO;LIBGEO;FRR\n26113;Die;FRR\n26289\n", "Ligne 3"),
        (b'LIBGEO;CODGEO\n"Die;26113\n', "mal formé"),
    ],
)
def test_malformed_csv_gets_a_french_error(raw: bytes, words: str) -> None:
    with pytest.raises(CsvImportError) as error:
        read_official_csv(raw, "frr")
    assert words in str(error.value)
