"""Run the Alembic migrations from inside the bot (start-up, `popcorn db upgrade`).

Nearly every start finds the database already at the newest revision: that is checked with one
plain `SELECT version_num FROM alembic_version` against the head read from the migration files
(`shipped_head`), and Alembic (some 0.5 s of imports, and its own checks on every start) is
imported only when a migration must run or the check cannot tell (no version table yet, a
revision this code does not know, several heads): then it decides, exactly as before."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

if TYPE_CHECKING:  # imported when needed (a migration to run, `popcorn db`)
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def upgrade(engine: AsyncEngine | AsyncConnection, revision: str = "head") -> None:
    """Bring the schema up to `revision` in one transaction (PostgreSQL: DDL is transactional).
    Given a connection (the start-up lock's, idle), the transaction is opened on it."""
    if isinstance(engine, AsyncConnection):
        async with engine.begin():
            await _upgrade(engine, revision)
    else:
        async with engine.begin() as conn:
            await _upgrade(conn, revision)


async def _upgrade(conn: AsyncConnection, revision: str) -> None:
    # Every start but the first after an upgrade: one read, Alembic not even imported.
    if revision == "head" and await _at_shipped_head(conn):
        return

    def _run(connection: Connection) -> None:
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        # Already at the head: nothing to run, and Alembic's full upgrade machinery is skipped.
        current = MigrationContext.configure(connection).get_current_revision()
        if revision == "head" and current is not None and current == head_revision():
            return
        command.upgrade(alembic_config(connection), revision)

    await conn.run_sync(_run)


async def _at_shipped_head(conn: AsyncConnection) -> bool:
    """True only if Alembic's version table (its default name: env.py keeps it) exists and
    holds exactly one row, the shipped head.
    Anything else (no table, an older or unknown revision, several rows) is Alembic's to say."""
    head = shipped_head()
    if head is None:
        return False
    if conn.dialect.name == "sqlite":
        exists = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    elif conn.dialect.name == "postgresql":
        # The table an unqualified name finds (search_path), as Alembic's own check does.
        exists = (
            "SELECT 1 FROM pg_class WHERE oid = to_regclass('alembic_version') AND relkind = 'r'"
        )
    else:  # pragma: no cover - the bot runs on SQLite and PostgreSQL only
        return False
    if (await conn.exec_driver_sql(exists)).first() is None:
        return False
    rows = (await conn.exec_driver_sql("SELECT version_num FROM alembic_version")).all()
    return len(rows) == 1 and rows[0][0] == head


_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


@cache
def shipped_head() -> str | None:
    """The newest revision of the migrations shipped with this code, read from the files
    (`revision = "0008"`, `down_revision = "0007"`) without importing Alembic: the one revision
    no other revises. None when that is not plain (a file it cannot read, several heads, a
    merge): the caller then asks Alembic (tests/db/test_migrations.py compares the two)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in VERSIONS_DIR.glob("*.py"):
        if path.name.startswith(("__init__", ".#")):  # the files Alembic skips
            continue
        found: dict[str, str] = {}
        for match in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8")):
            found[match[1]] = match[2]
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return None
        revisions.add(revision)
        if down is not None:
            revised.add(down)
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


async def current_revision(engine: AsyncEngine) -> str | None:
    def _read(connection: Connection) -> str | None:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as conn:
        return await conn.run_sync(_read)


@cache
def head_revision() -> str | None:
    """The newest revision of the migrations shipped with this code, as Alembic reads it."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
