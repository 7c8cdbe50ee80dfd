"""Throw-away PostgreSQL databases, for the tests and the benchmark: created from an admin
URL (a user allowed to CREATE DATABASE), dropped afterwards."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.engine import URL, make_url

from bot.db.urls import to_async_url


async def _connect(admin: URL) -> Any:
    import asyncpg

    return await asyncpg.connect(
        host=admin.host, port=admin.port or 5432, user=admin.username,
        password=admin.password, database=admin.database,
    )  # fmt: skip


async def create_database(
    admin_url: str, prefix: str = "popcorn_scratch", *, template: str | None = None
) -> tuple[str, str]:
    """A new empty database: (its name, its async URL). `template`: a copy of that database
    instead (no one may be connected to it meanwhile, PostgreSQL's rule)."""
    admin = make_url(to_async_url(admin_url))
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copy = ""
    if template is not None:
        copy = ' TEMPLATE "{}"'.format(template.replace('"', '""'))
    conn = await _connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"{copy}')
    finally:
        await conn.close()
    return name, admin.set(database=name).render_as_string(hide_password=False)


async def drop_database(admin_url: str, name: str) -> None:
    conn = await _connect(make_url(to_async_url(admin_url)))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()
