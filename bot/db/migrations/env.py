"""Alembic environment. The bot passes its own connection (see bot.db.migrate); the `alembic`
command line builds one from DATABASE_URL / POPCORN_DB_PATH."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection

from bot.db.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_from_settings() -> None:
    from bot.config import get_settings
    from bot.db.engine import create_engine

    engine = create_engine(get_settings().resolved_database_url)
    async with engine.begin() as conn:
        await conn.run_sync(_run)
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_from_settings())
