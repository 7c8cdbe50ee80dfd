"""Engine and session factory, created once at start-up and passed to whoever needs them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.db.postgres_driver import OneTripPingDBAPI
from bot.db.sqlite_driver import OneHopDBAPI
from bot.db.urls import DatabaseUrlError


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine for an async URL (see bot.db.urls). SQLite files get their folder created,
    foreign keys switched on and WAL journalling, so readers never wait for a writer."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        uri = str(parsed.query.get("uri", "")).lower() in ("true", "1")
        if parsed.database and parsed.database != ":memory:" and not uri:
            folder = Path(parsed.database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUrlError(
                    f"cannot create the folder {folder} for the SQLite database: "
                    f"{exc.strerror or exc} (fix POPCORN_DB_PATH or DATABASE_URL)"
                ) from None
        if parsed.get_driver_name() == "aiosqlite":
            kwargs.setdefault("module", OneHopDBAPI())  # one thread hop per statement
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if parsed.get_driver_name() == "asyncpg":
        kwargs.setdefault("module", OneTripPingDBAPI())  # the ping in one round trip
    return create_async_engine(url, **kwargs)


#: How long a SQLite writer waits for another one (a long `popcorn import`, say) before giving up
#: with "database is locked", which a command turns into a one-line "busy" reply.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: no corruption, fewer fsyncs
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
