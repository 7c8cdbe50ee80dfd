"""person_aliases: other spellings that find a person (a misspelt person merged into them)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 16:45:00.000000

`!person merge Nicholas Cage into Nicolas Cage` deletes the misspelt person and keeps the
spelling as an alias of the right one, so a member typing it still finds them. A new table:
nothing to move.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=120), nullable=False),
        sa.Column("alias_key", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_aliases_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_aliases")),
        sa.UniqueConstraint("alias_key", name=op.f("uq_person_aliases_alias_key")),
    )
    op.create_index(
        op.f("ix_person_aliases_person_id"), "person_aliases", ["person_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_person_aliases_person_id"), table_name="person_aliases")
    op.drop_table("person_aliases")
