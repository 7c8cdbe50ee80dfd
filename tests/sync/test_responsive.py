"""The running bot keeps answering while a sync parses: the posts are read (selectolax, JSON-LD,
dateutil) beside the event loop, not on it (bot.sync.run.read_reviews).

No timing threshold: each post's parse waits until a ticker coroutine on the event loop has
ticked twice since the parse began. Were the parse on the loop, the loop could not tick while
it waits, and the wait would end unfulfilled (after a minute: a hang, never a close call)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
from typing import Any

import pytest

import bot.sync.run
from bot.app import Popcorn
from bot.records.wordpress import PostReading, WordPressPost
from bot.sync.run import sync_site
from tests.sync.site import FakeSite, page, serve

POSTS = 40
#: Far above any parse: reached only if the loop is blocked.
HANG = 60.0


def many_reviews(count: int) -> dict[int, list[dict[str, Any]]]:
    """`count` review posts in the site's template (Con Air's post, one film each), over pages
    of 10."""
    (con_air,) = [post for post in page(2) if "con-air-blu-ray-review" in str(post.get("link"))]
    text = json.dumps(con_air)
    posts = []
    for n in range(count):
        post = json.loads(text.replace("Con Air", f"Con Air {n + 1}"))
        post["id"] = 1000 + n
        post["link"] = f"https://popcorn.example/con-air-{n + 1}-blu-ray-review/"
        posts.append(post)
    return {n // 10 + 1: posts[n : n + 10] for n in range(0, count, 10)}


async def test_the_event_loop_keeps_ticking_while_a_sync_parses(
    app: Popcorn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticks = 0
    changed = threading.Condition()
    stop = asyncio.Event()
    waits: list[bool] = []
    threads: set[int] = set()
    real = bot.sync.run.review_from_post

    def reading_while_the_loop_ticks(post: WordPressPost) -> PostReading:
        threads.add(threading.get_ident())
        with changed:
            start = ticks
            ok = all(waits) and changed.wait_for(lambda: ticks >= start + 2, timeout=HANG)
        waits.append(ok)
        return real(post)

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            await asyncio.sleep(0.001)
            with changed:
                ticks += 1
                changed.notify_all()

    monkeypatch.setattr(bot.sync.run, "review_from_post", reading_while_the_loop_ticks)
    site = FakeSite(pages=many_reviews(POSTS))
    async with serve(site) as served:
        ticking = asyncio.create_task(ticker())
        try:
            report = await sync_site(
                app,
                served.url,
                client=served.client(),
                now=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
            )
        finally:
            stop.set()
            await ticking
    assert len(waits) == POSTS and all(waits), "the event loop stood still while a post parsed"
    assert threading.get_ident() not in threads  # never on the loop's thread
    assert (len(report.new), report.failed) == (POSTS, [])
    assert report.new[0] == (
        "Con Air 1 (1997)",
        "https://popcorn.example/con-air-1-blu-ray-review/",
    )
