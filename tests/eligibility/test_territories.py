"""Fragile territories against the périmètre text, and the optional official CSV list."""

from __future__ import annotations

import pytest

from ptce_assist.call import load_call
from ptce_assist.eligibility.answers import FragileTerritory
from ptce_assist.eligibility.official_list import CsvImportError, read_official_csv
from ptce_assist.eligibility.territories import check_territories, split_communes

PERIMETRE = (
    "Le pôle agit sur la communauté de communes du Diois (Die, Saillans, Luc-en-Diois), "
    "classée en zone France Ruralités Revitalisation, et sur le quartier prioritaire de la "
    "Monnaie à Romans-sur-Isère (QPV)."
)


def test_split_communes() -> None:
    assert split_communes(" Die, Saillans ;Luc-en-Diois\n\n") == ["Die", "Saillans", "Luc-en-Diois"]


def test_no_declaration_names_the_three_kinds_of_section_5a() -> None:
    result = check_territories([], "Le pôle agit à Valence.", load_call())
    assert result.verdict.code == "aucun"
    assert "bassins d'emplois désindustrialisés" in result.verdict.quote  # §5.a
    for words in ("quartier prioritaire", "France Ruralités Revitalisation", "désindustrialisé"):
        assert words in result.verdict.reason
    assert "sur la page « Éligibilité »" in result.verdict.reason
    assert result.verdict.page == "eligibilite"


def test_mentions_in_the_perimetre_without_declaration_are_pointed_out() -> None:
    result = check_territories([], PERIMETRE, load_call())
    assert result.verdict.code == "a_declarer"
    assert {m.kind for m in result.undeclared} == {"frr", "qpv"}
    assert "Déclarez-les sur la page « Éligibilité »" in result.verdict.reason
    assert " ici" not in result.verdict.reason


@pytest.mark.parametrize(
    ("perimetre", "kinds"),
    [
        ("Le territoire ne compte aucun QPV et n'est pas classé FRR.", set()),
        ("Pas de quartier prioritaire, mais deux communes FRR.", {"frr"}),
        ("Ni QPV ni commune en zone de revitalisation rurale.", set()),
        ("Le pôle n'agit que dans des quartiers prioritaires.", {"qpv"}),
        ("Quartiers prioritaires : aucun. Communes FRR : Die.", {"frr"}),
        ("Le site est implanté hors QPV.", set()),
        ("Die n'est plus classée en ZRR depuis 2024.", set()),
        (
            "Le bassin de Longwy a perdu ses mines et la plupart de ses aciéries.",
            {"bassin_desindustrialise"},
        ),
        ("La fermeture des filatures a laissé des friches.", {"bassin_desindustrialise"}),
        ("Ses usines ont fermé dans les années 1980.", {"bassin_desindustrialise"}),
        ("L'ancien bassin minier du Pas-de-Calais.", {"bassin_desindustrialise"}),
        ("La vallée n'a jamais connu de fermeture d'usine.", set()),
        ("Les villages ont perdu leur dernier commerce.", set()),
        ("Les fermes laitières et l'industrie fromagère font vivre la vallée.", set()),
        ("Un territoire désindustrialisé.", {"bassin_desindustrialise"}),
        ("La crise de la sidérurgie a frappé Longwy.", {"bassin_desindustrialise"}),
        ("La crise sanitaire a frappé les industries touristiques.", set()),
        ("La perte de biodiversité liée aux rejets industriels inquiète.", set()),
        ("Des fermes ont fermé ; les usines tournent encore.", set()),
        ("Il a perdu un commerce, mais ses usines tournent.", set()),
        ("Il n'est pas désindustrialisé.", set()),
    ],
)
def test_negation_and_history_in_the_perimetre(perimetre: str, kinds: set[str]) -> None:
    result = check_territories([], perimetre, load_call())
    assert {m.kind for m in result.undeclared} == kinds
    assert result.verdict.code == ("a_declarer" if kinds else "aucun")


def test_a_basin_described_by_its_history_says_why() -> None:
    perimetre = "Le bassin de Longwy, qui a perdu ses mines et la plupart de ses aciéries."
    (mention,) = check_territories([], perimetre, load_call()).undeclared
    assert mention.by_history
    assert "perdu ses mines" in mention.excerpt


@pytest.mark.parametrize(
    ("name", "communes", "perimetre"),
    [
        ("Épeule – Alma", "Roubaix", "À Roubaix, le quartier de l'Épeule – Alma (QPV)."),
        ("L'Épeule-Alma", "Roubaix", "À Roubaix, le quartier Épeule - Alma (QPV)."),
        ("Quartier de la Monnaie", "Romans-sur-Isère", "La Monnaie, QPV de Romans-sur-Isère."),
        ("Bellevue", "Nantes, Saint-Herblain", "Bellevue (QPV), à Nantes et St-Herblain."),
    ],
)
def test_names_match_across_elision_dashes_and_abbreviations(
    name: str, communes: str, perimetre: str
) -> None:
    territory = FragileTerritory(kind="qpv", name=name, communes=communes)
    (check,) = check_territories([territory], perimetre, load_call()).checks
    assert check.verdict.code == "mentionne", check.verdict.reason


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
