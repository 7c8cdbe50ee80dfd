"""Which cover images a card may show: http(s) images from the site's own host (the review's
host, and the configured site's), its subdomains, or WordPress's image CDN serving the site's
images (i0/i1/i2.wp.com/<site host>/...). Anything else is dropped without a word: a record
or a feed may carry any link, and a card must not load images from elsewhere."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

#: WordPress's image CDN (Photon, "Jetpack Site Accelerator"): the path starts with the
#: site's own host, e.g. https://i0.wp.com/site.example/wp-content/uploads/cover.jpg.
WORDPRESS_CDNS = frozenset({"i0.wp.com", "i1.wp.com", "i2.wp.com", "i3.wp.com"})

# Characters no image link of the site carries; they hide a link's real host from a reader.
_REFUSED = frozenset(" \t\r\n\\\"'<>`{}|^")


def _host(url: str | None) -> str | None:
    """The lower-case host of an http(s) link without user info, or None."""
    if not url or len(url) > 500 or any(ch in _REFUSED for ch in url):
        return None
    if not url.isascii():
        return None
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or not port_ok:
        return None
    host = (parts.hostname or "").rstrip(".")
    return host or None


def _bare(host: str) -> str:
    return host.removeprefix("www.")


def site_hosts(review_url: str | None, site_url: str | None = None) -> frozenset[str]:
    """The site's hosts (without a leading www.): the review's and the configured site's."""
    return frozenset(_bare(h) for h in (_host(review_url), _host(site_url)) if h)


def _on_site(host: str, sites: Iterable[str]) -> bool:
    return any(host == site or host.endswith("." + site) for site in sites)


def shown_cover(
    cover_url: str | None, review_url: str | None, site_url: str | None = None
) -> str | None:
    """`cover_url` when a card may show it (see the module's doc), else None."""
    host = _host(cover_url)
    sites = site_hosts(review_url, site_url)
    if cover_url is None or host is None or not sites:
        return None
    if _on_site(host, sites):
        return cover_url
    if host in WORDPRESS_CDNS:
        origin = urlsplit(cover_url).path.lstrip("/").split("/", 1)[0].lower()
        if origin and _on_site(origin, sites):
            return cover_url
    return None
