"""SQLAlchemy's asyncpg adapter with a one-round-trip ping.

The bot's PostgreSQL engine pings a pooled connection before handing it out (`pool_pre_ping`),
so a server restarted meanwhile costs no member a failed reply. SQLAlchemy's asyncpg adapter
pings with `BEGIN`, `;` through the extended protocol, `ROLLBACK`: three round trips per
checkout (the transaction keeps the prepared `;` on one server connection behind PgBouncer in
transaction mode). Here the ping is `SELECT 1` through the simple query protocol (asyncpg's
`execute` without arguments): one round trip, no prepared statement and no explicit transaction,
so PgBouncer's transaction mode is safe too. (asyncpg cannot send the empty query that way: its
reply has no command tag.) A dead connection fails it as it failed the three, and the pool opens
a new one: tests/db/test_postgres_driver.py."""

from __future__ import annotations

from typing import Any, cast

import asyncpg
from sqlalchemy.dialects.postgresql.asyncpg import (
    AsyncAdapt_asyncpg_connection,
    AsyncAdapt_asyncpg_dbapi,
)


class OneTripPingConnection(AsyncAdapt_asyncpg_connection):
    __slots__ = ()

    async def _async_ping(self) -> None:
        connection = cast("asyncpg.Connection[Any]", self._connection)
        await connection.execute("SELECT 1")


class OneTripPingDBAPI(AsyncAdapt_asyncpg_dbapi):
    """The asyncpg DBAPI module SQLAlchemy's dialect uses, its connections pinging in one round
    trip (`create_async_engine(url, module=OneTripPingDBAPI())`)."""

    def __init__(self) -> None:
        super().__init__(asyncpg)  # type: ignore[no-untyped-call]

    def connect(self, *arg: Any, **kw: Any) -> OneTripPingConnection:
        connection = super().connect(*arg, **kw)  # type: ignore[no-untyped-call]
        # The stock connection, made as SQLAlchemy makes it; only its ping differs (a subclass
        # with no slots of its own, so the object can take its class).
        connection.__class__ = OneTripPingConnection
        return connection  # type: ignore[no-any-return]
