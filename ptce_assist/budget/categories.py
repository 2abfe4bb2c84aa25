"""The headings of expenses and the kinds of resources (data: `categories.toml`), and what the
budget checks quote of the dossier's edition (`calls/<call id>/budget.toml`)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ptce_assist.editions import edition_file, read_toml

Nature = Literal["public", "prive", "propre", "nature"]
Group = Literal["", "etat", "collectivite"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ExpenseHeading(_Frozen):
    id: str
    label: str
    in_text: str


class ResourceKind(_Frozen):
    id: str
    label: str
    in_text: str
    nature: Nature
    group: Group = ""


class Markers(_Frozen):
    public_share_high: float
    state_share_high: float


class Quotes(_Frozen):
    means: str | None = None
    private_partners: str | None = None
    collectivities: str | None = None
    autonomy: str | None = None
    state_support: str | None = None
    financing_ami: str | None = None


class StateSupport(_Frozen):
    cents: int = Field(gt=0)
    years: int = Field(gt=0)


class Wording(_Frozen):
    no_state_support_fr: str = "Le budget ne compte pas sur un financement de l'État."


class EditionBudget(_Frozen):
    """What an edition's budget.toml says; all of it optional."""

    quotes: Quotes = Field(default_factory=Quotes)
    state_support: StateSupport | None = None
    wording: Wording = Field(default_factory=Wording)


class Catalogue(_Frozen):
    expense_headings: tuple[ExpenseHeading, ...]
    resource_kinds: tuple[ResourceKind, ...]
    natures: dict[Nature, str]
    markers: Markers
    renamed: dict[str, str] = {}  # old id -> id now

    def heading(self, heading_id: str) -> ExpenseHeading | None:
        return next((h for h in self.expense_headings if h.id == heading_id), None)

    def kind(self, kind_id: str) -> ResourceKind | None:
        return next((k for k in self.resource_kinds if k.id == kind_id), None)

    def expense_label(self, heading_id: str) -> str:
        heading = self.heading(heading_id)
        return heading.label if heading else heading_id

    def resource_label(self, kind_id: str) -> str:
        kind = self.kind(kind_id)
        return kind.label if kind else kind_id

    def nature_of(self, kind_id: str) -> Nature:
        """A kind unknown to this catalogue (newer file, typo) counts as public money: the
        ratios then err towards dependence, never towards autonomy."""
        kind = self.kind(kind_id)
        return kind.nature if kind else "public"


@cache
def catalogue() -> Catalogue:
    text = (resources.files("ptce_assist") / "budget" / "categories.toml").read_text("utf-8")
    return Catalogue.model_validate(tomllib.loads(text))


@cache
def edition_budget(call_id: str) -> EditionBudget:
    path = edition_file(call_id, "budget.toml")
    return EditionBudget.model_validate(read_toml(path)) if path else EditionBudget()
