"""The session's PostgreSQL scratch databases (tests/conftest.py, ScratchDatabases) are reused,
not dropped: a database a test wrote to is, once given back, what a new one of its kind is
(schema and rows, as pg_dump prints them: a copy of the seeded template, or an empty database);
one whose shape a test changed is dropped instead, never handed out again."""

from __future__ import annotations

import asyncio
import shutil
from typing import TYPE_CHECKING

import pytest
from sqlalchemy.engine import make_url

from bot.app import Popcorn
from bot.db.scratch import create_database, drop_database
from tests.helpers import ANSWER_DATA, make_settings

if TYPE_CHECKING:
    from tests.scratch_pool import ScratchDatabases

pytestmark = pytest.mark.skipif(shutil.which("pg_dump") is None, reason="no pg_dump here")


@pytest.fixture
def scratch(scratch_databases: ScratchDatabases | None) -> ScratchDatabases:
    if scratch_databases is None:
        pytest.skip("PostgreSQL tests need POPCORN_TEST_POSTGRES_URL (not set)")
    return scratch_databases


async def pg_dump(url: str) -> list[str]:
    """The database's schema and rows as pg_dump prints them (its comments left out)."""
    address = make_url(url)
    proc = await asyncio.create_subprocess_exec(
        "pg_dump", "--no-owner", "-h", address.host or "127.0.0.1",
        "-p", str(address.port or 5432), "-U", address.username or "postgres",
        "-d", address.database or "", stdout=asyncio.subprocess.PIPE,
        env={"PGPASSWORD": address.password or ""},
    )  # fmt: skip
    out, _ = await proc.communicate()
    assert proc.returncode == 0
    lines = out.decode().splitlines()
    return [line for line in lines if not line.startswith(("--", "\\restrict", "\\unrestrict"))]


async def a_new_one(scratch: ScratchDatabases, *, seeded: bool) -> list[str]:
    """pg_dump of a database of that kind made now."""
    template = scratch.seeded_template() if seeded else None
    name, url = await create_database(scratch.admin_url, "popcorn_test", template=template)
    try:
        return await pg_dump(url)
    finally:
        await drop_database(scratch.admin_url, name)


async def test_a_used_copy_of_the_template_is_a_new_copy_again(scratch: ScratchDatabases) -> None:
    name, url = await scratch.take(seeded=True)
    app = await Popcorn.start(make_settings(url))
    try:
        await app.import_paths([ANSWER_DATA])  # films, people, reviews, history: new ids
    finally:
        await app.close()
    written = await pg_dump(url)
    scratch.give_back(name)
    assert name in await scratch.free_names(seeded=True)  # reused
    again = await pg_dump(url)
    assert again != written
    assert again == await a_new_one(scratch, seeded=True)
    assert any(line.startswith("COPY public.films ") for line in again)


async def test_a_used_empty_database_is_empty_again(scratch: ScratchDatabases) -> None:
    name, url = await scratch.take(seeded=False)
    app = await Popcorn.start(make_settings(url))  # migrated, data/ loaded
    await app.close()
    scratch.give_back(name)
    assert name in await scratch.free_names(seeded=False)
    assert await pg_dump(url) == await a_new_one(scratch, seeded=False)


@pytest.mark.parametrize(
    "change",
    [
        "ALTER TABLE films ADD COLUMN extra integer",
        "CREATE INDEX films_by_title ON films (title)",
        "CREATE TABLE more (id integer)",
        "CREATE SCHEMA other",
        "ALTER DATABASE {name} SET work_mem = '8MB'",
    ],
)
async def test_a_copy_whose_shape_changed_is_dropped(
    scratch: ScratchDatabases, change: str
) -> None:
    import asyncpg

    name, url = await scratch.take(seeded=True)
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))
    try:
        await conn.execute(change.format(name=f'"{name}"'))
    finally:
        await conn.close()
    scratch.give_back(name)
    assert name not in await scratch.free_names(seeded=True)
    admin = await asyncpg.connect(scratch.admin_url)
    try:
        gone = await admin.fetchval("SELECT count(*) FROM pg_database WHERE datname = $1", name)
    finally:
        await admin.close()
    assert gone == 0
