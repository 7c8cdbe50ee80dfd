"""A WordPress export (WXR: the XML file of Tools > Export) as review records.

`popcorn import export.xml`: every published post that is a review in the site's template
becomes a record through bot.records.wordpress.review_from_post; attachments give each post its
featured image (the post's `_thumbnail_id` meta names an attachment, whose URL is the cover).
Posts that are not reviews (and drafts) are skipped and counted; a post that fails is reported
with its URL and the reason, and does not stop the others.

The XML is read with defusedxml, DTDs forbidden: an export never has one, and a hostile file
(entity expansion, external entities) is refused in one line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from dateutil import parser as dateparser
from defusedxml.ElementTree import fromstring

from bot.records.files import LoadedRecord, RecordError
from bot.records.wordpress import WordPressPost, review_from_post

MAX_WXR_BYTES = 200_000_000
WXR_SUFFIXES = (".xml",)

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_WP_VERSIONS = ("1.2", "1.1", "1.0")


@dataclass(frozen=True)
class PostProblem:
    url: str
    reason: str


@dataclass
class WxrReading:
    """What an export held: the review records, the posts skipped (not reviews, drafts) and
    the posts that failed, each with its URL and the reason."""

    source: str
    records: list[LoadedRecord] = field(default_factory=list)
    skipped: list[PostProblem] = field(default_factory=list)
    failed: list[PostProblem] = field(default_factory=list)
    warnings: list[PostProblem] = field(default_factory=list)

    def report(self) -> str:
        """`export.xml: 3 review(s) read, 2 post(s) skipped (not reviews), 1 failed: <url>:
        <reason>` (failures one per line after the first line)."""
        text = (
            f"{self.source}: {len(self.records)} review(s) read, "
            f"{len(self.skipped)} post(s) skipped (not reviews), {len(self.failed)} failed"
        )
        lines = [text + (":" if self.failed else ".")]
        lines += [f"  failed: {p.url}: {p.reason}" for p in self.failed]
        return "\n".join(lines)


def _wp(item: Element, name: str, ns: str) -> str:
    return (item.findtext(f"{{{ns}}}{name}") or "").strip()


def _date(value: str) -> dt.datetime | None:
    """A WXR date: `2019-03-02 18:04:11` (GMT) or an RSS pubDate; `0000-00-00 ...`: none."""
    value = value.strip()
    # An unpublished post's dates: `0000-00-00 00:00:00`, pubDate `... -0001 00:00:00 +0000`.
    if not value or value.startswith("0000-00-00") or " -0001 " in value:
        return None
    try:
        parsed = dateparser.parse(value)
    except (ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _namespace(root: Element) -> str:
    channel = root.find("channel")
    for version in _WP_VERSIONS:
        ns = f"http://wordpress.org/export/{version}/"
        if channel is not None and (
            channel.find(f"{{{ns}}}wxr_version") is not None
            or channel.find(f"item/{{{ns}}}post_type") is not None
        ):
            return ns
    raise RecordError("", "not a WordPress export (no wp:wxr_version in the XML's channel)")


def _parse(data: bytes, source: str) -> Element:
    if len(data) > MAX_WXR_BYTES:
        raise RecordError(source, f"the file is over {MAX_WXR_BYTES // 1_000_000} MB")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise RecordError(
            source, f"refused: the XML declares a DTD or entities ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise RecordError(source, f"not valid XML ({exc})") from None
    if root.tag != "rss":
        raise RecordError(source, "not a WordPress export (the XML is not an RSS document)")
    return root


def read_posts(data: bytes, source: str) -> list[WordPressPost]:
    """Every post (not pages or attachments) of the export, drafts included, with its author's
    display name and its featured image's URL."""
    root = _parse(data, source)
    try:
        ns = _namespace(root)
    except RecordError as exc:
        raise RecordError(source, exc.problem) from None
    channel = root.find("channel")
    assert channel is not None
    authors = {
        _wp(a, "author_login", ns): _wp(a, "author_display_name", ns) or _wp(a, "author_login", ns)
        for a in channel.findall(f"{{{ns}}}author")
    }
    items = channel.findall("item")
    attachments: dict[str, str] = {}
    for item in items:
        if _wp(item, "post_type", ns) == "attachment":
            url = _wp(item, "attachment_url", ns) or (item.findtext("guid") or "").strip()
            attachments[_wp(item, "post_id", ns)] = url
    posts = []
    for item in items:
        if _wp(item, "post_type", ns) != "post":
            continue
        meta = {
            _wp(m, "meta_key", ns): _wp(m, "meta_value", ns)
            for m in item.findall(f"{{{ns}}}postmeta")
        }
        login = (item.findtext(_DC_CREATOR) or "").strip()
        post_id = _wp(item, "post_id", ns)
        posts.append(
            WordPressPost(
                url=(item.findtext("link") or "").strip(),
                title=(item.findtext("title") or "").strip(),
                html=item.findtext(_CONTENT) or "",
                author=authors.get(login, login) or None,
                published=_date(
                    _wp(item, "post_date_gmt", ns)
                    if item.find(f"{{{ns}}}post_date_gmt") is not None
                    else item.findtext("pubDate") or ""
                ),
                modified=_date(_wp(item, "post_modified_gmt", ns)),
                cover_url=attachments.get(meta.get("_thumbnail_id", "")) or None,
                status=_wp(item, "status", ns) or "publish",
                post_id=int(post_id) if post_id.isdigit() else None,
            )
        )
    return posts


def read_wxr(data: bytes, source: str) -> WxrReading:
    """The export's reviews as records ("replace": each is the whole truth about its film, as
    a review record file is). Raises RecordError only when the file itself is unusable."""
    reading = WxrReading(source)
    by_slug: dict[str, tuple[WordPressPost, LoadedRecord]] = {}
    for post in read_posts(data, source):
        where = post.url or f"post {post.post_id or post.title!r}"
        try:
            result = review_from_post(post)
        except RecordError as exc:
            reading.failed.append(PostProblem(where, exc.problem))
            continue
        except Exception as exc:  # one post's surprise must not stop the others
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
            reading.failed.append(PostProblem(where, f"could not be read ({detail})"))
            continue
        if result.record is None:
            reading.skipped.append(PostProblem(where, result.skipped or "not a review"))
            continue
        reading.warnings.extend(PostProblem(where, w) for w in result.warnings)
        loaded = LoadedRecord(f"{source} ({where})", result.record, "replace")
        slug = result.record.slug
        if slug in by_slug:  # two posts review one film: the newest wins
            other_post, _ = by_slug[slug]
            newer, older = (post, other_post)
            if _when(other_post) > _when(post):
                newer, older = other_post, post
            reading.failed.append(
                PostProblem(
                    older.url or where,
                    f"a second review of {slug} — kept the newer post {newer.url}",
                )
            )
            if newer is other_post:
                continue
        by_slug[slug] = (post, loaded)
    reading.records = [loaded for _, loaded in by_slug.values()]
    return reading


def _when(post: WordPressPost) -> dt.datetime:
    return post.modified or post.published or dt.datetime.min.replace(tzinfo=dt.UTC)


__all__ = [
    "MAX_WXR_BYTES",
    "WXR_SUFFIXES",
    "PostProblem",
    "WxrReading",
    "read_posts",
    "read_wxr",
]
