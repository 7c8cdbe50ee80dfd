"""Shared fixtures: settings for a throw-away database, SQLite files and (when told a URL)
a fresh PostgreSQL database per test.

A started app's database (migrated, data/ loaded) is built ONCE per test session and copied
per test: a SQLite file copied with shutil, a PostgreSQL database created from a template
database (`CREATE DATABASE ... TEMPLATE`). The copy is what `Popcorn.start` would have left;
the test's own `Popcorn.start` then finds data/ loaded and only builds the index. Fixtures that
give an empty database (`sqlite_url`, `postgres_url` on their own) still give an empty one."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.app import Popcorn
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from tests.helpers import (
    ANSWER_DATA,
    POSTGRES_ENV,
    copy_sqlite,
    make_settings,
    run_async,
    seed_sqlite_file,
)

#: Fixtures that start the bot's core on the test's database: the database they are given is a
#: copy of the seeded template (they would load data/ into an empty one anyway).
SEEDED_USERS = ("any_app",)


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file as the first `Popcorn.start` leaves it (migrated, data/ loaded): copy it."""
    return seed_sqlite_file(tmp_path_factory.mktemp("seeded") / "seeded.sqlite3")


@pytest.fixture(scope="session")
def seeded_answers_sqlite(seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same plus the answer tests' records (tests/answers/data) imported: copy it."""
    return seed_sqlite_file(
        tmp_path_factory.mktemp("seeded") / "answers.sqlite3", start_from=seeded_sqlite,
        imports=[ANSWER_DATA],
    )  # fmt: skip


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """The name of a PostgreSQL database as the first `Popcorn.start` leaves it, to create
    each test's seeded database from (None: no PostgreSQL URL given). Dropped at the end."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        yield None
        return

    async def build() -> str:
        name, url = await create_database(admin_url, "popcorn_tmpl")
        try:
            app = await Popcorn.start(make_settings(url))
            await app.close()
        except BaseException:
            await drop_database(admin_url, name)
            raise
        return name

    name = run_async(build)
    try:
        yield name
    finally:
        run_async(lambda: drop_database(admin_url, name))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return to_async_url(f"sqlite:///{tmp_path / 'popcorn.sqlite3'}")


@pytest.fixture
async def postgres_url(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A new, empty PostgreSQL database (for a test whose `any_app` starts on it: a copy of
    the seeded template). Told a URL and unable to connect: the test fails."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    template = None
    if any(name in request.fixturenames for name in SEEDED_USERS):
        template = request.getfixturevalue("postgres_template")
    name, url = await create_database(admin_url, "popcorn_test", template=template)
    try:
        yield url
    finally:
        await drop_database(admin_url, name)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on a SQLite file and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
async def app(sqlite_url: str, seeded_sqlite: Path) -> AsyncIterator[Popcorn]:
    """The bot's core on a SQLite file holding the shipped data/."""
    copy_sqlite(seeded_sqlite, sqlite_url)
    popcorn = await Popcorn.start(make_settings(sqlite_url))
    try:
        yield popcorn
    finally:
        await popcorn.close()


@pytest.fixture
async def any_app(database_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Popcorn]:
    """The same, on each database."""
    if database_url.startswith("sqlite"):
        copy_sqlite(request.getfixturevalue("seeded_sqlite"), database_url)
    popcorn = await Popcorn.start(make_settings(database_url))
    try:
        yield popcorn
    finally:
        await popcorn.close()
