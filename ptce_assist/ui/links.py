"""The shareable link of the open dossier."""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from ptce_assist.ui.context import TOKEN_PARAM, current_token


def dossier_link() -> str:
    token = current_token() or ""
    try:
        url = st.context.url or ""
    except AttributeError:  # older Streamlit, or AppTest
        url = ""
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return f"{base}/?{TOKEN_PARAM}={token}"
