"""Purchase links (bot/answers/links.py): the affiliate tag goes on affiliate Amazon links only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.answers.links import AFFILIATE_DISCLOSURE, with_affiliate_tag
from bot.answers.types import Card
from bot.app import Popcorn
from tests.helpers import answered as ask
from tests.helpers import make_settings

AMAZON_URL = "https://www.amazon.co.uk/s?k=Leaving+Las+Vegas+1995+Blu-ray"
TRAILER_URL = "https://www.youtube.com/results?search_query=Leaving+Las+Vegas+1995+trailer"


def query_tag(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query).get("tag", [])


async def test_no_affiliate_tag_by_default(app: Popcorn) -> None:
    card = await ask(app, "!review leaving las vegas")
    assert isinstance(card, Card)
    assert all(query_tag(link.url) == [] for link in card.links)


# --- affiliate tags -----------------------------------------------------------------------

SHOPS_RECORD = """\
schema: 1
film:
  title: Con Air
  year: 1997
review:
  verdict: Put the bunny back in the box
  purchase_links:
    - {retailer: Amazon UK, url: "https://www.amazon.co.uk/dp/B0001?ref=x", affiliate: true}
    - {retailer: Amazon US, url: "https://www.amazon.com/dp/B0002", affiliate: false}
    - {retailer: HMV, url: "https://hmv.com/store/con-air", affiliate: true}
    - {retailer: Amazon DE, url: "https://amazon.de/dp/B0003?tag=someone-else", affiliate: true}
"""


@pytest.fixture
async def tagged_app(tmp_path: Path) -> AsyncIterator[Popcorn]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'tagged.sqlite3'}"
    app = await Popcorn.start(make_settings(url, POPCORN_AFFILIATE_TAG="popcorn-21"))
    record = tmp_path / "con-air-1997.yaml"
    record.write_text(SHOPS_RECORD, encoding="utf-8")
    await app.import_paths([record])
    try:
        yield app
    finally:
        await app.close()


async def test_affiliate_tag_on_amazon_links(tagged_app: Popcorn) -> None:
    card = await ask(tagged_app, "!review leaving las vegas")
    assert isinstance(card, Card)
    buy, trailer = card.links
    assert buy.url == AMAZON_URL + "&tag=popcorn-21"
    assert query_tag(buy.url) == ["popcorn-21"]
    assert trailer.url == TRAILER_URL
    assert card.footer == AFFILIATE_DISCLOSURE
    bought = await ask(tagged_app, "!buy leaving las vegas")
    assert isinstance(bought, Card)
    assert [link.url for link in bought.links] == [buy.url]
    assert f"]({buy.url})" in (bought.description or "")


async def test_affiliate_tag_only_on_affiliate_amazon_links(tagged_app: Popcorn) -> None:
    card = await ask(tagged_app, "!buy con air")
    assert isinstance(card, Card)
    urls = {link.label.removeprefix("Buy at "): link.url for link in card.links}
    assert query_tag(urls["Amazon UK"]) == ["popcorn-21"]
    assert parse_qs(urlsplit(urls["Amazon UK"]).query)["ref"] == ["x"]
    assert urls["Amazon US"] == "https://www.amazon.com/dp/B0002"  # not an affiliate link
    assert urls["HMV"] == "https://hmv.com/store/con-air"  # not Amazon
    assert query_tag(urls["Amazon DE"]) == ["popcorn-21"]  # someone else's tag is replaced
    assert card.footer == AFFILIATE_DISCLOSURE


@pytest.mark.parametrize(
    "url",
    ["https://www.youtube.com/watch?v=x", "https://hmv.com/x", "https://notamazon.com/x"],
)
def test_non_amazon_links_are_left_alone(url: str) -> None:
    assert with_affiliate_tag(url, "popcorn-21") == url


def test_amazon_look_alike_hosts_get_no_tag() -> None:
    url = "https://amazon.example.net/dp/B0001"
    assert with_affiliate_tag(url, "popcorn-21") == url
