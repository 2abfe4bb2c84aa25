"""The call for applications as data: pydantic models over `calls/<edition id>/call.toml`.

A new edition of the call is a new folder (see `editions`); no code change is needed to load it.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ptce_assist.editions import CALL_FILE, edition_folder, edition_folders, shipped_editions

Requirement = Literal["obligatoire", "le_cas_echeant", "optionnel_maturite"]
LimitUnit = Literal["page", "ligne"]
PorteurVerdict = Literal["eligible", "esus_requis", "a_verifier", "non_eligible"]
IdentifierKind = Literal["siret", "rna", "rna_optionnel", "none"]

# The edition of a dossier that names none: every dossier written before editions had a folder.
DEFAULT_CALL_ID = "ami_2024"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MaturityStage(_Frozen):
    id: str
    label: str


class IdentitySection(_Frozen):
    id: str
    label: str


class IdentityField(_Frozen):
    path: str
    section: str
    label: str
    kind: Literal["text", "region", "address", "legal_form", "email", "mobile"]


class VolumeLimit(_Frozen):
    amount: float = Field(gt=0)
    unit: LimitUnit


class Rubric(_Frozen):
    id: str
    short_fr: str  # the app's short name for navigation, not the call's wording
    label: str
    prefix: str | None = None
    limit_label: str
    limit_note: str | None = None
    limit: VolumeLimit
    requirement: Requirement
    expects: tuple[str, ...]
    help: str
    # Ids of rubrics of earlier editions whose text belongs here (a dossier moved to this
    # edition takes their text); a rubric keeps the text of the rubric of the same id.
    replaces: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """The heading as the template prints it: prefix, label and limit."""
        head = f"{self.prefix} : {self.label}" if self.prefix else self.label
        return f"{head} ({self.limit_label})"


class OptionalRubricsPolicy(_Frozen):
    quote: str
    expected_from_stages: tuple[str, ...]


class EligibilityCriterion(_Frozen):
    id: str
    text: str


class SelectionBlock(_Frozen):
    id: str
    label: str


class SelectionCriterion(_Frozen):
    id: str
    block: str
    text: str
    details: tuple[str, ...] = ()


class LegalForm(_Frozen):
    id: str
    label_fr: str
    porteur: PorteurVerdict
    identifier: IdentifierKind
    family: str = ""  # legal family, compared with the nouns of the structure rubric
    patterns_fr: tuple[str, ...] = ()  # how the form is written (regexes over folded text)
    why_fr: str = ""  # why a form that cannot carry cannot (the app's words)


# --- Diagnostic: the app's reading of the call for the eligibility pages ---------------------
class ActorKind(_Frozen):
    id: str
    label_fr: str
    legal_person: bool  # citizens and inhabitants are not legal persons
    role_fr: Literal["ess", "hors_ess", "autre_article_9", "aucun"]


class GovernanceQuestion(_Frozen):
    id: str
    question_fr: str
    to_write_fr: str
    essential: bool = False  # the call's "participation active ... aux objectifs et aux programmes"


class FragileKind(_Frozen):
    id: str
    label_fr: str
    quote: str
    keywords_fr: tuple[str, ...]
    lookup_url: str
    lookup_fr: str


class EvidenceRule(_Frozen):
    criterion: str
    signal: str
    rubrics: tuple[str, ...]
    found_fr: str
    advice_fr: str


class DiagnosticRules(_Frozen):
    mandatory_items_quote: str = ""
    actor_kinds: tuple[ActorKind, ...] = ()
    governance_questions: tuple[GovernanceQuestion, ...] = ()
    fragile_kinds: tuple[FragileKind, ...] = ()
    eligibility_short_fr: dict[str, str] = Field(default_factory=dict)
    selection_short_fr: dict[str, str] = Field(default_factory=dict)
    eligibility_evidence: tuple[EvidenceRule, ...] = ()
    selection_evidence: tuple[EvidenceRule, ...] = ()

    def actor_kind(self, kind_id: str) -> ActorKind | None:
        return next((k for k in self.actor_kinds if k.id == kind_id), None)

    def fragile_kind(self, kind_id: str) -> FragileKind | None:
        return next((k for k in self.fragile_kinds if k.id == kind_id), None)


class Call(_Frozen):
    id: str
    version: int
    title: str
    template_fr: str  # how pages name the edition's application form (« l'annexe 1 »)
    # The text the quotes are copied from: a file of the edition's folder, or of the shared
    # reference texts (tests check every quote against it).
    source_text: str = ""
    date: dt.date
    date_quote: str
    platform_url: str
    contacts_url: str
    concision_quote: str
    admissibility_quote: str
    eligibility_quote: str
    beneficiaries_quote: str
    governance_quote: str
    fragile_territories_quote: str
    no_annex_quote: str
    acronyms_used: tuple[str, ...] = ()  # written unexpanded by the call itself
    maturity_stages: tuple[MaturityStage, ...]
    identity_sections: tuple[IdentitySection, ...]
    identity_fields: tuple[IdentityField, ...]
    rubrics: tuple[Rubric, ...]
    optional_rubrics_policy: OptionalRubricsPolicy
    eligibility_criteria: tuple[EligibilityCriterion, ...]
    selection_blocks: tuple[SelectionBlock, ...]
    selection_criteria: tuple[SelectionCriterion, ...]
    legal_forms: tuple[LegalForm, ...]
    diagnostic: DiagnosticRules = Field(default_factory=DiagnosticRules)

    def rubric(self, rubric_id: str) -> Rubric:
        for rubric in self.rubrics:
            if rubric.id == rubric_id:
                return rubric
        raise KeyError(rubric_id)

    def legal_form(self, form_id: str) -> LegalForm | None:
        return next((f for f in self.legal_forms if f.id == form_id), None)

    def maturity_label(self, stage_id: str) -> str | None:
        return next((s.label for s in self.maturity_stages if s.id == stage_id), None)

    def criteria_of_block(self, block_id: str) -> tuple[SelectionCriterion, ...]:
        return tuple(c for c in self.selection_criteria if c.block == block_id)

    @property
    def rubric_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rubrics)


def available_calls() -> tuple[str, ...]:
    return tuple(sorted(edition_folders()))


def parse_call(toml_text: str) -> Call:
    return Call.model_validate(tomllib.loads(toml_text))


@cache
def current_call_id() -> str:
    """The edition new dossiers are written for: the shipped edition of the latest date."""
    shipped = [load_call(call_id) for call_id in shipped_editions()]
    return max(shipped, key=lambda call: call.date).id if shipped else DEFAULT_CALL_ID


def load_call(call_id: str | None = None) -> Call:
    """The edition `call_id`, or the current one (KeyError when no folder holds it)."""
    return _load_call(call_id or current_call_id())


@cache
def _load_call(call_id: str) -> Call:
    call = parse_call((edition_folder(call_id) / CALL_FILE).read_text("utf-8"))
    if call.id != call_id:
        raise ValueError(f"{call_id}/{CALL_FILE} declares the id {call.id!r}")
    return call
