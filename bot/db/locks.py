"""Start-up is serialised between processes sharing a PostgreSQL database: two bot processes
starting at once on an empty database must not both migrate it or both load data/. So are two
`popcorn import` runs into one database (PostgreSQL or SQLite)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

if sys.platform == "win32":  # pragma: no cover - imports are not serialised there
    fcntl = None
else:
    import fcntl

STARTUP_LOCK = 0x706F70636F726E  # "popcorn"


@contextlib.asynccontextmanager
async def startup_lock(engine: AsyncEngine) -> AsyncIterator[AsyncConnection | None]:
    """A session-level advisory lock on PostgreSQL; on SQLite an flock on
    `<database>-startup.lock` (its DDL is not transactional: two processes migrating a new file
    at once would both create the tables).

    On PostgreSQL it yields the connection holding the lock, idle (no transaction open): the
    start reads and migrates through it rather than open a second connection meanwhile. A
    transaction left open on it is rolled back before the lock is let go. None on SQLite."""
    if engine.dialect.name != "postgresql":
        async with _file_lock(sqlite_lock_path(engine, "startup"), lambda: None):
            yield None
        return
    async with engine.connect() as conn:
        await conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": STARTUP_LOCK})
        await conn.commit()
        try:
            yield conn
        finally:
            if conn.in_transaction():
                await conn.rollback()
            await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": STARTUP_LOCK})
            await conn.commit()


IMPORT_LOCK = 0x706F70696D7074  # "popimpt"


@contextlib.asynccontextmanager
async def import_lock(engine: AsyncEngine, on_wait: Callable[[], None]) -> AsyncIterator[None]:
    """One `popcorn import` at a time per database; a second one waits for the first to commit
    (calling `on_wait` first), then imports on top of it instead of failing on its rows.

    PostgreSQL: a session-level advisory lock. SQLite: an flock on `<database>-import.lock`
    beside the file (not on the database file itself: closing another descriptor of it would
    drop SQLite's own POSIX locks)."""
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            key = {"key": IMPORT_LOCK}
            if not await conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), key):
                on_wait()
                await conn.execute(text("SELECT pg_advisory_lock(:key)"), key)
            await conn.commit()
            try:
                yield
            finally:
                await conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)
                await conn.commit()
        return
    async with _file_lock(sqlite_lock_path(engine, "import"), on_wait):
        yield


@contextlib.asynccontextmanager
async def _file_lock(path: Path | None, on_wait: Callable[[], None]) -> AsyncIterator[None]:
    if path is None or fcntl is None:
        yield
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a folder that cannot be written: the database itself will say so
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def sqlite_lock_path(engine: AsyncEngine, purpose: str) -> Path | None:
    """The lock file beside a SQLite database file (None for an in-memory or URI database)."""
    url = engine.url
    if not url.database or url.database == ":memory:" or url.query.get("uri"):
        return None
    database = Path(url.database).expanduser()
    return database.with_name(f"{database.name}-{purpose}.lock")
