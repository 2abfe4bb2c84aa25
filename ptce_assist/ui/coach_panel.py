"""The writing coach beside a rubric's editor: findings and the call's checklist.

User text is never rendered as HTML: excerpts go through `st.text` or `md_escape`.
"""

from __future__ import annotations

import streamlit as st

from ptce_assist.call import current_call_id, load_call
from ptce_assist.coach.report import CoachResult, coach_text
from ptce_assist.ui.context import PAGE_PREFIX, current_stored
from ptce_assist.ui.safe import md_escape

PANEL_TITLE = "Conseils de rédaction"


def _earlier_texts(rubric_id: str) -> tuple[tuple[str, ...], str]:
    """The texts of the rubrics before this one (acronyms they spell out count), and the call."""
    stored = current_stored()
    if stored is None:
        return (), current_call_id()
    dossier = stored.dossier
    ids = load_call(dossier.call_id).rubric_ids
    before = ids[: ids.index(rubric_id)] if rubric_id in ids else ()
    texts = tuple(t for r in before if (t := dossier.rubric_text(r)).strip())
    return texts, dossier.call_id


def opens_with(rubric_id: str, text: str) -> bool:
    """Whether the panel is open: as decided when the page was opened (open on a written
    text), never changed by a run that the person's typing caused. A panel opening by itself
    as the first letters are saved pushes what is below it (« Rubrique suivante → ») away
    from the person's pointer. Page-scoped keys are forgotten when another page is shown."""
    key = f"{PAGE_PREFIX}coach-open:{rubric_id}"
    if key not in st.session_state:
        st.session_state[key] = bool(text.strip())
    return bool(st.session_state[key])


def coach_panel(rubric_id: str, text: str) -> None:
    earlier, call_id = _earlier_texts(rubric_id)
    result = coach_text(rubric_id, text, earlier_texts=earlier, call_id=call_id)
    expanded = opens_with(rubric_id, text)
    with st.expander(PANEL_TITLE, expanded=expanded, icon=":material/school:"):
        _checklist(result)
        if not text.strip():
            st.caption("Écrivez votre texte : les conseils de lisibilité apparaîtront ici.")
            return
        _figures(result)
        _long_sentences(result)
        _findings(result)


def _checklist(result: CoachResult) -> None:
    # One Markdown element for the list (and one per group of findings below): each element
    # is a message sent and drawn again on every run the person's typing causes.
    if not result.coverage:
        return
    lines = ["**Ce que l'appel attend dans cette rubrique**"]
    for item in result.coverage:
        label = md_escape(item.label)
        if item.met:
            found = md_escape(item.evidence or "")
            lines.append(f":material/check_box: {label} — repéré : « {found} »")
        else:
            optional = " (le cas échéant)" if item.optional else ""
            lines.append(
                f":material/check_box_outline_blank: **{label}**{optional} — l'appel : "
                f"« {md_escape(item.quote)} »"
            )
    st.markdown("  \n".join(lines))


def _figures(result: CoachResult) -> None:
    left, middle, right = st.columns(3)
    score = result.readability.score
    left.metric(
        "Lisibilité",
        "—" if score is None else f"{score:.0f}".replace(".", ","),
        help="Indice de Flesch adapté au français (Kandel et Moles) : de 0 (très difficile) "
        "à 100 (très facile). Un dossier administratif se situe souvent entre 30 et 50.",
    )
    left.caption(result.readability.band)
    middle.metric(
        "Mots par phrase (moyenne)",
        f"{result.average_sentence_words:.1f}".replace(".", ","),
        help=f"Repère : {result.target_average_words} mots par phrase au plus, en moyenne.",
    )
    right.metric("Phrases", result.sentences)


def _long_sentences(result: CoachResult) -> None:
    if not result.long_sentences:
        return
    st.markdown("**Phrases les plus longues** : coupez-les en deux ou trois.")
    for sentence in result.long_sentences:
        st.caption(f"{sentence.words} mots")
        st.text(sentence.text)


def _findings(result: CoachResult) -> None:
    groups = [
        ("Sigles à développer", [a.message for a in result.acronyms]),
        ("Tournures à alléger", [p.message for p in result.wordy_phrases]),
        ("Répétitions", [r.message for r in result.repeated_words]),
    ]
    for title, messages in groups:
        if messages:
            st.markdown(f"**{title}**\n" + "".join(f"\n- {md_escape(m)}" for m in messages))
    if not any(messages for _, messages in groups):
        st.caption("Aucun sigle à développer, aucune tournure lourde ni répétition repérée.")
