"""The provisional budget as stored in the dossier."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Budget(BaseModel):
    model_config = ConfigDict(extra="forbid")
