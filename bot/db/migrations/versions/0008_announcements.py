"""announcements: each server's announce channel, and the reviews announced there

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 18:00:00.000000

`!announce #channel` sets guild_settings.announce_channel_id (and announce_after_review, the
last review's id then: only reviews added after it are announced). The announcements table
holds one row per review and server, inserted before the card is posted: its unique
constraint makes the review posted once, whichever process found it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("guild_settings") as batch:
        batch.add_column(sa.Column("announce_channel_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("announce_after_review", sa.Integer(), nullable=True))
    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_announcements_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcements")),
        sa.UniqueConstraint("review_id", "guild_id", name=op.f("uq_announcements_review_id")),
    )


def downgrade() -> None:
    op.drop_table("announcements")
    with op.batch_alter_table("guild_settings") as batch:
        batch.drop_column("announce_after_review")
        batch.drop_column("announce_channel_id")
