"""The `store_url` fixture gives an empty, private database each time."""

from __future__ import annotations

from sqlalchemy import inspect

from ptce_assist.storage import DossierStore, make_engine


def test_store_url_is_fresh_and_usable(store_url: str) -> None:
    engine = make_engine(store_url)
    try:
        assert inspect(engine).get_table_names() == []
        store = DossierStore(engine)
        token, stored = store.create()
        loaded = store.load(token)
        assert loaded is not None and loaded.id == stored.id
        assert "dossiers" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
