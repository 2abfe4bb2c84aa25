"""The 18 French regions (INSEE codes) and the phone region used to read local numbers."""

from __future__ import annotations

from typing import NamedTuple


class Region(NamedTuple):
    code: str
    name: str
    phone_region: str  # ISO 3166 code phonenumbers uses to read national numbers


REGIONS: tuple[Region, ...] = (
    Region("84", "Auvergne-Rhône-Alpes", "FR"),
    Region("27", "Bourgogne-Franche-Comté", "FR"),
    Region("53", "Bretagne", "FR"),
    Region("24", "Centre-Val de Loire", "FR"),
    Region("94", "Corse", "FR"),
    Region("44", "Grand Est", "FR"),
    Region("01", "Guadeloupe", "GP"),
    Region("03", "Guyane", "GF"),
    Region("32", "Hauts-de-France", "FR"),
    Region("11", "Île-de-France", "FR"),
    Region("04", "La Réunion", "RE"),
    Region("02", "Martinique", "MQ"),
    Region("06", "Mayotte", "YT"),
    Region("28", "Normandie", "FR"),
    Region("75", "Nouvelle-Aquitaine", "FR"),
    Region("76", "Occitanie", "FR"),
    Region("52", "Pays de la Loire", "FR"),
    Region("93", "Provence-Alpes-Côte d'Azur", "FR"),
)

_BY_CODE = {r.code: r for r in REGIONS}


def region_by_code(code: str) -> Region | None:
    return _BY_CODE.get(code)


def region_name(code: str) -> str:
    region = _BY_CODE.get(code)
    return region.name if region else ""
