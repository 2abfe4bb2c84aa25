"""An official list of communes or fragile territories (CSV) that the person supplies, read to
confirm the communes a declared territory names.

The app never downloads these lists: it links to the official look-up services (the edition's
`diagnostic.fragile_kinds`) and reads a CSV only if the person provides one. The file is the
person's: its size, lines and cells are bounded before parsing, and refusals are in French.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ptce_assist.eligibility.textmatch import words_key
from ptce_assist.eligibility.verdict import plural
from ptce_assist.text import thousands

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_CSV_LINES = 100_000
"""Most lines read (France has some 35,000 communes; an official list holds fewer)."""
MAX_CSV_CELLS = 1_000_000
"""Most cells read: bounds what the parsed rows cost (a 15 MB file of tiny cells took 1 GB)."""


class CsvImportError(ValueError):
    """A CSV that cannot be read as an official list; the message is for the person."""


@dataclass(frozen=True)
class OfficialEntry:
    commune: str
    commune_code: str
    territory_code: str
    territory_name: str


@dataclass(frozen=True)
class OfficialList:
    kind: str
    entries: tuple[OfficialEntry, ...]
    columns: dict[str, str]  # role -> header of the file

    def communes_found(self, names: Sequence[str]) -> tuple[list[str], list[str]]:
        """Which of `names` (commune names or INSEE codes) the list holds, and which not."""
        known = {words_key(e.commune) for e in self.entries if e.commune}
        known |= {e.commune_code.strip() for e in self.entries if e.commune_code}
        known |= {words_key(e.territory_name) for e in self.entries if e.territory_name}
        known |= {e.territory_code.strip().upper() for e in self.entries if e.territory_code}
        found = [n for n in names if words_key(n) in known or n.strip().upper() in known]
        return found, [n for n in names if n not in found]

    def named_in(self, text: str) -> list[OfficialEntry]:
        """Entries whose commune (or territory) is named in `text`, one per name."""
        key = words_key(text)
        seen: set[str] = set()
        hits: list[OfficialEntry] = []
        for entry in self.entries:
            for name in (entry.commune, entry.territory_name):
                name_key = words_key(name)
                if len(name_key) >= 3 and name_key not in seen and f" {name_key} " in f" {key} ":
                    seen.add(name_key)
                    hits.append(entry)
                    break
        return hits


_ROLES: dict[str, tuple[set[str], tuple[str, ...]]] = {
    # role: (exact header keys, substrings)
    "commune": (
        {
            "lib_com",
            "libcom",
            "libgeo",
            "nom_com",
            "nomcom",
            "commune",
            "nom_commune",
            "libelle_commune",
            "nom_de_la_commune",
            "libelle_de_la_commune",
            "lib_commune",
            "communes",
            "com_nom",
        },
        ("nom_commune", "libelle_commune", "lib_com"),
    ),
    "commune_code": (
        {
            "insee_com",
            "codgeo",
            "code_insee",
            "code_commune",
            "depcom",
            "com",
            "insee",
            "code_commune_insee",
            "codecommune",
            "cod_com",
            "code_geo",
            "inseecom",
            "codeinsee",
        },
        ("insee",),
    ),
    "territory_code": (
        {
            "code_qp",
            "code_qpv",
            "codeqp",
            "qp",
            "code_quartier",
            "id_ti",
            "code_ti",
            "code_territoire",
            "id_territoire",
        },
        ("code_q",),
    ),
    "territory_name": (
        {
            "lib_qp",
            "nom_qp",
            "libelle_qp",
            "nom_quartier",
            "lib_ti",
            "nom_ti",
            "libelle_ti",
            "territoire",
            "nom_territoire",
            "libelle_territoire",
            "lib_territoire",
            "quartier",
        },
        ("nom_qp", "lib_qp", "nom_ti", "lib_ti"),
    ),
}


def _header_key(header: str) -> str:
    return words_key(header).replace(" ", "_")


def _columns(headers: list[str]) -> dict[str, int]:
    keys = [_header_key(h) for h in headers]
    found: dict[str, int] = {}
    for role, (exact, parts) in _ROLES.items():
        position = next((i for i, k in enumerate(keys) if k in exact), None)
        if position is None:
            position = next((i for i, k in enumerate(keys) if any(p in k for p in parts)), None)
        if position is not None and position not in found.values():
            found[role] = position
    return found


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_official_csv(raw: bytes, kind: str) -> OfficialList:
    """Read an official list of communes or territories; CsvImportError says why not."""
    if not raw.strip():
        raise CsvImportError("Le fichier est vide.")
    if len(raw) > MAX_CSV_BYTES:
        raise CsvImportError(
            "Le fichier dépasse 20 Mo : ce n'est sans doute pas une liste officielle."
        )
    if b"\x00" in raw[:4096] or raw.startswith(b"PK\x03\x04"):
        raise CsvImportError(
            "Ce fichier n'est pas un CSV (fichier binaire ou tableur .xlsx) : "
            "ouvrez-le dans un tableur et enregistrez-le au format CSV."
        )
    if raw.count(b"\n") > MAX_CSV_LINES:
        raise CsvImportError(
            f"Le fichier compte plus de {thousands(MAX_CSV_LINES)} lignes : ce n'est sans doute "
            "pas une liste officielle."
        )
    text = _decode(raw)
    first_line = re.split(r"\r\n|\r|\n", text.lstrip(), maxsplit=1)[0]
    delimiter = max(";,\t|", key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ";"
    if text.count(delimiter) > MAX_CSV_CELLS:
        raise CsvImportError(
            f"Le fichier compte plus de {thousands(MAX_CSV_CELLS)} cellules : ce n'est sans "
            "doute pas une liste officielle."
        )
    reader = csv.reader(io.StringIO(text.lstrip()), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise CsvImportError(
            f"Le fichier CSV est mal formé (ligne {reader.line_num}) : vérifiez les guillemets "
            "et le séparateur."
        ) from error
    headers = [h.strip() for h in rows[0]]
    columns = _columns(headers)
    if not ({"commune", "commune_code", "territory_code"} & columns.keys()):
        shown = ", ".join(f"« {h} »" for h in headers[:8] if h) or "aucun"
        raise CsvImportError(
            "Colonnes non reconnues : la première ligne doit nommer une colonne de communes "
            "(par exemple « LIBGEO », « lib_com », « commune ») ou de codes (« CODGEO », "
            f"« code_insee », « code_qp »). En-têtes lus : {shown}."
        )
    needed = max(columns.values()) + 1
    entries: list[OfficialEntry] = []
    for line_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < needed:
            raise CsvImportError(
                f"Ligne {line_number} : {plural(len(row), 'champ')} au lieu de {len(headers)} "
                f"(séparateur attendu « {delimiter} »). Le fichier semble abîmé."
            )

        def cell(role: str, row: list[str] = row) -> str:
            return row[columns[role]].strip() if role in columns else ""

        entries.append(
            OfficialEntry(
                cell("commune"),
                cell("commune_code"),
                cell("territory_code"),
                cell("territory_name"),
            )
        )
    if not entries:
        raise CsvImportError(
            "Le fichier ne contient que la ligne d'en-tête, sans aucune ligne de données."
        )
    return OfficialList(kind, tuple(entries), {role: headers[i] for role, i in columns.items()})
