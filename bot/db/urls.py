"""Turn the database URLs people write into the async SQLAlchemy URLs the bot needs."""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ASYNC_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}
BACKEND_ALIASES = {"postgres": "postgresql", "sqlite3": "sqlite"}


class DatabaseUrlError(ValueError):
    """The configured database URL cannot be used."""


def to_async_url(url: str) -> str:
    """`sqlite:///x.db` -> `sqlite+aiosqlite:///x.db`; `postgres://u@h/db` -> `postgresql+asyncpg://...`.

    Any sync driver the user named (psycopg2, pysqlite...) is swapped for the async one.
    """
    try:
        parsed = make_url(url.strip())
    except ArgumentError as exc:
        raise DatabaseUrlError(f"DATABASE_URL is not a database URL: {exc}") from None
    backend = BACKEND_ALIASES.get(parsed.get_backend_name(), parsed.get_backend_name())
    driver = ASYNC_DRIVERS.get(backend)
    if driver is None:
        supported = ", ".join(sorted(ASYNC_DRIVERS))
        raise DatabaseUrlError(f"unsupported database {backend!r} (supported: {supported})")
    return parsed.set(drivername=f"{backend}+{driver}").render_as_string(hide_password=False)
