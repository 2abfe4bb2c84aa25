"""The candidate's dossier: what they type, kept exactly as typed.

Values are stored as typed (even invalid ones, so nothing is lost); `validation` says what is
wrong with them. JSON is the exchange format, with `schema_version`.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ptce_assist.budget.model import Budget
from ptce_assist.call import DEFAULT_CALL_ID
from ptce_assist.eligibility.answers import DiagnosticAnswers

SCHEMA_VERSION: Literal[1] = 1
DEFAULT_LAYOUT = "arial11"

EsusStatus = Literal["", "obtenu", "en_cours", "non"]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Project(_Part):
    name: str = Field(default="", description="Nom du projet")
    region: str = Field(default="", description="Code INSEE de la région")


class Structure(_Part):
    name: str = Field(default="", description="Nom de la structure porteuse")
    address: str = Field(default="", description="Adresse")
    legal_form: str = Field(default="", description="Identifiant de la forme juridique")
    siret: str = Field(default="", description="SIRET ou SIREN")
    rna: str = Field(default="", description="Numéro RNA (associations)")
    esus: EsusStatus = Field(default="", description="Agrément ESUS (sociétés commerciales)")


class Referent(_Part):
    name: str = Field(default="", description="Nom / Prénom")
    role: str = Field(default="", description="Fonction au sein de la structure porteuse")
    email: str = Field(default="", description="Mail")
    phone: str = Field(default="", description="Téléphone portable")


class Dossier(_Part):
    schema_version: Literal[1] = SCHEMA_VERSION
    call_id: str = DEFAULT_CALL_ID
    layout: str = Field(default=DEFAULT_LAYOUT, description="Mise en page (préréglage)")
    project: Project = Field(default_factory=Project)
    structure: Structure = Field(default_factory=Structure)
    referent: Referent = Field(default_factory=Referent)
    maturity: str = Field(default="", description="Stade de maturité")
    rubrics: dict[str, str] = Field(default_factory=dict, description="Textes des rubriques")
    completed_rubrics: list[str] = Field(
        default_factory=list, description="Rubriques que le candidat a déclarées terminées"
    )
    diagnostic: DiagnosticAnswers = Field(default_factory=DiagnosticAnswers)
    budget: Budget = Field(default_factory=Budget)

    def rubric_text(self, rubric_id: str) -> str:
        return self.rubrics.get(rubric_id, "")

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)


IDENTITY_PATHS: tuple[str, ...] = (
    *(f"project.{name}" for name in Project.model_fields),
    *(f"structure.{name}" for name in Structure.model_fields),
    *(f"referent.{name}" for name in Referent.model_fields),
    "maturity",
)
"""The identity fields of the dossier (what the Identité page edits)."""


def json_schema() -> dict[str, Any]:
    schema = Dossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Dossier de candidature AMI PTCE (ptce-assist)"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2)


def get_path(data: dict[str, Any], path: str) -> Any:
    """Read a dotted path ("project.name", "rubrics.objectifs") from a dossier dict."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Write a dotted path into a dossier dict, creating intermediate dicts."""
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value
