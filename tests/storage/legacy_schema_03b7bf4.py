"""The tables exactly as main at 03b7bf4 created them (`create_all`, before migrations).

A frozen copy: tests/storage/test_migrations.py builds a database of that version from it and
upgrades it. Never edit it (beyond this docstring).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

dossiers = Table(
    "dossiers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # SHA-256 of the access token: a copy of the database does not give the links away.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# --- workshops (issue 7) -----------------------------------------------------------------------

workshops = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("region", String(8), nullable=False),
    # Short code candidates type to join; low privilege (joining only shows one's own dossier
    # to the adviser), kept readable so the adviser can display it again.
    Column("join_code", String(16), nullable=False, unique=True),
    # SHA-256 of the adviser's private link token (the token itself is shown once).
    Column("adviser_token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("join_until", DateTime(timezone=True), nullable=False),
    Column("adviser_until", DateTime(timezone=True), nullable=False),
)

# The dates of the workshop's meetings ("séances"): "what changed since the last workshop".
workshop_dates = Table(
    "workshop_dates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), nullable=False),
    Column("day", Date, nullable=False),
    UniqueConstraint("workshop_id", "day", name="uq_workshop_dates_day"),
)

workshop_members = Table(
    "workshop_members",
    metadata,
    Column(
        "workshop_id", Integer, ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("dossier_id", Integer, ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True),
    Column("joined_at", DateTime(timezone=True), nullable=False),
)
Index("ix_workshop_members_dossier", workshop_members.c.dossier_id)

# Adviser comments: kept out of the dossier JSON, so they can never reach the DOCX.
comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False),
    Column("workshop_id", Integer, ForeignKey("workshops.id", ondelete="SET NULL"), nullable=True),
    Column("target_kind", String(16), nullable=False),  # "rubric" | "criterion"
    Column("target_id", String(64), nullable=False),
    Column("author", String(120), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
)
Index("ix_comments_dossier", comments.c.dossier_id)

# Earlier versions of each rubric, coalesced (see storage/history.py).
rubric_history = Table(
    "rubric_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False),
    Column("rubric_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("sealed", Boolean, nullable=False, default=False),
)
Index("ix_rubric_history_lookup", rubric_history.c.dossier_id, rubric_history.c.rubric_id)

# Failed passphrase / join-code attempts, shared by every server process (brute-force brake).
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_attempt_at", DateTime(timezone=True), nullable=False),
    Column("blocked_until", DateTime(timezone=True), nullable=False),
)
