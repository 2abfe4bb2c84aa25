"""Team writing (issue 18): the history of every field (rubrics, identity, budget) with who
saved it, who has a dossier open, and the links replaced by a new one.

`rubric_history` becomes `field_history`: each row keeps its text, times and seal, under the
path of its rubric ("rubrics.<id>") and an unknown author (""), so no version is lost.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _dossier_id() -> sa.Column[int]:
    return sa.Column(
        "dossier_id", sa.Integer, sa.ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "field_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _dossier_id(),
        sa.Column("path", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("saved_at", TZ, nullable=False),
        sa.Column("sealed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_field_history_lookup", "field_history", ["dossier_id", "path"])
    op.execute(
        "INSERT INTO field_history (dossier_id, path, value, author, started_at, saved_at, sealed)"
        " SELECT dossier_id, 'rubrics.' || rubric_id, text, '', started_at, saved_at, sealed"
        " FROM rubric_history ORDER BY id"
    )
    op.drop_index("ix_rubric_history_lookup", table_name="rubric_history")
    op.drop_table("rubric_history")
    op.create_table(
        "presence",
        sa.Column("session_key", sa.String(64), primary_key=True),
        _dossier_id(),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("place", sa.String(64), nullable=False),
        sa.Column("seen_at", TZ, nullable=False),
    )
    op.create_index("ix_presence_dossier", "presence", ["dossier_id", "seen_at"])
    op.create_table(
        "replaced_links",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        _dossier_id(),
        sa.Column("replaced_at", TZ, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("replaced_links")
    op.drop_table("presence")
    op.create_table(
        "rubric_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _dossier_id(),
        sa.Column("rubric_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("saved_at", TZ, nullable=False),
        sa.Column("sealed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_rubric_history_lookup", "rubric_history", ["dossier_id", "rubric_id"])
    op.execute(
        "INSERT INTO rubric_history (dossier_id, rubric_id, text, started_at, saved_at, sealed)"
        " SELECT dossier_id, substr(path, 9), value, started_at, saved_at, sealed"
        " FROM field_history WHERE path LIKE 'rubrics.%' ORDER BY id"
    )
    op.drop_table("field_history")
