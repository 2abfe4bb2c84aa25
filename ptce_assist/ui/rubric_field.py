"""A rubric's text on its page: the live-counter editor bound to the open dossier.

The editor is a bound field (see `bound`): it sends the text while the person types; the
change callback saves it (before the page runs, so the sidebar and the coach see the new
text) through the dossier service, only if the stored text is still the one the person
edited. A failed save keeps the text in the browser, which sends it again.
"""

from __future__ import annotations

from functools import partial

from ptce_assist.call import Rubric
from ptce_assist.ui import bound
from ptce_assist.ui.context import OpenDossier
from ptce_assist.ui.rubric_editor import rubric_editor
from ptce_assist.volumes import allowed_lines, effective_preset

LABEL = "Votre texte"


def rubric_path(rubric_id: str) -> str:
    return f"rubrics.{rubric_id}"


def rubric_text_editor(
    open_dossier: OpenDossier, rubric: Rubric, *, readonly: bool = False
) -> None:
    path = rubric_path(rubric.id)
    preset_id = effective_preset(open_dossier.dossier)
    rubric_editor(
        key=bound.widget_key(path),
        sync=bound.field_data(open_dossier, path, readonly=readonly),
        budget_lines=allowed_lines(rubric, preset_id),
        preset_id=preset_id,
        label=LABEL,
        on_change=partial(bound.on_change, path),
    )
    bound.feedback(path)
