"""The baseline of bench/interaction.py: the same kinds of action on a trivial Streamlit app
(a text input, a text area, a table editor, three pages), measured in the same run.

    streamlit run bench/trivial_app.py
"""

from __future__ import annotations

import pandas as pd
import streamlit as st


def home() -> None:
    st.title("Accueil")
    st.text_input("Champ", key="field")
    st.text_area("Zone de texte", key="area", height=200)
    st.data_editor(
        pd.DataFrame({"Nom": ["", ""], "Montant": ["", ""]}), key="table", num_rows="dynamic"
    )


def first() -> None:
    st.title("Première page")
    st.write("Une page.")


def second() -> None:
    st.title("Deuxième page")
    st.write("Une autre page.")


st.navigation(
    [
        st.Page(home, title="Accueil", default=True),
        st.Page(first, title="Première", url_path="premiere"),
        st.Page(second, title="Deuxième", url_path="deuxieme"),
    ]
).run()
