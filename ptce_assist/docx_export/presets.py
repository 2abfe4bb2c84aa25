"""Which layout preset an export uses."""

from __future__ import annotations

from ptce_assist.dossier import Dossier
from ptce_assist.layout.presets import PRESETS
from ptce_assist.volumes import effective_preset


class UnknownLayout(ValueError):
    """A layout name that is not a preset; the message is for the user, in French."""


def export_preset_id(dossier: Dossier, layout: str | None = None) -> str:
    """`layout` if given (it must be a preset), else the dossier's, else the default."""
    if layout is not None:
        if layout not in PRESETS:
            known = ", ".join(PRESETS)
            raise UnknownLayout(f"Mise en page inconnue : « {layout} » (connues : {known}).")
        return layout
    return effective_preset(dossier)
