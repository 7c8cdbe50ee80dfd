"""films.cast_complete: whether a film's cast list is complete

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:00.000000

A film's cast is complete when a review record gave it (the site's cast list). An upgraded
database has no record to ask, so: complete for films with a current (not deleted) review
and at least one actor credit, partial for the rest (catalogue films).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch: on SQLite a batch with an expression default rebuilds
    # the table, and dropping the old films table would cascade to credits, reviews...
    op.add_column(
        "films",
        sa.Column("cast_complete", sa.Boolean(), server_default=sa.false(), nullable=False),
    )

    films = sa.table("films", sa.column("id", sa.Integer), sa.column("cast_complete", sa.Boolean))
    reviews = sa.table(
        "reviews",
        sa.column("film_id", sa.Integer),
        sa.column("deleted_at", sa.DateTime(timezone=True)),
    )
    credits = sa.table("credits", sa.column("film_id", sa.Integer), sa.column("role", sa.String))
    reviewed = sa.exists().where(reviews.c.film_id == films.c.id, reviews.c.deleted_at.is_(None))
    has_actors = sa.exists().where(credits.c.film_id == films.c.id, credits.c.role == "actor")
    op.execute(films.update().where(reviewed, has_actors).values(cast_complete=sa.true()))


def downgrade() -> None:
    op.drop_column("films", "cast_complete")  # plain, for the same reason (SQLite 3.35+)
