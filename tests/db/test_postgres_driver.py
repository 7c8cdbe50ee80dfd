"""bot/db/postgres_driver.py: the bot's PostgreSQL engine pings a pooled connection in one round
trip instead of three, and a connection the server ended is still found dead and replaced before
a command gets it, as with SQLAlchemy's own ping."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_dbapi
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.db.engine import create_engine
from bot.db.postgres_driver import OneTripPingDBAPI


def engines(url: str) -> list[AsyncEngine]:
    """The bot's engine with SQLAlchemy's stock asyncpg adapter, and as it is."""
    stock = create_engine(url, module=AsyncAdapt_asyncpg_dbapi(asyncpg))  # type: ignore[no-untyped-call]
    return [stock, create_engine(url)]


@pytest.fixture
def round_trips() -> Iterator[list[int]]:
    """Statements sent by asyncpg connections (a transaction's BEGIN and ROLLBACK included)."""
    count = [0]
    originals = {name: getattr(asyncpg.Connection, name) for name in ("execute", "fetchrow")}

    def counted(original: Any) -> Any:
        async def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            return await original(self, *args, **kwargs)

        return call

    for name, original in originals.items():
        setattr(asyncpg.Connection, name, counted(original))
    try:
        yield count
    finally:
        for name, original in originals.items():
            setattr(asyncpg.Connection, name, original)


async def test_the_bot_engine_pings_in_one_round_trip(
    postgres_url: str, round_trips: list[int]
) -> None:
    counts = []
    for engine in engines(postgres_url):
        try:
            assert engine.pool._pre_ping  # type: ignore[attr-defined]
            async with engine.connect() as connection:  # the pool's connection made
                await connection.execute(text("SELECT 1"))
            before = round_trips[0]
            async with engine.connect():  # checked out: pinged
                pass
            counts.append(round_trips[0] - before)
        finally:
            await engine.dispose()
    assert counts == [3, 1]  # BEGIN, ";", ROLLBACK -> SELECT 1
    assert isinstance(create_engine(postgres_url).dialect.dbapi, OneTripPingDBAPI)


async def test_a_connection_the_server_ended_is_replaced_before_use(postgres_url: str) -> None:
    """A pooled connection whose server process was ended (a restart, an idle timeout): the ping
    finds it dead, the pool opens a new one, and the command runs without an error."""
    admin = await asyncpg.connect(postgres_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        for engine in engines(postgres_url):
            try:
                async with engine.connect() as connection:
                    first = await connection.scalar(text("SELECT pg_backend_pid()"))
                assert await admin.fetchval("SELECT pg_terminate_backend($1)", first)
                for _ in range(100):  # until the server process is gone
                    gone = await admin.fetchval(
                        "SELECT count(*) = 0 FROM pg_stat_activity WHERE pid = $1", first
                    )
                    if gone:
                        break
                    await asyncio.sleep(0.01)
                async with engine.connect() as connection:
                    second = await connection.scalar(text("SELECT pg_backend_pid()"))
                assert second != first
            finally:
                await engine.dispose()
    finally:
        await admin.close()
