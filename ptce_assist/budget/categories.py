"""The headings of expenses and the kinds of resources (data: `categories.toml`)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

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
    state_support: str
    financing_ami: str
    state_support_cents: int
    state_support_years: int


class Catalogue(_Frozen):
    expense_headings: tuple[ExpenseHeading, ...]
    resource_kinds: tuple[ResourceKind, ...]
    natures: dict[Nature, str]
    markers: Markers
    quotes: Quotes
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
