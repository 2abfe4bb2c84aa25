"""Alembic migrations of the database (see `ptce_assist.storage.migrate`)."""
