"""The app's database, shared by every session of the server process."""

from __future__ import annotations

import streamlit as st

from ptce_assist.services import DossierService
from ptce_assist.storage import DossierStore, make_engine


@st.cache_resource(show_spinner=False)
def get_store() -> DossierStore:
    return DossierStore(make_engine())


def get_service() -> DossierService:
    return DossierService(get_store())
