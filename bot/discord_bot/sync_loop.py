"""The running bot's background sync: with POPCORN_SITE_URL set, the site is synced every
POPCORN_SYNC_MINUTES (the first time once the bot is connected), in an asyncio task of its own
so replies never wait for it; each run logs one line (the sync report's summary) and then the
new reviews are announced. A run that fails is logged and the next one comes on time; the task
is cancelled when the bot closes."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

from bot.discord_bot import background

if TYPE_CHECKING:
    from bot.app import Popcorn

log = logging.getLogger(__name__)


class Report(Protocol):
    def summary(self) -> str: ...


SyncFunction = Callable[["Popcorn", str], Awaitable[Report]]


async def sync_the_site(app: Popcorn, site: str) -> Report:
    """bot.sync.run.sync_site, imported when first used (the bot starts without it), one at a
    time with `popcorn import` / `popcorn sync` on the same database (the import lock)."""
    from bot.db.locks import import_lock
    from bot.sync.run import sync_site

    def waiting() -> None:
        log.info("the site sync waits for an import into this database to finish")

    async with import_lock(app.engine, waiting):
        return await sync_site(app, site)


class SiteSync:
    """Runs `sync(core, site)` every `minutes`, after `ready()`; then `after()` (the
    announcements). `clock`/`sleep` are injected by the tests."""

    def __init__(
        self,
        core: Popcorn,
        site: str,
        minutes: float,
        *,
        sync: SyncFunction = sync_the_site,
        ready: Callable[[], Awaitable[object]] | None = None,
        after: Callable[[], Awaitable[object]] | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.core = core
        self.site = site
        self.interval = minutes * 60
        self.sync = sync
        self.ready = ready
        self.after = after
        self.sleep = sleep
        self.clock = clock
        self.task: asyncio.Task[None] | None = None
        self.runs = 0

    def start(self) -> asyncio.Task[None]:
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self.loop(), name="popcorn-site-sync")
            self.task.add_done_callback(self._ended)
        return self.task

    def _ended(self, task: asyncio.Task[None]) -> None:
        """The loop never ends by itself: if it did, the log says why (no silent stop)."""
        if not task.cancelled() and (exc := task.exception()) is not None:
            log.error("the sync of %s stopped: %s: %s", self.site, type(exc).__name__, exc)

    async def stop(self) -> None:
        task, self.task = self.task, None
        await background.cancel(task)

    async def loop(self) -> None:
        if self.ready is not None:
            await self.ready()
        log.info("syncing %s every %g minute(s)", self.site, self.interval / 60)
        while True:
            started = self.clock()
            await self.run_once()
            # On schedule: a run that took a while shortens the wait, never below zero.
            await self.sleep(max(0.0, self.interval - (self.clock() - started)))

    async def run_once(self) -> str | None:
        """One sync and its summary line (None when it failed: the error is logged)."""
        started = self.clock()
        self.runs += 1
        try:
            report = await self.sync(self.core, self.site)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning(
                "sync of %s failed after %.1f s: %s: %s (next try in %g minute(s))",
                self.site, self.clock() - started, type(exc).__name__, exc,
                self.interval / 60,
            )  # fmt: skip
            return None
        line = report.summary()
        log.info("%s (%.1f s)", line, self.clock() - started)
        if self.after is not None:
            try:
                await self.after()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("announcing the new reviews after the sync of %s failed", self.site)
        return line


__all__ = ["SiteSync", "SyncFunction", "sync_the_site"]
