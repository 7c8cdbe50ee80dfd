"""Run the Alembic migrations from inside the bot (start-up, `popcorn db upgrade`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema up to `revision` in one transaction (PostgreSQL: DDL is transactional)."""

    def _run(connection: Connection) -> None:
        # Already at the head (every start but the first after an upgrade): nothing to run,
        # and Alembic's full upgrade machinery is skipped.
        current = MigrationContext.configure(connection).get_current_revision()
        if revision == "head" and current is not None and current == head_revision():
            return
        command.upgrade(alembic_config(connection), revision)

    async with engine.begin() as conn:
        await conn.run_sync(_run)


async def current_revision(engine: AsyncEngine) -> str | None:
    def _read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as conn:
        return await conn.run_sync(_read)


@cache
def head_revision() -> str | None:
    """The newest revision of the migrations shipped with this code (read once)."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
