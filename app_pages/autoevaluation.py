"""Auto-évaluation: the edition's selection criteria scored 0–3 by the candidate and by an
adviser."""

from __future__ import annotations

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


def scores(item: CriterionAssessment) -> None:
    base = "diagnostic.self_assessment"
    mine, theirs = st.columns(2)
    with mine:
        fields.select(
            opened,
            f"{base}.candidate.{item.id}.score",
            f"Note du candidat — {item.short}",
            list(SCORE_LABELS),
            lambda score: SCORE_LABELS.get(score, "Note non reconnue"),
        )
        fields.text_input(opened, f"{base}.candidate.{item.id}.comment", "Commentaire du candidat")
    with theirs:
        if is_adviser:
            fields.select(
                opened,
                f"{base}.adviser.{item.id}.score",
                f"Note du conseiller — {item.short}",
                list(SCORE_LABELS),
                lambda score: SCORE_LABELS.get(score, "Note non reconnue"),
            )
            fields.text_input(
                opened, f"{base}.adviser.{item.id}.comment", "Commentaire du conseiller"
            )
        else:
            given = SCORE_LABELS.get(str(item.adviser), "pas encore noté")
            st.markdown(f"**Conseiller** : {md_escape(given)}")
            if item.adviser_comment:
                st.caption(md_escape(item.adviser_comment))


st.title("Auto-évaluation")
st.caption(
    f"{selection_summary(call)} Notez chacun de 0 (absent du "
    "dossier) à 3 (solide et étayé) ; la conseillère ou le conseiller note de son côté."
)

st.subheader("Vue d'ensemble")
blocks = call.selection_blocks
for column, block in zip(st.columns(len(blocks)), blocks, strict=True):
    with column:
        st.markdown(f"**{md_escape(block.label)}**")
        st.caption(
            f"Moyenne {CANDIDATE_FR.lower()} : "
            f"{mean_text(block_mean(items, block.id, adviser=False))} · "
            f"{ADVISER_FR.lower()} : {mean_text(block_mean(items, block.id, adviser=True))}"
        )
        st.vega_lite_chart(chart_spec(items, block.id), width="stretch")

st.subheader("Les plus faibles d'abord")
for item in weakest(items):
    given = " · ".join(
        f"{who} : {score}/3"
        for who, score in ((CANDIDATE_FR, item.candidate), (ADVISER_FR, item.adviser))
        if score is not None
    )
    st.markdown(f"**{md_escape(item.short)}**" + (f" ({given})" if given else ""))
    st.caption(md_escape(item.advice))

for block in blocks:
    st.header(block.label)
    for item in (i for i in items if i.block == block.id):
        with st.container(border=True):
            st.markdown(f"**{md_escape(item.short)}**")
            st.caption(f"« {md_escape(item.text)} »")
            for rule in item.rules:
                if rule.found:
                    where = ", ".join(dict.fromkeys(f.where for f in rule.findings))
                    st.markdown(
                        f":material/check: {md_escape(rule.rule.found_fr)} ({md_escape(where)})"
                    )
                else:
                    st.markdown(f":material/add_circle: {md_escape(rule.rule.advice_fr)}")
            scores(item)
