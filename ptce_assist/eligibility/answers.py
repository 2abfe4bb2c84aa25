"""What the candidate answers in the diagnostic pages (stored in the dossier)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class DiagnosticAnswers(BaseModel):
    """Eligibility answers, actors, fragile territories and self-assessment."""

    model_config = ConfigDict(extra="forbid")
