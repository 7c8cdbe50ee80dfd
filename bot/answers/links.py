"""Purchase links: the affiliate tag goes on retailer links that take one."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

AFFILIATE_DISCLOSURE = (
    "Affiliate links: buying through them may earn the site a commission. "
    "This has no effect on the price you pay."
)


def takes_affiliate_tag(url: str) -> bool:
    """Amazon's stores take an Associates tag (`?tag=`)."""
    host = (urlsplit(url).hostname or "").lower()
    parts = host.split(".")
    return "amazon" in parts[:-1] and not host.startswith("aws.")


def with_affiliate_tag(url: str, tag: str | None) -> str:
    """Add (or replace) `tag=` on a link that takes one; any other link is left alone."""
    if not tag or not takes_affiliate_tag(url):
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "tag"]
    query.append(("tag", tag))
    return urlunsplit(parts._replace(query=urlencode(query)))
