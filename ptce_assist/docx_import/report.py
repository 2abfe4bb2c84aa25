"""What the candidate is told about an import: French remarks, and whether the file looks
like a dossier at all (meeting minutes name "Gouvernance" or "Financement" too)."""

from __future__ import annotations

from collections import Counter

from ptce_assist.call import Call
from ptce_assist.docx_import.assemble import Collected
from ptce_assist.docx_import.matching import NEAR_EXACT
from ptce_assist.docx_import.reader import ReadDocument
from ptce_assist.docx_import.result import Leftover

MIN_RUBRICS = 4  # rubric headings that make a dossier even when written in a few words
MIN_EXACT = 2  # headings copied from Annexe 1 (near word for word) that make a dossier
MIN_IDENTITY = 2  # identity fields of Annexe 1 that make a dossier


def dossier_check(collected: Collected, call: Call) -> str:
    """ "" when the file looks like a dossier; else why not, in French."""
    found = collected.found
    exact = sum(1 for score in found.values() if score >= NEAR_EXACT)
    if (
        exact >= MIN_EXACT
        or len(found) >= MIN_RUBRICS
        or len(collected.identity) >= MIN_IDENTITY
        or collected.template_lines
    ):
        return ""
    names = ", ".join(f"« {r.short_fr} »" for r in call.rubrics if r.id in found)
    if not found:
        seen = f"aucun intitulé de rubrique de {call.template_fr} n'y a été trouvé"
    elif len(found) == 1:
        seen = f"un seul intitulé de rubrique y a été trouvé ({names})"
    else:
        seen = f"{len(found)} intitulés de rubrique seulement y ont été trouvés ({names})"
    return (
        f"Ce document ne ressemble pas à un dossier de candidature : {seen}, sur "
        f"{len(call.rubrics)}, sans les champs d'identité de {call.template_fr}. S'agit-il d'un "
        "autre document (compte rendu, courrier…) ?"
    )


def import_notes(
    collected: Collected,
    document: ReadDocument,
    leftovers: tuple[Leftover, ...],
    rubrics: dict[str, str],
    call: Call,
) -> list[str]:
    names = {r.id: f"« {r.short_fr} »" for r in call.rubrics}
    notes = [f"Rubriques reconnues avec du texte : {len(rubrics)} sur {len(call.rubrics)}."]
    empty = [r.id for r in call.rubrics if r.id in collected.found and r.id not in rubrics]
    if empty:
        notes.append(
            "Rubriques présentes mais vides dans le document (votre texte actuel est "
            "conservé) : " + ", ".join(names[r] for r in empty) + "."
        )
    absent = [r.id for r in call.rubrics if r.id not in collected.found]
    if absent:
        notes.append(
            "Rubriques introuvables dans le document (votre texte actuel est conservé) : "
            + ", ".join(names[r] for r in absent)
            + "."
        )
    for rubric_id in sorted(collected.repeated):
        notes.append(
            f"La rubrique {names[rubric_id]} apparaît plusieurs fois : ses parties ont été "
            "mises bout à bout."
        )
    for rubric_id in sorted(collected.tables_flattened):
        notes.append(
            f"Un tableau de la rubrique {names[rubric_id]} a été converti en lignes de texte "
            "(cellules séparées par « | »)."
        )
    notes.extend(_set_aside_notes(leftovers))
    if collected.empty_labels:
        notes.append(
            "Champs d'identité laissés vides dans le document : "
            + ", ".join(f"« {label} »" for label in collected.empty_labels)
            + "."
        )
    if document.skipped["objets"]:
        notes.append(
            "Les images et zones de texte du document n'ont pas été reprises "
            f"({document.skipped['objets']})."
        )
    if document.skipped["notes"]:
        notes.append("Les notes de bas de page n'ont pas été reprises.")
    if document.headers_footers:
        notes.append("Les en-têtes et pieds de page du document n'ont pas été repris.")
    return notes


def _set_aside_notes(leftovers: tuple[Leftover, ...]) -> list[str]:
    kinds = Counter(leftover.kind for leftover in leftovers)
    notes: list[str] = []
    removed = [
        (
            kinds["modele"],
            "ligne(s) du modèle (phrase de l'appel, limite recopiée, texte à compléter)",
        ),
        (kinds["sommaire"], "sommaire"),
        (kinds["signature"], "formule de fin et signature"),
    ]
    listed = [
        f"{what} ({count})" if what != "sommaire" or count > 1 else what
        for count, what in removed
        if count
    ]
    if listed:
        notes.append(
            "Retiré du texte des rubriques, et montré dans « Laissé de côté » : "
            + ", ".join(listed)
            + "."
        )
    if kinds["note"]:
        notes.append(
            f"{kinds['note']} passage(s) surligné(s) ou commenté(s) : « note interne ? ». "
            "Une phrase entière est laissée de côté, quelques mots dans une phrase restent "
            "dans le texte ; décidez pour chacun dans « Laissé de côté »."
        )
    if kinds["section"]:
        notes.append(
            f"{kinds['section']} passage(s) hors rubrique laissé(s) de côté : vous pouvez "
            "envoyer chacun dans une rubrique."
        )
    if kinds["doublon"]:
        notes.append(
            "Un champ d'identité est écrit deux fois avec des valeurs différentes : la "
            "première est reprise, la seconde est dans « Laissé de côté »."
        )
    return notes
