"""Créer un atelier: an adviser, with the administrator passphrase, gets a join code for the
candidates and a private link to the workshop's dashboard (shown once)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ptce_assist.regions import REGIONS, region_name
from ptce_assist.ui.dates import date_field
from ptce_assist.ui.roles import adviser_link, become_adviser, client_id, get_workshops
from ptce_assist.ui.safe import md_escape
from ptce_assist.workshops.access import (
    CreationDisabled,
    PassphraseRefused,
    Slowed,
    WorkshopInputError,
)
from ptce_assist.workshops.codes import format_join_code

CREATED_KEY = "created_workshop"

service = get_workshops()

st.title("Créer un atelier")
st.markdown(
    "Réservé aux conseillères et conseillers CRESS. Un atelier réunit plusieurs équipes "
    "candidates : chacune le rejoint avec un **code**, et vous suivez leurs dossiers dans un "
    "**tableau de bord** ouvert par un lien privé. La création demande la **phrase secrète "
    "d'administration** de ce serveur."
)

created = st.session_state.get(CREATED_KEY)
if created:
    name, code, token = created
    st.success(f"L'atelier « {md_escape(name)} » est créé.")
    st.markdown("**Code à donner aux équipes** (page « Rejoindre un atelier ») :")
    st.code(format_join_code(code), language=None)
    st.markdown("**Votre lien privé vers le tableau de bord** :")
    st.code(adviser_link(token), language=None)
    st.warning(
        "Copiez ce lien maintenant et gardez-le pour vous : il ne sera plus affiché. "
        "Toute personne qui le possède voit les dossiers des équipes de l'atelier."
    )
    st.page_link(
        "app_pages/tableau_de_bord.py",
        label="Ouvrir le tableau de bord →",
        icon=":material/dashboard:",
        query_params={"a": token},
    )
    if st.button("Créer un autre atelier"):
        st.session_state.pop(CREATED_KEY, None)
        st.rerun()
    st.stop()

if service.passphrase_hash is None:
    st.warning(str(CreationDisabled()))
    st.stop()

with st.form("create_workshop"):
    name = st.text_input("Nom de l'atelier", max_chars=200, key="workshop_name")
    region = st.selectbox(
        "Région",
        ["", *(r.code for r in REGIONS)],
        format_func=lambda code: region_name(code) if code else "— À choisir —",
        key="workshop_region",
    )
    today = dt.date.today()
    first = date_field("Date de la première séance", value=today, key="workshop_first")
    last = date_field("Date de la dernière séance (facultatif)", key="workshop_last")
    passphrase = st.text_input(
        "Phrase secrète d'administration", type="password", key="workshop_passphrase"
    )
    submitted = st.form_submit_button("Créer l'atelier", type="primary")

if submitted:
    days = [d for d in (first, last) if isinstance(d, dt.date)]
    try:
        result = service.create_workshop(
            passphrase=passphrase,
            client=client_id(),
            name=name,
            region=region,
            days=days,
        )
    except (WorkshopInputError, PassphraseRefused, Slowed, CreationDisabled) as error:
        st.error(str(error))
    else:
        become_adviser(result.adviser_token)
        st.session_state[CREATED_KEY] = (
            result.workshop.name,
            result.workshop.join_code,
            result.adviser_token,
        )
        st.rerun()
