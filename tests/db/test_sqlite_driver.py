"""bot/db/sqlite_driver.py: the bot's SQLite engine runs a statement in one hop to aiosqlite's
thread, and gives what SQLAlchemy's stock aiosqlite adapter gives (rows, keys, rowcount,
lastrowid, RETURNING, executemany, errors, transactions)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import aiosqlite
import aiosqlite.core
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import exc, text
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.db.engine import create_engine
from bot.db.sqlite_driver import OneHopDBAPI

SCHEMA = (
    "CREATE TABLE films (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, year INTEGER)",
    "CREATE TABLE notes (id INTEGER PRIMARY KEY,"
    " film_id INTEGER NOT NULL REFERENCES films (id), body TEXT)",
)

#: A moderator-like session of statements: what each returns is compared, stock vs one hop.
STEPS: list[tuple[str, Any]] = [
    ("INSERT INTO films (title, year) VALUES (:t, :y)", {"t": "Con Air", "y": 1997}),
    (
        "INSERT INTO films (title, year) VALUES (:t, :y)",
        [
            {"t": "Face/Off", "y": 1997},
            {"t": "Mandy", "y": 2018},
            {"t": "Pig", "y": 2021},
        ],
    ),
    ("SELECT id, title, year FROM films ORDER BY id", None),
    ("SELECT id FROM films WHERE year > :y", {"y": 3000}),  # no rows, but a description
    ("UPDATE films SET year = year + 0 WHERE year = :y", {"y": 1997}),
    ("UPDATE films SET year = 1 WHERE year = :y", {"y": 1}),  # nothing matched
    (
        "INSERT INTO notes (film_id, body) VALUES (:f, :b) RETURNING id, body",
        {"f": 1, "b": "léaving — 🎬"},
    ),
    ("DELETE FROM films WHERE title = :t RETURNING title", {"t": "Pig"}),
    ("DELETE FROM films WHERE year = :y", {"y": 2018}),
    ("SELECT count(*), group_concat(title, '|') FROM films", None),
    ("PRAGMA foreign_keys", None),
    ("PRAGMA journal_mode", None),
]


def outcome(result: Any) -> tuple[Any, ...]:
    """What a caller can read from a result: keys, rows, rowcount, lastrowid."""
    rows = [tuple(row) for row in result.fetchall()] if result.returns_rows else None
    keys = list(result.keys()) if result.returns_rows else None
    return keys, rows, result.rowcount, result.lastrowid


async def run_steps(connection: AsyncConnection) -> list[tuple[Any, ...]]:
    seen = []
    for sql, params in STEPS:
        seen.append(outcome(await connection.execute(text(sql), params)))
    return seen


def error_of(call: Callable[[], Any]) -> tuple[type[BaseException], str]:
    try:
        call()
    except exc.DBAPIError as error:
        return type(error), str(error.orig)
    raise AssertionError("no error")


@contextlib.asynccontextmanager
async def stock_and_bot(folder: Path) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    """The bot's engine with the stock adapter, and as it is, each on a database of its own
    in `folder` (same schema, same pragmas: foreign keys on, WAL); disposed on leaving."""
    made = []
    try:
        stock_adapter = AsyncAdapt_aiosqlite_dbapi(aiosqlite, sqlite3)
        for name, adapter in (("stock", stock_adapter), ("bot", None)):
            options = {} if adapter is None else {"module": adapter}
            engine = create_engine(f"sqlite+aiosqlite:///{folder / name}.sqlite3", **options)
            made.append(engine)
            async with engine.begin() as connection:
                for statement in SCHEMA:
                    await connection.execute(text(statement))
        yield made[0], made[1]
    finally:
        for engine in made:
            await engine.dispose()


@pytest.fixture
async def engines(tmp_path: Path) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    async with stock_and_bot(tmp_path) as both:
        yield both


@pytest.fixture
def hops() -> Iterator[list[int]]:
    """How many calls are made on aiosqlite connections' threads."""
    count = [0]
    original = aiosqlite.core.Connection._execute

    async def counted(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return await original(self, fn, *args, **kwargs)

    aiosqlite.core.Connection._execute = counted  # type: ignore[method-assign]
    try:
        yield count
    finally:
        aiosqlite.core.Connection._execute = original  # type: ignore[method-assign]


def test_the_bot_engine_uses_the_one_hop_adapter(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'p.sqlite3'}")
    assert isinstance(engine.dialect.dbapi, OneHopDBAPI)
    asyncio.run(engine.dispose())


async def test_one_hop_per_statement(
    engines: tuple[AsyncEngine, AsyncEngine], hops: list[int]
) -> None:
    stock, bot = engines
    counts = []
    for engine in (stock, bot):
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))  # the connection's own set-up done
            before = hops[0]
            for _ in range(5):
                assert (await connection.execute(text("SELECT title FROM films"))).all() == []
            counts.append(hops[0] - before)
    assert counts == [20, 5]  # cursor, execute, fetchall, close -> one call


async def test_the_same_results_as_the_stock_adapter(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    seen = []
    for engine in engines:
        async with engine.begin() as connection:
            seen.append(await run_steps(connection))
    assert seen[0] == seen[1]
    assert seen[1][2][1] == [(1, "Con Air", 1997), (2, "Face/Off", 1997), (3, "Mandy", 2018),
                             (4, "Pig", 2021)]  # fmt: skip
    assert seen[1][3][:2] == (["id"], [])
    assert seen[1][6][1] == [(1, "léaving — 🎬")]
    assert seen[1][-2:] == [
        (["foreign_keys"], [(1,)], -1, 1),
        (["journal_mode"], [("wal",)], -1, 1),
    ]


async def test_errors_and_rollbacks_as_the_stock_adapter(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    seen = []
    for engine in engines:
        errors = []
        async with engine.connect() as connection:
            await connection.execute(text(STEPS[0][0]), STEPS[0][1])
            await connection.commit()
            for sql, params in (
                (STEPS[0][0], STEPS[0][1]),  # unique title
                ("INSERT INTO notes (film_id, body) VALUES (99, 'x')", None),  # no film 99
                ("SELEC nonsense", None),
                ("SELECT * FROM no_such_table", None),
            ):
                try:
                    await connection.execute(text(sql), params)
                except exc.DBAPIError as error:
                    errors.append((type(error), str(error.orig)))
                await connection.rollback()
            await connection.execute(text("INSERT INTO films (title) VALUES ('Pig')"))
            await connection.rollback()  # not kept
            count = await connection.scalar(text("SELECT count(*) FROM films"))
        seen.append((errors, count))
    assert seen[0] == seen[1]
    kinds = [kind for kind, _ in seen[1][0]]
    assert kinds == [exc.IntegrityError, exc.IntegrityError, exc.OperationalError,
                     exc.OperationalError]  # fmt: skip
    assert seen[1][1] == 1


async def test_two_connections_at_once(engines: tuple[AsyncEngine, AsyncEngine]) -> None:
    """Each connection its own thread: interleaved statements on two of them."""
    _, bot = engines

    async def writer(title: str) -> list[Any]:
        async with bot.begin() as connection:
            await connection.execute(text("INSERT INTO films (title) VALUES (:t)"), {"t": title})
            return (await connection.execute(text("SELECT title FROM films"))).scalars().all()

    async with bot.connect() as reader:
        await reader.execute(text("SELECT 1"))
        first = await writer("Mandy")
        second = await writer("Pig")
        titles = (await reader.execute(text("SELECT title FROM films ORDER BY 1"))).scalars()
        assert list(titles) == ["Mandy", "Pig"]
    assert first == ["Mandy"] and sorted(second) == ["Mandy", "Pig"]


async def test_no_hop_to_end_a_transaction_never_begun(
    engines: tuple[AsyncEngine, AsyncEngine], hops: list[int]
) -> None:
    """sqlite3 begins a transaction before a write, not before a read: a read-only unit of work
    makes one hop (its SELECT; its commit and the pool's rollback have nothing to end), a write
    two (the INSERT, the COMMIT), and what was committed is there for the next connection."""
    _, bot = engines
    async with bot.connect() as connection:
        await connection.execute(text("SELECT 1"))  # the pool's connection made
    before = hops[0]
    async with bot.begin() as connection:
        assert await connection.scalar(text("SELECT count(*) FROM films")) == 0
    assert hops[0] - before == 1
    before = hops[0]
    async with bot.begin() as connection:
        await connection.execute(text("INSERT INTO films (title) VALUES ('Mandy')"))
    assert hops[0] - before == 2
    async with bot.connect() as connection:
        assert await connection.scalar(text("SELECT title FROM films")) == "Mandy"
        await connection.execute(text("INSERT INTO films (title) VALUES ('Pig')"))
    # Left without a commit: the pool's rollback ended it.
    async with bot.connect() as connection:
        assert (await connection.execute(text("SELECT title FROM films"))).scalars().all() == [
            "Mandy"
        ]


# --- any sequence of statements: the same outcomes as the stock adapter (hypothesis) -------------

TITLES = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("INSERT INTO films (title, year) VALUES (:t, :y)"),
                  st.fixed_dictionaries({"t": TITLES, "y": st.integers(1900, 2030)})),
        st.tuples(st.just("INSERT INTO films (title, year) VALUES (:t, :y)"),
                  st.lists(st.fixed_dictionaries({"t": TITLES, "y": st.integers(1900, 2030)}),
                           min_size=1, max_size=4)),
        st.tuples(st.just("INSERT INTO films (title) VALUES (:t) RETURNING id, title"),
                  st.fixed_dictionaries({"t": TITLES})),
        st.tuples(st.just("UPDATE films SET year = :to WHERE year >= :y"),
                  st.fixed_dictionaries({"to": st.integers(1900, 2030),
                                         "y": st.integers(1900, 2030)})),
        st.tuples(st.just("DELETE FROM films WHERE year < :y"),
                  st.fixed_dictionaries({"y": st.integers(1900, 2030)})),
        st.tuples(st.just("SELECT id, title, year FROM films WHERE year >= :y ORDER BY id"),
                  st.fixed_dictionaries({"y": st.integers(1900, 2030)})),
        st.tuples(st.just("INSERT INTO notes (film_id, body) VALUES (:f, :b)"),
                  st.fixed_dictionaries({"f": st.integers(0, 6), "b": TITLES})),
        st.tuples(st.sampled_from(["COMMIT", "ROLLBACK"]), st.none()),
    ),
    max_size=12,
)  # fmt: skip


async def run_operations(engine: AsyncEngine, operations: list[tuple[str, Any]]) -> list[Any]:
    seen: list[Any] = []
    async with engine.connect() as connection:
        for sql, params in operations:
            try:
                if sql == "COMMIT":
                    await connection.commit()
                elif sql == "ROLLBACK":
                    await connection.rollback()
                else:
                    seen.append(outcome(await connection.execute(text(sql), params)))
                    continue
                seen.append(sql)
            except exc.DBAPIError as error:
                seen.append((type(error).__name__, str(error.orig)))
        await connection.commit()
        seen.append(outcome(await connection.execute(text("SELECT * FROM films ORDER BY id"))))
        seen.append(outcome(await connection.execute(text("SELECT * FROM notes ORDER BY id"))))
    return seen


@settings(max_examples=40, deadline=None, database=None)
@given(operations=OPERATIONS)
def test_any_statements_give_what_the_stock_adapter_gives(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, Any]]
) -> None:
    async def both() -> list[list[Any]]:
        async with stock_and_bot(tmp_path_factory.mktemp("driver")) as engines:
            return [await run_operations(engine, operations) for engine in engines]

    stock, one_hop = asyncio.run(both())
    assert one_hop == stock
