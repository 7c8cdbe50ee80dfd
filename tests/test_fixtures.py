"""The shared fixtures keep their promises now that seeded databases are copies of one built
per session (tests/conftest.py): `app` and `any_app` hold the shipped data (`qapp`:
tests/answers/test_fixtures.py), each test's copy is its own, the fixtures that promise an
EMPTY database still give one; `create_database(template=)` copies a PostgreSQL database."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.app import DATA_LOADED, Popcorn
from bot.db.models import Film, Meta, Review
from bot.db.scratch import create_database, drop_database
from tests.helpers import POSTGRES_ENV

#: The film the shipped data/ reviews, and one only tests/answers/data reviews.
SHIPPED = "leaving-las-vegas-1995"
ANSWERS_ONLY = "con-air-1997"
#: Written by one test into its copy; the next test (same file, so the same worker and order)
#: must not see it.
MARK = "written-by-a-test"


async def reviewed(app: Popcorn) -> set[str]:
    """The films with a review."""
    query = select(Film.slug).join(Review).where(Review.deleted_at.is_(None))
    async with app.sessions() as session:
        return set((await session.scalars(query)).all())


async def film_count(app: Popcorn) -> int:
    async with app.sessions() as session:
        return (await session.execute(select(func.count()).select_from(Film))).scalar_one()


async def test_app_holds_the_shipped_data_and_the_mark_that_it_was_loaded(app: Popcorn) -> None:
    assert await reviewed(app) == {SHIPPED}
    assert app.index.film_count == await film_count(app) > 100
    async with app.sessions() as session:
        loaded = await session.get(Meta, DATA_LOADED)
    assert loaded is not None


async def test_a_write_to_one_tests_copy(any_app: Popcorn) -> None:
    async with any_app.sessions.begin() as session:
        session.add(Meta(key=MARK, value="1"))
    async with any_app.sessions() as session:
        assert (await session.get(Meta, MARK)) is not None


async def test_is_not_in_the_next_tests_copy(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        assert (await session.get(Meta, MARK)) is None
        assert (await session.get(Meta, DATA_LOADED)) is not None
    assert await reviewed(any_app) == {SHIPPED}


def test_sqlite_url_alone_is_no_database_yet(sqlite_url: str) -> None:
    assert not Path(sqlite_url.split(":///", 1)[1]).exists()


async def test_database_url_alone_is_empty(database_url: str) -> None:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            if database_url.startswith("sqlite"):
                query = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            else:
                query = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            assert (await connection.execute(text(query))).scalar_one() == 0
    finally:
        await engine.dispose()


async def test_a_database_created_from_a_template_is_a_copy_of_it() -> None:
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    template, template_url = await create_database(admin_url, "popcorn_test")
    copy = None
    try:
        engine = create_async_engine(template_url)
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (name text)"))
            await connection.execute(text("INSERT INTO t VALUES ('Mandy')"))
        await engine.dispose()
        copy, copy_url = await create_database(admin_url, "popcorn_test", template=template)
        assert copy != template
        engine = create_async_engine(copy_url)
        async with engine.begin() as connection:
            assert (await connection.execute(text("SELECT name FROM t"))).all() == [("Mandy",)]
            await connection.execute(text("INSERT INTO t VALUES ('Joe')"))
        await engine.dispose()
        engine = create_async_engine(template_url)
        async with engine.connect() as connection:
            rows = await connection.execute(select(func.count()).select_from(text("t")))
            assert rows.scalar_one() == 1  # the copy's write is the copy's
        await engine.dispose()
    finally:
        # At once: PostgreSQL's checkpoint for one DROP DATABASE serves the other waiting with it.
        drops = [template] if copy is None else [template, copy]
        await asyncio.gather(*(drop_database(admin_url, name) for name in drops))
