"""The shops a review links to (bot/records/retailers.py): the names members see and which
shops pay the site for its links."""

from __future__ import annotations

import pytest

from bot.records.retailers import is_affiliate_shop, known_retailer, retailer_name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://shop.arrowfilms.com/p/con-air", "Arrow Films"),
        ("https://www.arrowfilms.com/", "Arrow Films"),
        ("https://arrowvideo.co.uk/x", "Arrow Films"),
        ("https://www.amazon.co.uk/dp/B01EXAMPLE", "Amazon UK"),
        ("https://amazon.com/dp/B0002", "Amazon US"),
        ("https://www.amazon.de/dp/B0003", "Amazon"),
        ("https://amzn.to/3abc", "Amazon"),
        ("https://www.zavvi.com/blu-ray/con-air/10000001.html", "Zavvi"),
        ("HTTPS://WWW.HMV.COM/store", "HMV"),
    ],
)
def test_a_listed_shop_is_named_by_the_table(url: str, name: str) -> None:
    assert known_retailer(url) == name
    assert retailer_name(url) == name


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.blu-ray.com/movies/con-air", "Blu-ray"),
        ("https://shop.example.co.uk/con-air", "Example"),
        ("https://store.bigdiscs.net/item/1", "Bigdiscs"),
        ("https://m.filmshop.com", "Filmshop"),
    ],
)
def test_an_unknown_shop_is_named_by_its_registered_name(url: str, name: str) -> None:
    assert known_retailer(url) is None
    assert retailer_name(url) == name


@pytest.mark.parametrize(
    "url", ["", "not a url", "https://", "http://[::1", "mailto:someone@example.com"]
)
def test_a_link_without_a_host_is_a_shop(url: str) -> None:
    assert known_retailer(url) is None
    assert retailer_name(url) == "Shop"


def test_a_look_alike_host_is_not_the_shop() -> None:
    assert known_retailer("https://amazon.co.uk.evil.example/dp/1") is None
    assert known_retailer("https://notzavvi.com/x") is None
    assert known_retailer("https://zavvi.com.evil.example/x") is None
    assert retailer_name("https://zavvi.com.evil.example/x") == "Evil"


@pytest.mark.parametrize(
    ("url", "affiliate"),
    [
        ("https://www.amazon.co.uk/dp/B01EXAMPLE", True),
        ("https://smile.amazon.com/dp/B0002", True),
        ("https://amzn.eu/d/abc", True),
        ("https://www.zavvi.com/blu-ray/x.html", False),
        ("https://amazon.co.uk.evil.example/dp/1", False),
        ("garbage", False),
    ],
)
def test_only_amazon_pays_for_its_links(url: str, affiliate: bool) -> None:
    assert is_affiliate_shop(url) is affiliate
