"""The running bot's background sync (bot/discord_bot/sync_loop.py): on schedule (an injected
clock and sleep), one summary line per run, the announcements after it, a failed run logged and
the next one on time, replies not waiting for a slow sync, the task started by setup_hook with
POPCORN_SITE_URL and cancelled at close; the two settings validated (bot/config.py)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from unittest.mock import MagicMock

import discord
import pytest
from pydantic import ValidationError

from bot.app import Popcorn
from bot.discord_bot.announcements import Announcer
from bot.discord_bot.client import create_bot
from bot.discord_bot.sync_loop import SiteSync
from tests.discord_bot.test_announcements import announcing, posted
from tests.helpers import make_settings
from tests.sync.site import serve

SITE = "https://site.example/"


@dataclass
class FakeReport:
    new: int

    def summary(self) -> str:
        return f"Synced {SITE} through the REST API: {self.new} new."


class Stop(Exception):
    """Ends the loop in a test after the runs it wanted."""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleeper(self, runs: int) -> object:
        async def sleep(seconds: float) -> None:
            self.slept.append(seconds)
            if len(self.slept) >= runs:
                raise Stop
            self.now += seconds

        return sleep


def summaries(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.discord_bot.sync_loop"]


async def test_the_sync_runs_on_schedule_and_logs_one_line(
    app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    seen: list[tuple[Popcorn, str, float]] = []
    announced: list[float] = []

    async def sync(core: Popcorn, site: str) -> FakeReport:
        seen.append((core, site, clock.now))
        clock.now += 12.5  # the sync takes 12.5 s
        if len(seen) == 2:
            raise ConnectionError("site.example is down")
        return FakeReport(len(seen))

    async def after() -> None:
        announced.append(clock.now)

    looping = SiteSync(
        app,
        SITE,
        60,
        sync=sync,
        after=after,
        sleep=clock.sleeper(3),
        clock=clock,  # type: ignore[arg-type]
    )
    with caplog.at_level(logging.INFO), pytest.raises(Stop):
        await looping.loop()
    # Every hour on the hour: the wait is the hour less the run's own time.
    assert [(core is app, site, when) for core, site, when in seen] == [
        (True, SITE, 1000.0),
        (True, SITE, 4600.0),
        (True, SITE, 8200.0),
    ]
    assert clock.slept == [3587.5, 3587.5, 3587.5]
    assert announced == [1012.5, 8212.5]  # not after the failed run
    assert summaries(caplog) == [
        f"syncing {SITE} every 60 minute(s)",
        f"Synced {SITE} through the REST API: 1 new. (12.5 s)",
        f"sync of {SITE} failed after 12.5 s: ConnectionError: site.example is down (next try "
        "in 60 minute(s))",
        f"Synced {SITE} through the REST API: 3 new. (12.5 s)",
    ]


async def test_replies_do_not_wait_for_a_slow_sync(app: Popcorn) -> None:
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_sync(core: Popcorn, site: str) -> FakeReport:
        started.set()
        await release.wait()
        return FakeReport(0)

    looping = SiteSync(app, SITE, 60, sync=slow_sync)
    task = looping.start()
    await asyncio.wait_for(started.wait(), 5)
    begun = time.perf_counter()
    answer = await app.answer_text("!review leaving las vegas")
    assert answer is not None and getattr(answer, "title", "") == "Leaving Las Vegas (1995)"
    assert time.perf_counter() - begun < 2
    assert not task.done()  # still syncing
    await looping.stop()
    assert task.cancelled() and looping.task is None


async def test_the_bot_starts_the_sync_with_a_site_and_stops_it_at_close(app: Popcorn) -> None:
    plain = create_bot(app.settings, core=app)
    await plain.setup_hook()
    assert plain.site_sync is None  # no POPCORN_SITE_URL: no sync
    settings = make_settings(str(app.settings.database_url), POPCORN_SITE_URL=SITE)
    bot = create_bot(settings, core=app)
    await bot.__aenter__()  # as `bot.start` does before setup_hook (never connected here)
    await bot.setup_hook()
    assert bot.site_sync is not None and bot.site_sync.interval == 3600
    task = bot.site_sync.task
    assert task is not None
    await asyncio.sleep(0)
    assert not task.done()  # waiting for the connection (wait_until_ready)
    assert bot.site_sync.runs == 0
    await bot.site_sync.stop()
    assert task.cancelled()


def test_the_settings_are_validated() -> None:
    url = "sqlite+aiosqlite:///x.sqlite3"
    settings = make_settings(url)
    assert settings.site_url is None and settings.sync_minutes == 60
    assert make_settings(url, POPCORN_SITE_URL="  ").site_url is None
    tuned = make_settings(url, POPCORN_SITE_URL=f" {SITE} ", POPCORN_SYNC_MINUTES="15")
    assert (tuned.site_url, tuned.sync_minutes) == (SITE, 15)
    with pytest.raises(ValidationError, match="POPCORN_SITE_URL must be the site's http"):
        make_settings(url, POPCORN_SITE_URL="ftp://site.example/")
    with pytest.raises(ValidationError, match="POPCORN_SITE_URL must be the site's http"):
        make_settings(url, POPCORN_SITE_URL="site.example")
    for minutes in ("0", "-5", "soon"):
        with pytest.raises(ValidationError):
            make_settings(url, POPCORN_SYNC_MINUTES=minutes)


async def test_a_loop_that_stops_says_why(app: Popcorn, caplog: pytest.LogCaptureFixture) -> None:
    async def broken_ready() -> None:
        raise RuntimeError("not logged in")

    looping = SiteSync(app, SITE, 60, ready=broken_ready)
    task = looping.start()
    with caplog.at_level(logging.ERROR):
        await asyncio.wait([task])
        await asyncio.sleep(0)
    assert summaries(caplog) == [f"the sync of {SITE} stopped: RuntimeError: not logged in"]


async def test_the_real_sync_of_a_site_then_its_new_review_announced(
    app: Popcorn, caplog: pytest.LogCaptureFixture
) -> None:
    """bot.sync.run.sync_site on the test site (a local HTTP server), then the announcements:
    the one new review (Con Air) is posted, the updated one (Leaving Las Vegas) is not."""
    client = MagicMock()
    channel = await announcing(app, client, discord.Permissions.all())
    announcer = Announcer(client, app)
    async with serve() as site:
        looping = SiteSync(app, site.url, 60, after=announcer.announce_new)
        with caplog.at_level(logging.INFO):
            first = await looping.run_once()
            again = await looping.run_once()
        url = site.url
    assert first == (
        f"Synced {url} through the REST API: 1 new, 1 updated, 0 unchanged, 0 kept "
        "(edited in Discord), 1 skipped (not a review), 2 failed."
    )
    assert again is not None and again.startswith(f"Synced {url} through the REST API: 0 new")
    assert [m.split(" (")[0] for m in summaries(caplog)] == [
        first.split(" (")[0],
        again.split(" (")[0],
    ]
    assert posted(channel) == [("🍿 New review: **Con Air (1997)**", "Con Air (1997)")]
    card = channel.send.await_args.kwargs["embeds"][0]
    assert card.url == "https://popcorn.example/con-air-blu-ray-review/"
