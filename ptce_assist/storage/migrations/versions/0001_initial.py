"""The tables as created by `create_all` before migrations existed (main at 03b7bf4).

A database made by that version has these tables and no `alembic_version`: `migrate` stamps it
at this revision, then upgrades it.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("region", sa.String(8), nullable=False),
        sa.Column("join_code", sa.String(16), nullable=False, unique=True),
        sa.Column("adviser_token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("join_until", TZ, nullable=False),
        sa.Column("adviser_until", TZ, nullable=False),
    )
    op.create_table(
        "workshop_dates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.UniqueConstraint("workshop_id", "day", name="uq_workshop_dates_day"),
    )
    op.create_table(
        "workshop_members",
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "dossier_id",
            sa.Integer,
            sa.ForeignKey("dossiers.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("joined_at", TZ, nullable=False),
    )
    op.create_index("ix_workshop_members_dossier", "workshop_members", ["dossier_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "dossier_id",
            sa.Integer,
            sa.ForeignKey("dossiers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("target_kind", sa.String(16), nullable=False),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("resolved_at", TZ, nullable=True),
    )
    op.create_index("ix_comments_dossier", "comments", ["dossier_id"])
    op.create_table(
        "rubric_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "dossier_id",
            sa.Integer,
            sa.ForeignKey("dossiers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("rubric_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("saved_at", TZ, nullable=False),
        sa.Column("sealed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_rubric_history_lookup", "rubric_history", ["dossier_id", "rubric_id"])
    op.create_table(
        "login_attempts",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_attempt_at", TZ, nullable=False),
        sa.Column("blocked_until", TZ, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "login_attempts",
        "rubric_history",
        "comments",
        "workshop_members",
        "workshop_dates",
        "workshops",
        "dossiers",
    ):
        op.drop_table(table)
