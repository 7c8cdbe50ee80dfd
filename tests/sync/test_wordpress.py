"""bot/sync/wordpress.py: the REST API (paged, _embed, modified_after) and the RSS fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.sync.http import FetchError
from bot.sync.wordpress import SitePosts, api_url, fetch_posts, post_from_api, posts_from_feed
from tests.sync.site import FILES, FakeSite, page, serve

UTC = dt.UTC


async def test_the_api_is_read_page_by_page() -> None:
    seen: list[tuple[int, int]] = []
    async with serve() as site, site.client() as http:
        result = await fetch_posts(http, progress=lambda done, total: seen.append((done, total)))
        url = site.url
    assert (result.source, result.pages) == ("api", 2)
    assert [post.post_id for post in result.posts] == [101, 102, 103, 105]
    assert result.failed == [
        (f"{url}wp-json/wp/v2/posts?per_page=100&page=2&_embed=1 (post 2)", "the post has no link")
    ]
    assert seen == [(1, 2), (2, 2)]
    assert [request["page"] for request in site.requests] == ["1", "2"]
    assert all(r["per_page"] == "100" and r["_embed"] == "1" for r in site.requests)


async def test_a_post_of_the_api_keeps_its_author_cover_and_dates() -> None:
    post = post_from_api(page(1)[0])
    assert post.url == "https://popcorn.example/leaving-las-vegas-blu-ray-review/"
    assert post.title == "Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?"
    assert post.author == "Ann Critic"
    assert post.cover_url == "https://popcorn.example/wp-content/uploads/leaving-las-vegas.jpg"
    assert post.published == dt.datetime(2019, 3, 2, 18, 4, 11, tzinfo=UTC)
    assert post.modified == dt.datetime(2019, 3, 2, 18, 4, 11, tzinfo=UTC)
    assert (post.status, post.post_id) == ("publish", 101)
    assert "<li>Directed by Mike Figgis</li>" in post.html
    assert post_from_api(page(1)[1]).cover_url is None  # no featured image


async def test_modified_after_is_sent_for_an_incremental_sync() -> None:
    since = dt.datetime(2026, 11, 29, 17, 0, tzinfo=UTC)
    async with serve() as site, site.client() as http:
        await fetch_posts(http, modified_after=since)
    assert [r["modified_after"] for r in site.requests] == ["2026-11-29T17:00:00"]
    assert "modified_after=2026-11-29T17%3A00%3A00" in api_url("https://s.example/", 1, since)


async def test_the_feed_is_read_when_the_api_is_off() -> None:
    async with serve(FakeSite(api_off=True)) as site, site.client() as http:
        result = await fetch_posts(http)
    assert (result.source, result.failed) == ("rss", [])
    assert [post.url for post in result.posts] == [
        "https://popcorn.example/leaving-las-vegas-blu-ray-review/",
        "https://popcorn.example/site-news/",
        "https://popcorn.example/con-air-blu-ray-review/",
    ]
    first = result.posts[0]
    assert first.title == "Leaving Las Vegas Blu-ray Review – Great Film / Poor Blu-ray?"
    assert (first.author, first.post_id) == ("Ann Critic", 101)
    assert first.published == dt.datetime(2019, 3, 2, 18, 4, 11, tzinfo=UTC)
    assert "<li>Directed by Mike Figgis</li>" in first.html


async def test_no_api_and_no_feed_is_one_error() -> None:
    site = FakeSite(api_off=True)
    async with serve(site) as site:
        site.feed = b""  # still served: not an RSS feed
        url = site.url
        async with site.client() as http:
            with pytest.raises(FetchError) as caught:
                await fetch_posts(http)
    assert str(caught.value).startswith(f"{url}feed/: not an RSS feed")


def test_a_feed_declaring_entities_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<rss><channel><item><title>&b;</title></item></channel></rss>"
    )
    with pytest.raises(FetchError) as caught:
        posts_from_feed(bomb, "https://s.example/feed/")
    assert (
        str(caught.value) == "https://s.example/feed/: the feed declares entities or a DTD, refused"
    )


def test_the_fixture_feed_has_the_three_posts() -> None:
    result = posts_from_feed((FILES / "feed.xml").read_bytes(), "feed")
    assert isinstance(result, SitePosts)
    assert [post.post_id for post in result.posts] == [101, 102, 103]
