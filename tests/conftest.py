"""Shared fixtures: settings for a throw-away database, SQLite files and (when told a URL)
a fresh PostgreSQL database per test.

A started app's database (migrated, data/ loaded) is built ONCE per test session and copied
per test: a SQLite file copied with shutil, a PostgreSQL database created from a template
database (`CREATE DATABASE ... TEMPLATE`). The copy is what `Popcorn.start` would have left;
the test's own `Popcorn.start` then finds data/ loaded and only builds the index. Fixtures that
give an empty database (`sqlite_url`, `postgres_url` on their own) still give an empty one.
A used PostgreSQL database is not dropped but made a fresh one of its kind again in place, for
a later test (ScratchDatabases)."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.app import Popcorn
from bot.db.urls import to_async_url
from tests import sql_cache
from tests.helpers import (
    ANSWER_DATA,
    POSTGRES_ENV,
    copy_sqlite,
    make_settings,
    run_async,
    seed_sqlite_file,
)
from tests.scratch_pool import ScratchDatabases

#: Fixtures that start the bot's core on the test's database: the database they are given is a
#: copy of the seeded template (they would load data/ into an empty one anyway).
SEEDED_USERS = ("any_app",)


#: The garbage collector's thresholds while the tests run (Python's: 700, 10, 10). The tests
#: build big search indexes and many ORM objects: with the default, a worker spent ~8% of its
#: time in the collector's full passes. Collection itself is unchanged, only less frequent.
GC_THRESHOLDS = (20_000, 20, 20)


def pytest_configure(config: pytest.Config) -> None:
    """Every engine the bot makes in this process shares one compiled-SQL cache
    (tests/sql_cache.py: POPCORN_TEST_OWN_SQL_CACHE=1 turns it off)."""
    sql_cache.install()


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is alive once the tests are collected (modules, the bot's imports) lives on:
    frozen, the collector no longer walks it on each full pass."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


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
def scratch_databases() -> Iterator[ScratchDatabases | None]:
    """The session's PostgreSQL databases (None: no PostgreSQL URL given)."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        yield None
        return
    databases = ScratchDatabases(admin_url)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return to_async_url(f"sqlite:///{tmp_path / 'popcorn.sqlite3'}")


@pytest.fixture
async def postgres_url(
    request: pytest.FixtureRequest, scratch_databases: ScratchDatabases | None
) -> AsyncIterator[str]:
    """An empty PostgreSQL database of the test's own (for a test whose `any_app` starts on
    it: a copy of the seeded template), new or made so again after an earlier test. Told a URL
    and unable to connect: the test fails."""
    if scratch_databases is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    seeded = any(name in request.fixturenames for name in SEEDED_USERS)
    name, url = await scratch_databases.take(seeded=seeded)
    try:
        yield url
    finally:
        scratch_databases.give_back(name)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on a SQLite file and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@contextlib.asynccontextmanager
async def running(database_url: str) -> AsyncIterator[Popcorn]:
    """The bot's core started on `database_url` (test settings), closed on leaving."""
    app = await Popcorn.start(make_settings(database_url))
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
async def app(sqlite_url: str, seeded_sqlite: Path) -> AsyncIterator[Popcorn]:
    """The bot's core on a SQLite file holding the shipped data/."""
    copy_sqlite(seeded_sqlite, sqlite_url)
    async with running(sqlite_url) as popcorn:
        yield popcorn


@pytest.fixture
async def any_app(database_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Popcorn]:
    """The same, on each database."""
    if database_url.startswith("sqlite"):
        copy_sqlite(request.getfixturevalue("seeded_sqlite"), database_url)
    async with running(database_url) as popcorn:
        yield popcorn


# --- one app per module (tests/answers, tests/db, tests/search) ----------------------------------
# Started once per module and shared by its tests: ONLY for tests that only read, or that refuse
# something and check with a snapshot of the database that it changed nothing (a test that writes
# takes `any_app` / `app`: a database of its own). The tests that use them run on the module's event
# loop, where the app was started: `@pytest.mark.asyncio(loop_scope="module")`.


def _copy_of(template: Path, folder: Path) -> str:
    """The URL of a copy of the SQLite file `template` made in `folder`."""
    url = to_async_url(f"sqlite:///{folder / 'popcorn.sqlite3'}")
    assert copy_sqlite(template, url)
    return url


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded_sqlite_app(
    seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    async with running(_copy_of(seeded_sqlite, tmp_path_factory.mktemp("unchanged"))) as app:
        yield app


@pytest.fixture(scope="session")
def seeded_postgres_url(scratch_databases: ScratchDatabases | None) -> str:
    """A PostgreSQL database of the session's own, data/ loaded (a copy of the pool's seeded
    template, as `any_app` has it), for the apps of `unchanged_app` and `shared_any_app` only
    (no test writes to it): taken once and never given back, `ScratchDatabases.close` drops it
    with the pool's other databases at once (each DROP DATABASE is a checkpoint of the server)."""
    if scratch_databases is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    _name, url = run_async(lambda: scratch_databases.take(seeded=True))
    return url


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded_postgres_app(seeded_postgres_url: str) -> AsyncIterator[Popcorn]:
    async with running(seeded_postgres_url) as app:
        yield app


@pytest.fixture(params=["sqlite", "postgres"])
def unchanged_app(request: pytest.FixtureRequest) -> Popcorn:
    """`any_app` (the shipped data, on each database), but made once per module: ONLY for tests
    that refuse a command and check, with a snapshot of the database before and after, that it
    changed nothing (a test that writes must use `any_app`). The document cache is emptied for
    each test, which reads from the database as on an app of its own. The tests run on the
    module's event loop (`pytest.mark.asyncio(loop_scope="module")`), where it was started."""
    app: Popcorn = request.getfixturevalue(f"seeded_{request.param}_app")
    app.documents.clear()
    return app


@pytest.fixture
def unchanged_sqlite_app(seeded_sqlite_app: Popcorn) -> Popcorn:
    """`unchanged_app` on SQLite only (for a test that took `app`): the same rules."""
    seeded_sqlite_app.documents.clear()
    return seeded_sqlite_app


@pytest.fixture(params=["sqlite", "postgres"])
def shared_any_app(request: pytest.FixtureRequest) -> Popcorn:
    """`any_app` made once per module (the same app as `unchanged_app`'s), ONLY for tests that
    only read; its document cache emptied for each test."""
    app: Popcorn = request.getfixturevalue(f"seeded_{request.param}_app")
    app.documents.clear()
    return app


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_app_once(
    seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    async with running(_copy_of(seeded_sqlite, tmp_path_factory.mktemp("shared"))) as app:
        yield app


@pytest.fixture
def shared_app(shared_app_once: Popcorn) -> Popcorn:
    """`app` made once per module, ONLY for tests that only read (members' commands: no
    moderator, no import); its document cache emptied for each test. The tests run on the
    module's event loop (`pytest.mark.asyncio(loop_scope="module")`)."""
    shared_app_once.documents.clear()
    return shared_app_once


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_qapp_once(
    seeded_answers_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    async with running(_copy_of(seeded_answers_sqlite, tmp_path_factory.mktemp("shared"))) as app:
        yield app


@pytest.fixture
def shared_qapp(shared_qapp_once: Popcorn) -> Popcorn:
    """`qapp` (tests/answers/conftest.py) made once per module, as `shared_app`: only for tests
    that only read."""
    shared_qapp_once.documents.clear()
    return shared_qapp_once


# --- one app per module on a database of the module's own ---------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_sqlite_app(
    seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    async with running(_copy_of(seeded_sqlite, tmp_path_factory.mktemp("module"))) as app:
        yield app


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def module_postgres_app(
    scratch_databases: ScratchDatabases | None,
) -> AsyncIterator[Popcorn]:
    if scratch_databases is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    name, url = await scratch_databases.take(seeded=True)
    try:
        async with running(url) as app:
            yield app
    finally:
        scratch_databases.give_back(name)


@pytest.fixture(params=["sqlite", "postgres"])
def module_any_app(request: pytest.FixtureRequest) -> Popcorn:
    """`any_app` made once per module on a database of the module's own (SQLite: a copy of the
    seeded file; PostgreSQL: a copy of the template from the session's pool, given back after the
    module), for parametrized cases that share ONE setup the module makes on it (its own fixture)
    and then each only check that a refused command changed nothing. Nothing else uses that
    database; the tests run on the module's event loop."""
    app: Popcorn = request.getfixturevalue(f"module_{request.param}_app")
    app.documents.clear()
    return app
