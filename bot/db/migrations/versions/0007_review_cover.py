"""review cover: the review's cover image on the site (reviews.cover_url)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 17:55:00.000000

A post on the site has a featured image; the cards show it as their thumbnail. One nullable
column: existing reviews have no cover until a sync or an edit gives them one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("cover_url", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("cover_url")
