"""Moving a dossier to another edition of the call: what each rubric's text becomes.

Rubric by rubric: a text is kept (the new edition has a rubric of the same id), moves (a new
rubric `replaces` the old one), or has no place any more: it is then set aside in the dossier
(`Dossier.set_aside`), never deleted. The plan also says which texts now exceed their new
limit. Nothing changes until `moved_dossier` is saved, which the page does on confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ptce_assist.call import Call, Rubric
from ptce_assist.dossier import Dossier, SetAsideText
from ptce_assist.progress import Measure

Fate = Literal["garde", "deplace", "mis_de_cote", "vide", "nouvelle"]

FATE_WORDS: dict[Fate, str] = {
    "garde": "gardé",
    "deplace": "déplacé",
    "mis_de_cote": "mis de côté",
    "vide": "à écrire",
    "nouvelle": "nouvelle rubrique",
}


@dataclass(frozen=True)
class RubricFate:
    fate: Fate
    source: Rubric | None  # the rubric of the dossier's edition the text comes from
    target: Rubric | None  # the rubric of the new edition it goes to (None: set aside)
    text: str
    lines: int | None = None  # in the new rubric, with the dossier's layout
    budget: int | None = None

    @property
    def over(self) -> bool:
        return self.lines is not None and self.budget is not None and self.lines > self.budget

    def describe(self) -> str:
        """One French sentence: what happens to this rubric."""
        if self.fate == "vide" and self.target is not None:
            return f"« {self.target.short_fr} » : pas encore de texte dans le dossier."
        if self.fate == "nouvelle" and self.target is not None:
            return f"« {self.target.short_fr} » : rubrique ajoutée par cette édition."
        assert self.source is not None
        name = f"« {self.source.short_fr} »"
        if self.fate == "mis_de_cote":
            return (
                f"{name} : cette rubrique n'existe plus ; son texte est mis de côté dans le "
                "dossier (rien n'est effacé)."
            )
        assert self.target is not None
        if self.fate == "deplace":
            said = f"{name} : le texte va dans la rubrique « {self.target.short_fr} »."
        elif self.target.label != self.source.label:
            said = f"{name} : le texte est gardé ; l'intitulé de la rubrique change."
        else:
            said = f"{name} : le texte est gardé."
        if self.over:
            said += (
                f" Il dépasse la nouvelle limite ({self.target.limit_label}) : "
                f"{self.lines} lignes pour {self.budget} permises."
            )
        elif self.target.limit != self.source.limit:
            said += f" Nouvelle limite : {self.target.limit_label}."
        return said


@dataclass(frozen=True)
class EditionMove:
    dossier: Dossier
    source: Call
    target: Call
    rubrics: tuple[RubricFate, ...]
    notes: tuple[str, ...]  # French: other values the new edition does not know

    @property
    def over_limits(self) -> tuple[RubricFate, ...]:
        return tuple(r for r in self.rubrics if r.over)

    @property
    def set_aside(self) -> tuple[RubricFate, ...]:
        return tuple(r for r in self.rubrics if r.fate == "mis_de_cote")


def _has_text(dossier: Dossier, rubric_id: str) -> bool:
    return bool(dossier.rubric_text(rubric_id).strip())


def plan_move(dossier: Dossier, source: Call, target: Call, measure: Measure) -> EditionMove:
    """What moving `dossier` (of the edition `source`) to `target` does; changes nothing."""
    fates: list[RubricFate] = []
    taken: set[str] = set()
    for rubric in target.rubrics:
        origin = next(
            (
                source.rubric(rid)
                for rid in (rubric.id, *rubric.replaces)
                if rid in source.rubric_ids and rid not in taken and _has_text(dossier, rid)
            ),
            None,
        )
        if origin is None:
            known = any(rid in source.rubric_ids for rid in (rubric.id, *rubric.replaces))
            fates.append(RubricFate("vide" if known else "nouvelle", None, rubric, ""))
            continue
        taken.add(origin.id)
        text = dossier.rubric_text(origin.id)
        measured = measure(rubric, text)
        lines, budget = measured if measured is not None else (None, None)
        fate: Fate = "garde" if origin.id == rubric.id else "deplace"
        fates.append(RubricFate(fate, origin, rubric, text, lines, budget))
    for rubric in source.rubrics:
        if rubric.id not in taken and _has_text(dossier, rubric.id):
            fates.append(RubricFate("mis_de_cote", rubric, None, dossier.rubric_text(rubric.id)))
    return EditionMove(dossier, source, target, tuple(fates), _notes(dossier, target))


def _notes(dossier: Dossier, target: Call) -> tuple[str, ...]:
    notes = []
    if dossier.structure.legal_form and target.legal_form(dossier.structure.legal_form) is None:
        notes.append(
            "La forme juridique choisie n'existe pas dans cette édition : choisissez-la de "
            "nouveau (page Structure porteuse)."
        )
    if dossier.maturity and target.maturity_label(dossier.maturity) is None:
        notes.append("Le stade de maturité choisi n'existe pas dans cette édition.")
    return tuple(notes)


def moved_dossier(move: EditionMove) -> Dossier:
    """The dossier in the new edition: texts kept or moved, the others set aside."""
    old = move.dossier
    rubrics: dict[str, str] = {}
    done: list[str] = []
    set_aside = list(old.set_aside)
    for item in move.rubrics:
        if item.target is not None and item.source is not None:
            rubrics[item.target.id] = item.text
            if item.source.id in old.completed_rubrics and not item.over:
                done.append(item.target.id)
        elif item.source is not None:
            set_aside.append(
                SetAsideText(
                    call_id=move.source.id,
                    rubric_id=item.source.id,
                    label=item.source.short_fr,
                    text=item.text,
                )
            )
    # Rubrics of other editions already in the dossier (never shown): set aside as well.
    known = set(move.source.rubric_ids)
    for rubric_id, text in old.rubrics.items():
        if rubric_id not in known and rubric_id not in rubrics and text.strip():
            set_aside.append(
                SetAsideText(call_id=old.call_id, rubric_id=rubric_id, label=rubric_id, text=text)
            )
    moved = old.model_copy(deep=True)
    moved.call_id = move.target.id
    moved.rubrics = rubrics
    moved.completed_rubrics = done
    moved.set_aside = set_aside
    return moved
