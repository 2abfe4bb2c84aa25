"""Index the brake's rows by their last attempt: with one row per address and per target
(issue 17), the cleanup that runs with every attempt must not scan the whole table.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_login_attempts_last_attempt_at", "login_attempts", ["last_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_login_attempts_last_attempt_at", table_name="login_attempts")
