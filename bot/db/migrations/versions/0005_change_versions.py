"""changes.film_version: the film's version a change produced

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 16:30:00.000000

One moderator change writes a history row per field it changed; the rows of one change share
the film's version it produced, so the history numbers a change as a whole and `!review undo`
reverts it as a whole. Rows written before this revision keep NULL: each is an entry of its own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN of a nullable column: no batch, no table rebuild on SQLite.
    op.add_column("changes", sa.Column("film_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("changes", "film_version")  # plain, as 0003 (SQLite 3.35+)
