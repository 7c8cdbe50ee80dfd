"""One compiled-SQL cache for every engine a test process makes.

SQLAlchemy compiles a statement once per engine and keeps the result in the engine's own
cache, keyed by (the dialect OBJECT, the statement's cache key, ...). The bot makes one engine
per process, so it compiles each statement once; the tests make a new app, hence a new engine,
for nearly every test, and each recompiled every statement it ran (17,943 compilations, ~20 s
of a 2-worker run, about a third of an app's start and first reply).

Here every engine the bot creates (`bot.db.engine.create_engine`, and the SQLite read
connection's in bot/db/reading.py) gets the same cache, whose
key names the dialect by what its SQL depends on (its class, the server's version, its
parameter style and name lengths) instead of by the object: two engines of one kind on
different databases then share their compiled statements. Each engine keeps its own dialect,
pool and connections; only the compiled SQL text and its parameter/result layout are shared,
which SQLAlchemy itself reuses across every connection of an engine.

POPCORN_TEST_OWN_SQL_CACHE=1 leaves each engine its own cache (SQLAlchemy's default), to check
that a failure is not this sharing's doing. tests/test_sql_cache.py proves the sharing and that
two engines on different databases still read their own rows through it.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import LRUCache

import bot.db.engine
import bot.db.reading

OWN_CACHE_ENV = "POPCORN_TEST_OWN_SQL_CACHE"
#: Entries kept (SQLAlchemy's per-engine default is 500; the suite compiles ~1,500 statements).
SIZE = 5000


def _dialect_key(dialect: Dialect) -> tuple[Any, ...]:
    """What a compiled statement depends on in its dialect (the same for two engines of one kind
    on one server); remembered on the dialect, which is initialised before its first compile."""
    known = dialect.__dict__.get("_popcorn_sql_cache_key")
    if known is None:
        known = (
            type(dialect),
            dialect.server_version_info,
            dialect.paramstyle,
            dialect.positional,
            dialect.label_length,
            dialect.max_identifier_length,
            dialect.supports_native_boolean,
            dialect.supports_multivalues_insert,
            dialect.use_insertmanyvalues,
            dialect.insert_returning,
        )
        dialect.__dict__["_popcorn_sql_cache_key"] = known
    return known


def _shared_key(key: Any) -> Any:
    if type(key) is tuple and key and isinstance(key[0], Dialect):
        return (_dialect_key(key[0]), *key[1:])
    return key


class SharedCompiledCache(LRUCache[Any, Any]):
    """SQLAlchemy's LRU cache with the dialect in each key replaced by `_dialect_key`."""

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(_shared_key(key), default)

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(_shared_key(key))

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(_shared_key(key), value)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(_shared_key(key))

    def __delitem__(self, key: Any) -> None:
        super().__delitem__(_shared_key(key))


CACHE = SharedCompiledCache(SIZE)
_installed = False


def share(engine: AsyncEngine | Engine) -> None:
    """`engine` given the process's shared compiled cache (unless caching is off for it)."""
    sync_engine = engine.sync_engine if isinstance(engine, AsyncEngine) else engine
    if sync_engine._compiled_cache is not None:
        sync_engine._compiled_cache = CACHE


def install() -> None:
    """Every engine `bot.db.engine.create_engine` and `bot.db.reading.ReadConnection` make from
    now on shares CACHE (not with POPCORN_TEST_OWN_SQL_CACHE set)."""
    global _installed
    if _installed or os.environ.get(OWN_CACHE_ENV, "") not in ("", "0"):
        return
    _installed = True
    create_async_engine = bot.db.engine.create_async_engine

    create_sync_engine = bot.db.reading.create_sync_engine

    def create_sharing_engine(*args: Any, **kwargs: Any) -> AsyncEngine:
        engine = create_async_engine(*args, **kwargs)
        share(engine)
        return engine

    def create_sharing_sync_engine(*args: Any, **kwargs: Any) -> Engine:
        engine = create_sync_engine(*args, **kwargs)
        share(engine)
        return engine

    bot.db.engine.create_async_engine = create_sharing_engine  # type: ignore[assignment]
    bot.db.reading.create_sync_engine = create_sharing_sync_engine  # type: ignore[assignment]
