"""Purchase links: the affiliate tag goes on retailer links that take one."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.records.retailers import AMAZON_STORES

AFFILIATE_DISCLOSURE = (
    "Affiliate links: buying through them may earn the site a commission. "
    "This has no effect on the price you pay."
)


AMAZON_STORE = re.compile(rf"(^|\.){AMAZON_STORES}$")


def takes_affiliate_tag(url: str) -> bool:
    """Amazon's own stores take an Associates tag (`?tag=`); look-alike hosts do not."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https") and AMAZON_STORE.search(host) is not None


def with_affiliate_tag(url: str, tag: str | None) -> str:
    """Add (or replace) `tag=` on a link that takes one; any other link is left alone."""
    if not tag or not takes_affiliate_tag(url):
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "tag"]
    query.append(("tag", tag))
    return urlunsplit(parts._replace(query=urlencode(query)))
