"""Shared fixtures: settings for a throw-away database, SQLite files and (when told a URL)
a fresh PostgreSQL database per test.

A started app's database (migrated, data/ loaded) is built ONCE per test session and copied
per test: a SQLite file copied with shutil, a PostgreSQL database created from a template
database (`CREATE DATABASE ... TEMPLATE`). The copy is what `Popcorn.start` would have left;
the test's own `Popcorn.start` then finds data/ loaded and only builds the index. Fixtures that
give an empty database (`sqlite_url`, `postgres_url` on their own) still give an empty one."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import AsyncIterator, Coroutine, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import pytest

from bot.app import Popcorn
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from tests.helpers import (
    ANSWER_DATA,
    POSTGRES_ENV,
    copy_sqlite,
    make_settings,
    seed_sqlite_file,
)

T = TypeVar("T")
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


class ScratchDatabases:
    """PostgreSQL databases for the tests, made on a thread of their own with its own event
    loop: the next database of each kind (empty, or a copy of the seeded template) is created
    while the current test runs, and a used one is dropped without the test waiting (creating
    and dropping are mostly PostgreSQL's fsyncs). `close` drops all that is left."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.ready: dict[str | None, Future[tuple[str, str]]] = {}
        self.pending: list[Future[None]] = []
        self.template_name: str | None = None

    def _submit(self, work: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(work, self.loop)

    def _create(self, template: str | None) -> Future[tuple[str, str]]:
        return self._submit(create_database(self.admin_url, "popcorn_test", template=template))

    def seeded_template(self) -> str:
        """A database as the first `Popcorn.start` leaves it (migrated, data/ loaded)."""
        if self.template_name is None:

            async def build() -> str:
                name, url = await create_database(self.admin_url, "popcorn_tmpl")
                app = await Popcorn.start(make_settings(url))
                await app.close()
                return name

            self.template_name = self._submit(build()).result()
        return self.template_name

    async def take(self, *, seeded: bool) -> tuple[str, str]:
        """A new database, (name, async URL): empty, or (`seeded`) a copy of the template."""
        template = self.seeded_template() if seeded else None
        made = self.ready.pop(template, None) or self._create(template)
        self.ready[template] = self._create(template)  # the next test's, made meanwhile
        return await asyncio.wrap_future(made)

    def drop(self, name: str) -> None:
        self.pending.append(self._submit(drop_database(self.admin_url, name)))

    def close(self) -> None:
        for made in self.ready.values():
            with contextlib.suppress(Exception):
                self.drop(made.result()[0])
        for dropped in self.pending:
            dropped.result()
        if self.template_name is not None:
            self._submit(drop_database(self.admin_url, self.template_name)).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


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
    """A new, empty PostgreSQL database (for a test whose `any_app` starts on it: a copy of
    the seeded template). Told a URL and unable to connect: the test fails."""
    if scratch_databases is None:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    seeded = any(name in request.fixturenames for name in SEEDED_USERS)
    name, url = await scratch_databases.take(seeded=seeded)
    try:
        yield url
    finally:
        scratch_databases.drop(name)


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
