"""meta: facts about the database itself (whether the shipped data/ was loaded)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 10:00:00.000000

Before this, a start loaded data/ when the films table was empty, so a database that already
has films is taken to have had its data/ (loading it again would let the shipped records
overwrite what moderators changed since). An empty database gets no row: the next start (or
import) loads data/.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    films = sa.table("films", sa.column("id", sa.Integer))
    has_films = op.get_bind().execute(sa.select(sa.exists().where(films.c.id.isnot(None))))
    if has_films.scalar():
        op.bulk_insert(
            meta, [{"key": "data_loaded", "value": "before revision 0004 (the films were there)"}]
        )


def downgrade() -> None:
    op.drop_table("meta")
