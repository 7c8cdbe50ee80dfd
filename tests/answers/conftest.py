"""Fixtures of the answer tests: the shipped data plus the test records in tests/answers/data
(several reviewed films, shared actors, two films called The Wicker Man, Joe unreviewed)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.app import Popcorn
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from tests.helpers import ANSWER_DATA, POSTGRES_ENV, copy_sqlite, make_settings, run_async


@pytest.fixture
async def qapp(sqlite_url: str, seeded_answers_sqlite: Path) -> AsyncIterator[Popcorn]:
    """The shipped data (Leaving Las Vegas reviewed, the catalog) plus the test records
    (imported once per session into a template, copied here)."""
    copied = copy_sqlite(seeded_answers_sqlite, sqlite_url)
    app = await Popcorn.start(make_settings(sqlite_url))
    if not copied:  # a file was there already: as without the template
        await app.import_paths([ANSWER_DATA])
    try:
        yield app
    finally:
        await app.close()


# --- one app per module, for the tests that check a command changes nothing ----------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded_sqlite_app(
    seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    url = to_async_url(f"sqlite:///{tmp_path_factory.mktemp('unchanged') / 'popcorn.sqlite3'}")
    assert copy_sqlite(seeded_sqlite, url)
    app = await Popcorn.start(make_settings(url))
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture(scope="session")
def seeded_postgres_url() -> Iterator[str]:
    """A PostgreSQL database of the session's own (bot/db/scratch.py, not tests/conftest.py's
    pool: what that pool offers is its own business), data/ loaded, for `unchanged_app` only:
    made and dropped once (each DROP DATABASE is a checkpoint of the server)."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")

    async def make() -> tuple[str, str]:
        name, url = await create_database(admin_url, "popcorn_test")
        app = await Popcorn.start(make_settings(url))  # data/ loaded, as `any_app` has it
        await app.close()
        return name, url

    name, url = run_async(make)
    try:
        yield url
    finally:
        run_async(lambda: drop_database(admin_url, name))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded_postgres_app(seeded_postgres_url: str) -> AsyncIterator[Popcorn]:
    app = await Popcorn.start(make_settings(seeded_postgres_url))
    try:
        yield app
    finally:
        await app.close()


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


# --- one app per module, for tests that only read (non-moderator answers never write) ------------


async def _started_copy(template: Path, folder: Path) -> Popcorn:
    url = to_async_url(f"sqlite:///{folder / 'popcorn.sqlite3'}")
    assert copy_sqlite(template, url)
    return await Popcorn.start(make_settings(url))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_app_once(
    seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    app = await _started_copy(seeded_sqlite, tmp_path_factory.mktemp("shared"))
    try:
        yield app
    finally:
        await app.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_qapp_once(
    seeded_answers_sqlite: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Popcorn]:
    app = await _started_copy(seeded_answers_sqlite, tmp_path_factory.mktemp("shared"))
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
def shared_app(shared_app_once: Popcorn) -> Popcorn:
    """`app` made once per module, ONLY for tests that only read (members' commands: no
    moderator, no import); its document cache emptied for each test. The tests run on the
    module's event loop (`pytest.mark.asyncio(loop_scope="module")`)."""
    shared_app_once.documents.clear()
    return shared_app_once


@pytest.fixture
def shared_qapp(shared_qapp_once: Popcorn) -> Popcorn:
    """`qapp` made once per module, as `shared_app`: only for tests that only read."""
    shared_qapp_once.documents.clear()
    return shared_qapp_once
