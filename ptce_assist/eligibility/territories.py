"""Fragile territories: the ones declared, whether the périmètre rubric names them, and an
optional official list (CSV) supplied by the person to confirm communes.

The app never downloads these lists: it links to the official look-up services (call file,
`diagnostic.fragile_kinds`) and reads a CSV only if the person provides one.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ptce_assist.call import Call
from ptce_assist.dossier import Dossier
from ptce_assist.eligibility.answers import FragileTerritory
from ptce_assist.eligibility.fragile_text import FragileMention, fragile_mentions
from ptce_assist.eligibility.links import ELIGIBILITE, on_page
from ptce_assist.eligibility.textmatch import names_place, place_key, words_key
from ptce_assist.eligibility.verdict import Verdict, french_list, plural
from ptce_assist.text import thousands

MAX_CSV_BYTES = 20 * 1024 * 1024
PERIMETRE = "perimetre"  # the rubric (and its page's url_path)
MAX_CSV_LINES = 100_000
"""Most lines read (France has some 35,000 communes; an official list holds fewer)."""
MAX_CSV_CELLS = 1_000_000
"""Most cells read: bounds what the parsed rows cost (a 15 MB file of tiny cells took 1 GB)."""


def split_communes(text: str) -> list[str]:
    """« Die, Crest ; Saillans » -> ["Die", "Crest", "Saillans"]."""
    return [part.strip() for part in re.split(r"[,;\n]+", text) if part.strip()]


class TerritoryCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int  # position in the declared list
    kind: str
    kind_label: str
    name: str
    kind_mentioned: bool
    name_mentioned: bool
    missing_communes: tuple[str, ...]
    verdict: Verdict  # "mentionne" | "a_completer" | "absent" | "a_preciser"


class TerritoriesResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    verdict: Verdict  # "aucun" | "a_declarer" | "coherent" | "a_completer"
    checks: tuple[TerritoryCheck, ...]
    undeclared: tuple[FragileMention, ...]  # kinds the périmètre describes but not declared


def declared(territories: Sequence[FragileTerritory]) -> list[FragileTerritory]:
    """Rows that say something (blank rows of the table editor are ignored)."""
    return [t for t in territories if t.kind.strip() or t.name.strip() or t.communes.strip()]


def check_territory(
    index: int, territory: FragileTerritory, perimetre: str, call: Call
) -> TerritoryCheck:
    quote = _perimetre_quote(call)
    kind = call.diagnostic.fragile_kind(territory.kind)
    key = place_key(perimetre)
    name_mentioned = bool(territory.name.strip()) and names_place(key, territory.name)
    communes = split_communes(territory.communes)
    missing = tuple(c for c in communes if not names_place(key, c))
    if kind is None:
        verdict = Verdict(
            code="a_preciser",
            reason="Choisissez le type de ce territoire fragile (QPV, FRR, bassin "
            "désindustrialisé, territoire d'industrie).",
            quote=quote,
            page=ELIGIBILITE,
        )
        return TerritoryCheck(
            index=index,
            kind=territory.kind,
            kind_label="",
            name=territory.name,
            kind_mentioned=False,
            name_mentioned=False,
            missing_communes=missing,
            verdict=verdict,
        )
    kind_mentioned = any(m.kind == kind.id for m in fragile_mentions(perimetre, call))
    anything = kind_mentioned or name_mentioned or len(missing) < len(communes)
    label = kind.label_fr
    if not perimetre.strip() or not anything:
        reason = (
            f"La rubrique « Périmètre » ne mentionne pas ce territoire ({label}) : nommez-le, "
            "avec ses communes."
        )
        code = "absent"
    elif kind_mentioned and not missing and (name_mentioned or not territory.name.strip()):
        reason = f"La rubrique « Périmètre » mentionne ce territoire ({label}) et ses communes."
        code = "mentionne"
    else:
        lacking: list[str] = []
        if not kind_mentioned:
            lacking.append(f"le type de territoire ({label})")
        if territory.name.strip() and not name_mentioned:
            lacking.append(f"son nom « {territory.name.strip()} »")
        if missing:
            lacking.append(plural(len(missing), "commune") + " : " + ", ".join(missing))
        reason = "La rubrique « Périmètre » ne cite pas encore " + french_list(lacking) + "."
        code = "a_completer"
    return TerritoryCheck(
        index=index,
        kind=territory.kind,
        kind_label=label,
        name=territory.name,
        kind_mentioned=kind_mentioned,
        name_mentioned=name_mentioned,
        missing_communes=missing,
        verdict=Verdict(code=code, reason=reason, quote=quote, page=PERIMETRE),
    )


def check_territories(
    territories: Sequence[FragileTerritory], perimetre: str, call: Call
) -> TerritoriesResult:
    rows = declared(territories)
    checks = tuple(check_territory(i, t, perimetre, call) for i, t in enumerate(rows))
    declared_kinds = {t.kind for t in rows}
    undeclared = tuple(m for m in fragile_mentions(perimetre, call) if m.kind not in declared_kinds)
    here = on_page(ELIGIBILITE, call)
    if not checks and undeclared:
        described = french_list(
            [f"{_kind_label(m.kind, call)} (« {m.excerpt} »)" for m in undeclared]
        )
        verdict = Verdict(
            code="a_declarer",
            reason=f"Aucun territoire fragile n'est déclaré, mais la rubrique « Périmètre » en "
            f"décrit : {described}. Déclarez-les {here}.",
            quote=_perimetre_quote(call),
            page=ELIGIBILITE,
        )
    elif not checks:
        verdict = Verdict(
            code="aucun",
            reason="Aucun territoire fragile n'est déclaré. Si le pôle agit dans un quartier "
            "prioritaire de la politique de la ville, une commune France Ruralités "
            "Revitalisation (ex-zone de revitalisation rurale) ou un bassin d'emplois "
            f"désindustrialisé, déclarez-le {here} et nommez-le dans la rubrique « Périmètre ».",
            quote=_perimetre_quote(call),
            page=ELIGIBILITE,
        )
    elif all(c.verdict.code == "mentionne" for c in checks):
        verdict = Verdict(
            code="coherent",
            reason=f"{_declared(len(checks))}, tous cités dans la rubrique « Périmètre ».",
            quote=call.fragile_territories_quote,
            page=ELIGIBILITE,
        )
    else:
        pending = sum(1 for c in checks if c.verdict.code != "mentionne")
        verdict = Verdict(
            code="a_completer",
            reason=f"{_declared(pending)} à citer ou préciser dans la rubrique « Périmètre ».",
            quote=call.fragile_territories_quote,
            page=PERIMETRE,
        )
    return TerritoriesResult(verdict=verdict, checks=checks, undeclared=undeclared)


def _declared(count: int) -> str:
    return plural(count, "territoire fragile déclaré", "territoires fragiles déclarés")


def _kind_label(kind_id: str, call: Call) -> str:
    kind = call.diagnostic.fragile_kind(kind_id)
    return kind.label_fr if kind else "territoire fragile"


def dossier_territories(dossier: Dossier, call: Call) -> TerritoriesResult:
    return check_territories(
        dossier.diagnostic.fragile_territories, dossier.rubric_text(PERIMETRE), call
    )


def _perimetre_quote(call: Call) -> str:
    for rubric in call.rubrics:
        if rubric.id == PERIMETRE and rubric.expects:
            return rubric.expects[0]
    return call.fragile_territories_quote


# --- optional official list (CSV supplied by the person) ------------------------------------
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
