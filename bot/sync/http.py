"""The HTTP client of a sync: one aiohttp session, done properly.

Timeouts (connect and total), a User-Agent naming the bot, retries with exponential backoff
that honour Retry-After (429, 503), a size cap per response (read in chunks: the first chunk
over it stops the read), http(s) only, and redirects followed by hand: only to http(s), and
only on the site's own host. Every problem is a FetchError whose `str()` is one line.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from multidict import CIMultiDict

from bot import __version__

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class FetchError(Exception):
    """A page that could not be read; `str()` is one line for a person."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def site_url(text: str) -> str:
    """The site's address, checked: http(s) with a host; ends with "/"."""
    text = text.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web address: {text!r} (try https://site.example/)")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def _bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _size(limit: int) -> str:
    return f"{limit // 1024} KiB" if limit < 1024 * 1024 else f"{limit // (1024 * 1024)} MiB"


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class HttpClient:
    """`async with HttpClient(site) as client: response = await client.get(url)`."""

    def __init__(
        self,
        site: str,
        *,
        connect_timeout: float = 10.0,
        total_timeout: float = 30.0,
        max_bytes: int = 8 * 1024 * 1024,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.site = site_url(site)
        self.timeout = aiohttp.ClientTimeout(total=total_timeout, sock_connect=connect_timeout)
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.sleep = sleep
        self.user_agent = f"Popcorn/{__version__} (+{self.site})"
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> HttpClient:
        self._session = aiohttp.ClientSession(
            timeout=self.timeout,
            headers={"User-Agent": self.user_agent},
            raise_for_status=False,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get(self, url: str) -> Response:
        """The response (any status but a retried one), after redirects and retries."""
        attempt = 0
        while True:
            try:
                response = await self._follow(url)
            except (TimeoutError, aiohttp.ClientConnectionError) as exc:
                reason = "timed out" if isinstance(exc, TimeoutError) else "could not connect"
                if attempt >= self.retries:
                    raise FetchError(f"{url}: {reason}") from None
                await self.sleep(self.backoff * 2**attempt)
                attempt += 1
                continue
            except aiohttp.ClientError as exc:  # a broken answer: not worth asking again
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
            if response.status not in RETRY_STATUSES:
                return response
            if attempt >= self.retries:
                raise FetchError(f"{url}: the site answered {response.status}")
            wait = self.backoff * 2**attempt
            if response.status in (429, 503):
                asked = retry_after(response.headers.get("Retry-After"))
                if asked is not None:
                    if asked > self.max_wait:
                        raise FetchError(
                            f"{url}: the site answered {response.status} and asks to wait "
                            f"{asked:.0f} s; try again later"
                        )
                    wait = max(wait, asked)
            await self.sleep(wait)
            attempt += 1

    async def _follow(self, url: str) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            self._check(url)
            response = await self._fetch(url)
            if response.status not in REDIRECT_STATUSES:
                return response
            location = response.headers.get("Location")
            if not location:
                return response
            target = urljoin(url, location)
            scheme = urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError(f"{url} redirects to {target}: not http(s), refused")
            if _bare_host(target) != _bare_host(self.site):
                raise FetchError(f"{url} redirects to another site ({target}): refused")
            url = target
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _check(self, url: str) -> None:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FetchError(f"{url}: only http(s) addresses are read")

    async def _fetch(self, url: str) -> Response:
        if self._session is None:
            raise RuntimeError("HttpClient used outside `async with`")
        async with self._session.get(url, allow_redirects=False) as resp:
            length = resp.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > self.max_bytes:
                raise FetchError(f"{url}: larger than the {_size(self.max_bytes)} limit")
            body = bytearray()
            async for chunk in resp.content.iter_chunked(CHUNK):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(f"{url}: larger than the {_size(self.max_bytes)} limit")
            return Response(str(resp.url), resp.status, CIMultiDict(resp.headers), bytes(body))
