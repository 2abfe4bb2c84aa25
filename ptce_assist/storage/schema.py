"""Tables, as the current code expects them.

Every change here comes with a migration in `storage/migrations/versions/` that brings an
existing database to it (tests/storage/test_migrations.py checks that the migrations and this
file describe the same schema, on SQLite and PostgreSQL).
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

# Earlier versions of each tracked field (every rubric, the identity fields, the budget),
# coalesced, with who wrote them (see storage/history.py).
field_history = Table(
    "field_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False),
    Column("path", String(64), nullable=False),  # "rubrics.gouvernance", "project.name", "budget"
    Column("value", Text, nullable=False),  # the text; JSON for the budget
    Column("author", String(120), nullable=False, default=""),  # a first name, "" if none given
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("sealed", Boolean, nullable=False, default=False),
)
Index("ix_field_history_lookup", field_history.c.dossier_id, field_history.c.path)

# Failed passphrase / join-code attempts, shared by every server process (brute-force brake).
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_attempt_at", DateTime(timezone=True), nullable=False),
    Column("blocked_until", DateTime(timezone=True), nullable=False),
)
Index("ix_login_attempts_last_attempt_at", login_attempts.c.last_attempt_at)

# Who has a dossier open, and where (refreshed by each open page; gone after a minute).
presence = Table(
    "presence",
    metadata,
    Column("session_key", String(64), primary_key=True),  # one browser session (random)
    Column("dossier_id", Integer, ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(120), nullable=False),  # the first name the member gave ("" if none)
    Column("place", String(64), nullable=False),  # the page's url path ("gouvernance")
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
Index("ix_presence_dossier", presence.c.dossier_id, presence.c.seen_at)

# Links replaced by a new one: whoever comes with an old link is told, not just refused.
replaced_links = Table(
    "replaced_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("dossier_id", Integer, ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False),
    Column("replaced_at", DateTime(timezone=True), nullable=False),
)
