"""The shops a review links to: one table of their web addresses and the names members see.

The article parser keeps only links to these shops; a moderator's `review link add` names a
link by it (and by the shop's own host name for a shop not listed here)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Amazon's own stores (a look-alike such as `amazon.co.uk.example` is none of them).
AMAZON_STORES = (
    r"amazon\.(?:com|ca|com\.mx|com\.br|co\.uk|de|fr|it|es|nl|se|pl|com\.be|ie|com\.tr|ae"
    r"|sa|eg|in|sg|co\.jp|com\.au)"
)
_AMAZON = rf"{AMAZON_STORES}|amzn\.(?:to|eu)"  # with Amazon's short links
#: A shop's country ending: `.com`, `.de`, `.co.uk`, `.com.au` (not `.com.example.net`).
_ENDING = r"\.[a-z]{2,3}(?:\.[a-z]{2})?"

#: (host pattern, name) - matched against the whole host name, without `www.`.
RETAILERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"amazon\.co\.uk", "Amazon UK"),
        (r"amazon\.com", "Amazon US"),
        (_AMAZON, "Amazon"),
        (r"zavvi" + _ENDING, "Zavvi"),
        (r"hmv" + _ENDING, "HMV"),
        (r"(?:shop\.)?arrow(?:films|video)" + _ENDING, "Arrow Films"),
        (r"101films" + _ENDING, "101 Films"),
        (r"powerhousefilms\.co\.uk", "Powerhouse Films"),
        (r"eurekavideo\.co\.uk", "Eureka"),
        (r"secondsightfilms\.co\.uk", "Second Sight"),
        (r"criterion\.com", "Criterion"),
        (r"wowhd" + _ENDING, "WOWHD"),
    )
)
_AFFILIATE_HOSTS = re.compile(rf"(?:[a-z0-9-]+\.)*(?:{_AMAZON})")


def _host(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def known_retailer(url: str) -> str | None:
    """The name of a listed shop the URL points to (`Arrow Films`), or None."""
    host = _host(url)
    return next((name for pattern, name in RETAILERS if pattern.fullmatch(host)), None)


def retailer_name(url: str) -> str:
    """The name to show for a purchase link: a listed shop's, else the site's own name taken
    from its host (`https://www.blu-ray.com/...` -> `Blu-ray`); `Shop` when there is no host."""
    if (name := known_retailer(url)) is not None:
        return name
    host = _host(url)
    parts = [p for p in host.split(".") if p]
    if not parts:
        return "Shop"
    # the registered name: `shop.example.co.uk` -> `example`
    generic = {"shop", "store", "m", "uk", "co", "com", "org", "net"}
    meaningful = [p for p in parts[:-1] if p not in generic] or parts[:1]
    name = meaningful[-1]
    return name[:1].upper() + name[1:]


def is_affiliate_shop(url: str) -> bool:
    """Whether the shop pays the site for its links (Amazon's associates programme)."""
    return _AFFILIATE_HOSTS.fullmatch(_host(url)) is not None
