"""A WordPress site on a local aiohttp test server (no network), for the sync's tests.

Its REST API serves tests/sync/site/posts-1.json and posts-2.json (X-WP-TotalPages: 2), its
RSS feed tests/sync/site/feed.xml. `modified_after` is honoured as WordPress does; `api_off` makes
the API answer 404 (the feed is read); `requests` records the query of every API request.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.sync.http import HttpClient

FILES = Path(__file__).parent / "site"
SITE = "https://popcorn.example/"


def page(number: int) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((FILES / f"posts-{number}.json").read_text())
    return data


@dataclass
class FakeSite:
    pages: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: {1: page(1), 2: page(2)})
    api_off: bool = False
    feed: bytes = field(default_factory=lambda: (FILES / "feed.xml").read_bytes())
    requests: list[dict[str, str]] = field(default_factory=list)
    server: TestServer | None = None

    async def posts(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.query))
        if self.api_off:
            return web.Response(status=404, text="<html>Not Found</html>", content_type="text/html")
        pages = self.pages
        if "modified_after" in request.query:  # as WordPress: the posts modified since, paged
            since = request.query["modified_after"]
            posts = [p for pg in pages.values() for p in pg if p.get("modified_gmt", "") > since]
            pages = {n + 1: posts[n * 100 : n * 100 + 100] for n in range(len(posts) // 100 + 1)}
        number = int(request.query.get("page", "1"))
        if number not in pages:
            return web.json_response({"code": "rest_post_invalid_page_number"}, status=400)
        return web.json_response(pages[number], headers={"X-WP-TotalPages": str(len(pages))})

    async def rss(self, request: web.Request) -> web.Response:
        return web.Response(body=self.feed, content_type="application/rss+xml")

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    def client(self, **options: Any) -> HttpClient:
        async def no_wait(seconds: float) -> None:
            return None

        return HttpClient(self.url, sleep=no_wait, **options)


@asynccontextmanager
async def serve(site: FakeSite | None = None) -> AsyncIterator[FakeSite]:
    site = site or FakeSite()
    app = web.Application()
    app.router.add_get("/wp-json/wp/v2/posts", site.posts)
    app.router.add_get("/feed/", site.rss)
    site.server = TestServer(app)
    await site.server.start_server()
    try:
        yield site
    finally:
        await site.server.close()
