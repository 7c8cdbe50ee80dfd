"""Change signals between processes sharing one PostgreSQL database (shards, or a worker
beside the bot): after a change commits, its process NOTIFYs the others, which refresh that
film in their fuzzy index and drop it from their document cache (bot/app.py refresh_film).
Nothing polls the tables. A signal of no film (an import, a change of many films) resyncs.

If the listening connection drops, notifications may have been missed: on reconnecting, the
others resync once (bot/app.py resync: the cache emptied, the whole index rebuilt), then
signals are followed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)
CHANNEL = "popcorn_changes"
RECONNECT_DELAY = 1.0

# Coroutine functions (not any awaitable): their calls are scheduled with create_task.
FilmChanged = Callable[[int], Coroutine[Any, Any, None]]
Resync = Callable[[], Coroutine[Any, Any, None]]


def supports_feed(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


class ChangeFeed:
    """LISTEN on a dedicated asyncpg connection; NOTIFY through the engine."""

    def __init__(self, engine: AsyncEngine, on_film: FilmChanged, on_resync: Resync) -> None:
        self.engine = engine
        self.on_film = on_film
        self.on_resync = on_resync
        self.origin = uuid.uuid4().hex  # our own signals are not applied twice
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._pending: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._listen(), name="popcorn-change-feed")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def publish(self, film_id: int | None) -> None:
        """Tell the other processes that a film changed (None: many did, resync all)."""
        payload = json.dumps({"film": film_id, "origin": self.origin})
        async with self.engine.connect() as conn:
            await conn.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": payload},
            )
            await conn.commit()

    def _dsn(self) -> dict[str, Any]:
        url = make_url(self.engine.url.render_as_string(hide_password=False))
        return {
            "host": url.host, "port": url.port or 5432, "user": url.username,
            "password": url.password, "database": url.database,
        }  # fmt: skip

    def _received(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            data = json.loads(payload)
            film = data["film"]
            film_id, origin = (None if film is None else int(film)), str(data["origin"])
        except (ValueError, KeyError, TypeError):
            log.warning("ignoring a malformed change signal: %r", payload[:200])
            return
        if origin == self.origin:
            return
        work = self.on_resync() if film_id is None else self.on_film(film_id)
        task = asyncio.create_task(work)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _listen(self) -> None:
        import asyncpg

        first = True
        while True:
            conn = None
            try:
                conn = await asyncpg.connect(**self._dsn())
                await conn.add_listener(CHANNEL, self._received)
                if not first:
                    log.info("change feed reconnected: rebuilding the index once")
                    await self.on_resync()
                first = False
                self._ready.set()
                closed = asyncio.Event()
                conn.add_termination_listener(lambda _c, done=closed: done.set())
                await closed.wait()
                log.warning("change feed connection lost; reconnecting")
            except asyncio.CancelledError:
                raise
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning(
                    "change feed cannot listen (%s); retrying in %.0fs", exc, RECONNECT_DELAY
                )
            finally:
                if conn is not None and not conn.is_closed():
                    with contextlib.suppress(Exception):
                        await conn.close()
            await asyncio.sleep(RECONNECT_DELAY)
