"""Auto-évaluation: the edition's selection criteria scored 0–3 by the candidate and by an
adviser."""

from __future__ import annotations

from typing import Literal

import streamlit as st

from ptce_assist.call_wording import selection_summary
from ptce_assist.eligibility.answers import SCORE_LABELS
from ptce_assist.eligibility.selfassessment import (
    ADVISER_FR,
    CANDIDATE_FR,
    CriterionAssessment,
    assessment,
    block_mean,
    chart_spec,
    weakest,
)
from ptce_assist.ui import fields
from ptce_assist.ui.context import call_of, require_open
from ptce_assist.ui.roles import advises_dossier
from ptce_assist.ui.safe import md_escape

opened = require_open()
dossier = opened.dossier
call = call_of(dossier)
items = assessment(dossier, call)
is_adviser = advises_dossier(opened.id)


def mean_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def criterion_text(item: CriterionAssessment) -> str:
    """The criterion in one Markdown element: its name, the call's sentence, what the dossier
    shows or lacks for it, and (for the candidate) the adviser's score and comment. One
    element rather than one per line: the page draws twelve criteria, and each element is a
    message the browser draws on every visit."""
    lines = [f"**{md_escape(item.short)}**", f":small[:gray[« {md_escape(item.text)} »]]"]
    for rule in item.rules:
        if rule.found:
            where = ", ".join(dict.fromkeys(f.where for f in rule.findings))
            lines.append(f":material/check: {md_escape(rule.rule.found_fr)} ({md_escape(where)})")
        else:
            lines.append(f":material/add_circle: {md_escape(rule.rule.advice_fr)}")
    if not is_adviser:
        given = SCORE_LABELS.get(str(item.adviser), "pas encore noté")
        lines.append(f"**Conseiller** : {md_escape(given)}")
        if item.adviser_comment:
            lines.append(md_escape(item.adviser_comment))
    return "  \n".join(lines)


def score_fields(item: CriterionAssessment, who: Literal["candidate", "adviser"]) -> None:
    """The score and comment of `who` ("candidate" or "adviser") for a criterion."""
    base = f"diagnostic.self_assessment.{who}.{item.id}"
    name = "candidat" if who == "candidate" else "conseiller"
    fields.select(
        opened,
        f"{base}.score",
        f"Note du {name} — {item.short}",
        list(SCORE_LABELS),
        lambda score: SCORE_LABELS.get(score, "Note non reconnue"),
    )
    fields.text_input(opened, f"{base}.comment", f"Commentaire du {name}")


st.title("Auto-évaluation")
st.caption(
    f"{selection_summary(call)} Notez chacun de 0 (absent du "
    "dossier) à 3 (solide et étayé) ; la conseillère ou le conseiller note de son côté."
)

st.subheader("Vue d'ensemble")
blocks = call.selection_blocks
for column, block in zip(st.columns(len(blocks)), blocks, strict=True):
    with column:
        st.markdown(
            f"**{md_escape(block.label)}**  \n:small[:gray["
            f"Moyenne {CANDIDATE_FR.lower()} : "
            f"{mean_text(block_mean(items, block.id, adviser=False))} · "
            f"{ADVISER_FR.lower()} : {mean_text(block_mean(items, block.id, adviser=True))}]]"
        )
        st.vega_lite_chart(chart_spec(items, block.id), width="stretch")

st.subheader("Les plus faibles d'abord")
for item in weakest(items):
    given = " · ".join(
        f"{who} : {score}/3"
        for who, score in ((CANDIDATE_FR, item.candidate), (ADVISER_FR, item.adviser))
        if score is not None
    )
    named = f"**{md_escape(item.short)}**" + (f" ({given})" if given else "")
    st.markdown(f"{named} — {md_escape(item.advice)}")

for block in blocks:
    st.header(block.label)
    for item in (i for i in items if i.block == block.id):
        with st.container(border=True):
            st.markdown(criterion_text(item))
            if is_adviser:  # both scores side by side; the candidate's own page has one
                mine, theirs = st.columns(2)
                with mine:
                    score_fields(item, "candidate")
                with theirs:
                    score_fields(item, "adviser")
            else:
                score_fields(item, "candidate")
