"""tests/sql_cache.py: engines on different databases share compiled SQL, and each still reads
its own database through it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select

from bot.answers.types import Card
from bot.app import Popcorn
from bot.db.engine import create_engine
from tests import sql_cache

pytestmark = pytest.mark.skipif(
    not sql_cache._installed, reason=f"{sql_cache.OWN_CACHE_ENV} is set: each engine has its own"
)

META = MetaData()
THINGS = Table("things", META, Column("id", Integer, primary_key=True), Column("name", String))


async def _names(url: str, name: str) -> tuple[list[str], int]:
    """Write `name` into a new database at `url`, read the names back: and how many compiled
    statements the shared cache gained meanwhile."""
    engine = create_engine(url)
    try:
        assert engine.sync_engine._compiled_cache is sql_cache.CACHE
        before = len(sql_cache.CACHE)
        async with engine.begin() as conn:
            await conn.run_sync(META.create_all)
            await conn.execute(insert(THINGS).values(name=name))
            names = list((await conn.scalars(select(THINGS.c.name).order_by(THINGS.c.id))).all())
        return names, len(sql_cache.CACHE) - before
    finally:
        await engine.dispose()


async def test_two_sqlite_databases_share_statements_and_keep_their_rows(tmp_path: Path) -> None:
    first, compiled_first = await _names(f"sqlite+aiosqlite:///{tmp_path / 'a.sqlite3'}", "Pig")
    second, compiled_second = await _names(f"sqlite+aiosqlite:///{tmp_path / 'b.sqlite3'}", "Mandy")
    assert first == ["Pig"]
    assert second == ["Mandy"]  # its own database, not the first one's row
    assert compiled_second == 0  # the INSERT and SELECT the first engine compiled were reused
    assert compiled_first >= 0


async def test_dialects_of_other_kinds_do_not_share(tmp_path: Path, postgres_url: str) -> None:
    await _names(f"sqlite+aiosqlite:///{tmp_path / 'a.sqlite3'}", "Pig")
    names, compiled = await _names(postgres_url, "Mandy")
    assert names == ["Mandy"]
    assert compiled >= 2  # PostgreSQL's INSERT and SELECT are its own, not SQLite's


def test_the_key_names_the_dialect_by_its_kind_not_its_object() -> None:
    one = create_engine("sqlite+aiosqlite:///:memory:").sync_engine.dialect
    two = create_engine("sqlite+aiosqlite:///:memory:").sync_engine.dialect
    assert one is not two
    assert sql_cache._shared_key((one, "stmt")) == sql_cache._shared_key((two, "stmt"))
    assert sql_cache._shared_key("not a tuple") == "not a tuple"


async def test_the_sqlite_read_connection_shares_too(app: Popcorn) -> None:
    assert app.reader is not None
    assert app.reader._engine._compiled_cache is sql_cache.CACHE
    assert app.engine.sync_engine._compiled_cache is sql_cache.CACHE
    card = await app.answer_text("!review leaving las vegas")
    assert isinstance(card, Card)
    assert card.title == "Leaving Las Vegas (1995)"
