"""A WordPress site's posts, read through its REST API, or its RSS feed when the API is off.

REST API: `/wp-json/wp/v2/posts?per_page=100&page=N&_embed=1` (with `modified_after=` for an
incremental sync), paged by the X-WP-TotalPages header; `_embed` brings the featured image
(`wp:featuredmedia[0].source_url`) and the author (`author[0].name`). When the API answers
404, 401 or 403, or anything that is not a JSON list of posts (a site serving its home page
there), the RSS feed `/feed/` is read instead (`content:encoded`, `dc:creator`, `pubDate`),
with defusedxml (no entity expansion, no external references).

Each post becomes a bot.records.wordpress.WordPressPost; a post the API gives malformed is a
failure of its own (URL + reason), never the end of the sync.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode, urljoin

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from bot.records.wordpress import WordPressPost
from bot.sync.http import FetchError, HttpClient, Response

API_PATH = "wp-json/wp/v2/posts"
FEED_PATH = "feed/"
PER_PAGE = 100
MAX_PAGES = 1000
API_OFF = frozenset({401, 403, 404})
NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}
_TAGS = re.compile(r"<[^>]+>")
_POST_ID = re.compile(r"[?&]p=(\d+)")

PagesProgress = Callable[[int, int], None]


@dataclass
class SitePosts:
    """What the site gave: its posts, and what could not be read (where, why)."""

    source: Literal["api", "rss"]
    posts: list[WordPressPost] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    pages: int = 0
    pages_failed: int = 0  # pages not read: their posts are missing


def api_url(site: str, page: int, modified_after: dt.datetime | None = None) -> str:
    query: dict[str, str | int] = {"per_page": PER_PAGE, "page": page, "_embed": 1}
    if modified_after is not None:
        query["modified_after"] = modified_after.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{urljoin(site, API_PATH)}?{urlencode(query)}"


def _plain(text: Any) -> str:
    """A rendered title: entities decoded, tags dropped, spaces folded."""
    return " ".join(html.unescape(_TAGS.sub("", str(text or ""))).split())


def _iso_date(value: Any) -> dt.datetime | None:
    """The API's `date_gmt` / `modified_gmt` (no zone: UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _rendered(item: dict[str, Any], key: str) -> Any:
    value = item.get(key)
    return value.get("rendered") if isinstance(value, dict) else value


def _first(embedded: Any, key: str) -> dict[str, Any]:
    if not isinstance(embedded, dict):
        return {}
    found = embedded.get(key)
    if isinstance(found, list) and found and isinstance(found[0], dict):
        return found[0]
    return {}


def post_from_api(item: Any) -> WordPressPost:
    """One post of the REST API's JSON (ValueError naming what is missing)."""
    if not isinstance(item, dict):
        raise ValueError("not a post object")
    url = item.get("link")
    content = _rendered(item, "content")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ValueError("the post has no link")
    if not isinstance(content, str):
        raise ValueError("the post has no content")
    embedded = item.get("_embedded")
    author = _first(embedded, "author").get("name")
    cover = _first(embedded, "wp:featuredmedia").get("source_url")
    post_id = item.get("id")
    return WordPressPost(
        url=url,
        title=_plain(_rendered(item, "title")),
        html=content,
        author=author if isinstance(author, str) else None,
        published=_iso_date(item.get("date_gmt")) or _iso_date(item.get("date")),
        modified=_iso_date(item.get("modified_gmt")) or _iso_date(item.get("modified")),
        cover_url=cover if isinstance(cover, str) else None,
        status=str(item.get("status") or "publish"),
        post_id=post_id if isinstance(post_id, int) else None,
    )


def _posts_of_page(response: Response) -> list[Any] | None:
    """The page's posts, or None when this is not the API (HTML, an error object)."""
    if response.status != 200 or "json" not in response.content_type:
        return None
    try:
        data = json.loads(response.body)
    except ValueError:
        return None
    return data if isinstance(data, list) else None


def _total_pages(response: Response) -> int:
    value = response.headers.get("X-WP-TotalPages", "1").strip()
    return min(int(value), MAX_PAGES) if value.isdigit() and int(value) > 0 else 1


async def fetch_posts(
    client: HttpClient,
    *,
    modified_after: dt.datetime | None = None,
    progress: PagesProgress | None = None,
) -> SitePosts:
    """Every post of the site (modified after `modified_after`, through the API)."""
    first_url = api_url(client.site, 1, modified_after)
    first = await client.get(first_url)
    items = _posts_of_page(first)
    if items is None:
        if first.status in API_OFF or first.status < 400 or "html" in first.content_type:
            return await fetch_feed(client, api_status=first.status)
        raise FetchError(f"{first_url}: the site answered {first.status}")
    total = _total_pages(first)
    result = SitePosts("api", pages=total)
    _add_items(result, items, first_url)
    if progress is not None:
        progress(1, total)
    for page in range(2, total + 1):
        url = api_url(client.site, page, modified_after)
        try:
            response = await client.get(url)
        except FetchError as exc:
            result.failed.append((url, str(exc).removeprefix(f"{url}: ")))
            result.pages_failed += 1
            continue
        page_items = _posts_of_page(response)
        if page_items is None:
            result.failed.append((url, f"not a page of posts (status {response.status})"))
            result.pages_failed += 1
        else:
            _add_items(result, page_items, url)
        if progress is not None:
            progress(page, total)
    return result


def _add_items(result: SitePosts, items: list[Any], page_url: str) -> None:
    for number, item in enumerate(items, start=1):
        try:
            result.posts.append(post_from_api(item))
        except ValueError as exc:
            where = item.get("link") if isinstance(item, dict) else None
            result.failed.append((str(where or f"{page_url} (post {number})"), str(exc)))


def _text(node: Any, path: str) -> str | None:
    found = node.find(path, NS)
    if found is None or found.text is None:
        return None
    return str(found.text).strip() or None


def _rss_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _rss_cover(item: Any) -> str | None:
    for node in [*item.findall("media:content", NS), *item.findall("enclosure")]:
        url, kind = node.get("url"), node.get("type") or node.get("medium") or ""
        if url and (kind.startswith("image") or (node.tag.endswith("content") and not kind)):
            return str(url)
    return None


def posts_from_feed(data: bytes, source: str) -> SitePosts:
    """The posts of an RSS 2.0 feed (FetchError when it is not one)."""
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException:
        raise FetchError(f"{source}: the feed declares entities or a DTD, refused") from None
    except ElementTree.ParseError as exc:
        raise FetchError(f"{source}: not an RSS feed ({exc})") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise FetchError(f"{source}: not an RSS feed")
    result = SitePosts("rss", pages=1)
    for number, item in enumerate(channel.findall("item"), start=1):
        link = _text(item, "link")
        body = _text(item, "content:encoded") or _text(item, "description")
        if not link or not link.startswith(("http://", "https://")):
            result.failed.append((f"{source} (item {number})", "the item has no link"))
            continue
        if body is None:
            result.failed.append((link, "the item has no content:encoded"))
            continue
        guid = _text(item, "guid") or ""
        post_id = _POST_ID.search(guid)
        result.posts.append(
            WordPressPost(
                url=link,
                title=_plain(_text(item, "title")),
                html=body,
                author=_text(item, "dc:creator"),
                published=_rss_date(_text(item, "pubDate")),
                modified=None,
                cover_url=_rss_cover(item),
                post_id=int(post_id.group(1)) if post_id else None,
            )
        )
    return result


async def fetch_feed(client: HttpClient, *, api_status: int | None = None) -> SitePosts:
    url = urljoin(client.site, FEED_PATH)
    response = await client.get(url)
    if response.status != 200:
        api = f"the REST API answered {api_status}, " if api_status is not None else ""
        raise FetchError(f"{client.site}: {api}the RSS feed {url} answered {response.status}")
    return posts_from_feed(response.body, url)
