"""bot/sync/http.py against a local aiohttp server (no network)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot import __version__
from bot.sync.http import FetchError, HttpClient, retry_after, site_url


class Calls:
    def __init__(self) -> None:
        self.count: dict[str, int] = {}
        self.agents: list[str] = []

    def hit(self, request: web.Request) -> int:
        self.count[request.path] = self.count.get(request.path, 0) + 1
        self.agents.append(request.headers.get("User-Agent", ""))
        return self.count[request.path]


@pytest.fixture
async def server() -> AsyncIterator[tuple[TestServer, Calls]]:
    calls = Calls()

    async def ok(request: web.Request) -> web.Response:
        calls.hit(request)
        return web.Response(text="hello")

    async def slow(request: web.Request) -> web.Response:
        calls.hit(request)
        await asyncio.sleep(2)
        return web.Response(text="late")

    async def broken(request: web.Request) -> web.Response:
        calls.hit(request)
        return web.Response(status=500, text="oops")

    async def busy(request: web.Request) -> web.Response:
        if calls.hit(request) == 1:
            return web.Response(status=429, headers={"Retry-After": "3"})
        return web.Response(text="now")

    async def too_busy(request: web.Request) -> web.Response:
        calls.hit(request)
        return web.Response(status=503, headers={"Retry-After": "3600"})

    async def big(request: web.Request) -> web.StreamResponse:
        calls.hit(request)
        response = web.StreamResponse()  # no Content-Length: read in chunks and stopped
        await response.prepare(request)
        for _ in range(64):
            await response.write(b"x" * 1024)
        await response.write_eof()
        return response

    async def away(request: web.Request) -> web.Response:
        calls.hit(request)
        raise web.HTTPFound("http://elsewhere.example/page")

    async def home(request: web.Request) -> web.Response:
        calls.hit(request)
        raise web.HTTPMovedPermanently("/ok")

    async def ftp(request: web.Request) -> web.Response:
        raise web.HTTPFound("ftp://127.0.0.1/file")

    app = web.Application()
    for path, handler in {
        "/ok": ok,
        "/slow": slow,
        "/broken": broken,
        "/busy": busy,
        "/too-busy": too_busy,
        "/big": big,
        "/away": away,
        "/home": home,
        "/ftp": ftp,
    }.items():
        app.router.add_get(path, handler)
    test_server = TestServer(app)
    await test_server.start_server()
    yield test_server, calls
    await test_server.close()


def client(server: TestServer, waits: list[float] | None = None, **kwargs: float) -> HttpClient:
    async def sleep(seconds: float) -> None:
        if waits is not None:
            waits.append(seconds)

    options: dict[str, float] = {"retries": 2, "backoff": 0.5, "total_timeout": 5.0}
    options.update(kwargs)
    return HttpClient(str(server.make_url("/")), sleep=sleep, **options)  # type: ignore[arg-type]


async def test_a_page_is_read_with_the_bots_user_agent(server: tuple[TestServer, Calls]) -> None:
    test_server, calls = server
    async with client(test_server) as http:
        response = await http.get(str(test_server.make_url("/ok")))
    assert (response.status, response.text()) == (200, "hello")
    assert calls.agents == [f"Popcorn/{__version__} (+{test_server.make_url('/')})"]


async def test_a_slow_page_times_out_after_its_retries(server: tuple[TestServer, Calls]) -> None:
    test_server, calls = server
    waits: list[float] = []
    url = str(test_server.make_url("/slow"))
    async with client(test_server, waits, total_timeout=0.2) as http:
        with pytest.raises(FetchError) as caught:
            await http.get(url)
    assert str(caught.value) == f"{url}: timed out"
    assert calls.count["/slow"] == 3
    assert waits == [0.5, 1.0]  # exponential backoff


async def test_a_500_is_retried_then_reported(server: tuple[TestServer, Calls]) -> None:
    test_server, calls = server
    waits: list[float] = []
    url = str(test_server.make_url("/broken"))
    async with client(test_server, waits) as http:
        with pytest.raises(FetchError) as caught:
            await http.get(url)
    assert str(caught.value) == f"{url}: the site answered 500"
    assert calls.count["/broken"] == 3
    assert waits == [0.5, 1.0]


async def test_a_429_waits_as_long_as_retry_after_says(server: tuple[TestServer, Calls]) -> None:
    test_server, calls = server
    waits: list[float] = []
    async with client(test_server, waits) as http:
        response = await http.get(str(test_server.make_url("/busy")))
    assert response.text() == "now"
    assert waits == [3.0]  # Retry-After: 3, longer than the backoff's 0.5
    assert calls.count["/busy"] == 2


async def test_a_retry_after_too_long_is_not_waited_for(server: tuple[TestServer, Calls]) -> None:
    test_server, calls = server
    waits: list[float] = []
    url = str(test_server.make_url("/too-busy"))
    async with client(test_server, waits) as http:
        with pytest.raises(FetchError) as caught:
            await http.get(url)
    assert str(caught.value) == (
        f"{url}: the site answered 503 and asks to wait 3600 s; try again later"
    )
    assert waits == []
    assert calls.count["/too-busy"] == 1


async def test_an_oversize_page_is_stopped(server: tuple[TestServer, Calls]) -> None:
    test_server, _ = server
    url = str(test_server.make_url("/big"))
    async with client(test_server, max_bytes=16 * 1024) as http:
        with pytest.raises(FetchError) as caught:
            await http.get(url)
    assert str(caught.value) == f"{url}: larger than the 16 KiB limit"


async def test_a_redirect_to_another_host_is_refused(server: tuple[TestServer, Calls]) -> None:
    test_server, _ = server
    url = str(test_server.make_url("/away"))
    async with client(test_server) as http:
        with pytest.raises(FetchError) as caught:
            await http.get(url)
    assert str(caught.value) == (
        f"{url} redirects to another site (http://elsewhere.example/page): refused"
    )


async def test_a_redirect_on_the_site_is_followed(server: tuple[TestServer, Calls]) -> None:
    test_server, calls = server
    async with client(test_server) as http:
        response = await http.get(str(test_server.make_url("/home")))
    assert (response.url, response.text()) == (str(test_server.make_url("/ok")), "hello")
    assert calls.count == {"/home": 1, "/ok": 1}


async def test_a_redirect_off_http_is_refused(server: tuple[TestServer, Calls]) -> None:
    test_server, _ = server
    url = str(test_server.make_url("/ftp"))
    async with client(test_server) as http:
        with pytest.raises(FetchError) as caught:
            await http.get(url)
    assert str(caught.value) == f"{url} redirects to ftp://127.0.0.1/file: not http(s), refused"


def test_site_url_accepts_http_only() -> None:
    assert site_url("https://Site.example") == "https://site.example/"
    assert site_url(" http://site.example/blog ") == "http://site.example/blog/"
    for bad in ("ftp://site.example/", "site.example", "https://"):
        with pytest.raises(FetchError) as caught:
            site_url(bad)
        assert str(caught.value) == f"not a web address: {bad!r} (try https://site.example/)"


def test_retry_after_reads_seconds_and_dates() -> None:
    import datetime as dt

    now = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
    assert retry_after("120", now) == 120.0
    assert retry_after("Mon, 30 Nov 2026 12:01:00 GMT", now) == 60.0
    assert retry_after("soon", now) is None
    assert retry_after(None, now) is None
