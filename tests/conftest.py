"""Shared fixtures: settings for a throw-away database, SQLite files and (when told a URL)
a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.app import Popcorn
from bot.db.urls import to_async_url
from tests.helpers import POSTGRES_ENV, make_settings


async def _create_pg_database(admin_url: str) -> tuple[str, str]:
    import asyncpg

    url = make_url(admin_url)
    name = f"popcorn_test_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password,
        database=url.database,
    )  # fmt: skip
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return name, url.set(database=name).render_as_string(hide_password=False)


async def _drop_pg_database(admin_url: str, name: str) -> None:
    import asyncpg

    url = make_url(admin_url)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password,
        database=url.database,
    )  # fmt: skip
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return to_async_url(f"sqlite:///{tmp_path / 'popcorn.sqlite3'}")


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A new, empty PostgreSQL database. Told a URL and unable to connect: the test fails."""
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}=postgresql://user@host/db (not set)")
    name, url = await _create_pg_database(to_async_url(admin_url))
    try:
        yield to_async_url(url)
    finally:
        await _drop_pg_database(to_async_url(admin_url), name)


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
