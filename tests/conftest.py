"""Shared fixtures: settings for a throw-away database, SQLite files and (when told a URL)
a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import Popcorn
from bot.db.scratch import create_database, drop_database
from bot.db.urls import to_async_url
from tests.helpers import POSTGRES_ENV, make_settings


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return to_async_url(f"sqlite:///{tmp_path / 'popcorn.sqlite3'}")


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A new, empty PostgreSQL database. Told a URL and unable to connect: the test fails."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    name, url = await create_database(admin_url, "popcorn_test")
    try:
        yield url
    finally:
        await drop_database(admin_url, name)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on a SQLite file and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
async def app(sqlite_url: str) -> AsyncIterator[Popcorn]:
    """The bot's core on a SQLite file holding the shipped data/."""
    popcorn = await Popcorn.start(make_settings(sqlite_url))
    try:
        yield popcorn
    finally:
        await popcorn.close()


@pytest.fixture
async def any_app(database_url: str) -> AsyncIterator[Popcorn]:
    """The same, on each database."""
    popcorn = await Popcorn.start(make_settings(database_url))
    try:
        yield popcorn
    finally:
        await popcorn.close()
