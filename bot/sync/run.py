"""`popcorn sync https://site/`: the site's review posts into the database, through the import.

1. The posts are read (bot.sync.wordpress: the REST API, modified since the last sync less a
   day, or the RSS feed), and each is read as a review (bot.records.wordpress).
   Reading and parsing the posts (HTML, JSON-LD, dates: CPU work) runs in a worker thread, so
   the running bot's event loop keeps answering during a long sync.
2. Every review is applied in a transaction that is rolled back, to learn what it would do:
   new (its film had no review), updated, unchanged. An update of a film whose latest history
   entry is a moderator's (edited in Discord since it was last imported or synced) is not
   made: it is reported as kept, unless `overwrite_edits` (bot.sync.edits, the rule
   `popcorn import export.xml` follows too).
3. Unless it is a dry run, the new and updated reviews are written by the import
   (Popcorn._import: one transaction, each film's next version and its history, the document
   cache cleared, other processes told), and the time of this sync is remembered in the meta
   table (key "sync:<site>") for the next one's `modified_after`. An unchanged site writes no
   film and no history.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.db.models import Meta
from bot.records.files import LoadedRecord, RecordError
from bot.records.wordpress import PostReading, WordPressPost, review_from_post
from bot.sync.edits import as_utc, try_reviews
from bot.sync.http import HttpClient, site_url
from bot.sync.report import SyncReport
from bot.sync.wordpress import SitePosts, fetch_posts

if TYPE_CHECKING:
    from bot.app import Popcorn

log = logging.getLogger(__name__)

#: WordPress compares modified_after with the post's local time: a day's margin covers any
#: time zone, and reading a post again changes nothing.
MARGIN = dt.timedelta(days=1)
Progress = Callable[[str, int, int], None]  # (stage, done, total)
#: Posts parsed per trip to the worker thread (a review post takes ~25 ms to read).
READ_BATCH = 25


def meta_key(site: str) -> str:
    key = f"sync:{site}"
    if len(key) <= 60:
        return key
    return "sync:" + hashlib.sha256(site.encode()).hexdigest()[:55]


async def last_sync(app: Popcorn, site: str) -> dt.datetime | None:
    async with app.sessions() as session:
        row = await session.get(Meta, meta_key(site))
    if row is None:
        return None
    try:
        return as_utc(dt.datetime.fromisoformat(row.value))
    except ValueError:
        return None


async def _remember(app: Popcorn, site: str, when: dt.datetime) -> None:
    async with app.sessions.begin() as session:
        await session.merge(Meta(key=meta_key(site), value=when.isoformat()))


async def sync_site(
    app: Popcorn,
    site: str,
    *,
    dry_run: bool = False,
    overwrite_edits: bool = False,
    full: bool = False,
    client: HttpClient | None = None,
    progress: Progress | None = None,
    reindex: bool = True,
    now: dt.datetime | None = None,
) -> SyncReport:
    """Read the site and write what changed (nothing when `dry_run`). Raises FetchError when
    the site cannot be read at all; a post that fails is in the report's `failed`."""
    site = site_url(site)
    since = None if full else await last_sync(app, site)
    started = now or dt.datetime.now(dt.UTC)
    http = client or HttpClient(site)

    def pages(done: int, total: int) -> None:
        if progress is not None:
            progress("reading pages", done, total)

    async with http:
        fetched = await fetch_posts(
            http, modified_after=since - MARGIN if since else None, progress=pages
        )
    report = SyncReport(site, fetched.source, dry_run)
    items = await read_reviews(fetched, report)  # parsed off the event loop
    to_write = await classify(app, items, report, overwrite_edits=overwrite_edits)
    if dry_run:
        return report
    if to_write:

        def writing(done: int, total: int) -> None:
            if progress is not None:
                progress("writing reviews", done, total)

        stats = await app._import(to_write, [], mark=None, progress=writing, reindex=reindex)
        report.note = stats.note
    if not fetched.pages_failed:  # a page not read: its posts are read again next time
        await _remember(app, site, started)
    return report


def _read_posts(posts: Sequence[WordPressPost]) -> list[PostReading | Exception]:
    """Each post read as a review, or the exception it raised (run in a worker thread)."""
    readings: list[PostReading | Exception] = []
    for post in posts:
        try:
            readings.append(review_from_post(post))
        except Exception as exc:  # one post never stops the others
            readings.append(exc)
    return readings


async def read_reviews(
    fetched: SitePosts, report: SyncReport, *, batch: int = READ_BATCH
) -> list[LoadedRecord]:
    """The posts that are reviews, as records; the others skipped or failed in the report.

    The posts are parsed (HTML, JSON-LD, dates: CPU work) in a worker thread, `batch` at a
    time, so the event loop keeps answering meanwhile, and a sync cancelled (the bot closing)
    stops after the batch being read; the report is written here, on the loop."""
    report.failed.extend(fetched.failed)
    items: list[LoadedRecord] = []
    first: dict[str, str] = {}
    posts = fetched.posts
    for start in range(0, len(posts), batch):
        chunk = posts[start : start + batch]
        readings = await asyncio.to_thread(_read_posts, chunk)
        for post, reading in zip(chunk, readings, strict=True):
            if isinstance(reading, RecordError):
                report.failed.append((post.url, reading.problem))
                continue
            if isinstance(reading, Exception):
                log.error("sync: the post %s could not be read", post.url, exc_info=reading)
                report.failed.append(
                    (post.url, f"could not be read ({type(reading).__name__}: {reading})")
                )
                continue
            if reading.record is None:
                report.skipped.append((post.url, reading.skipped or "not a review"))
                continue
            slug = reading.record.slug
            if slug in first:
                report.failed.append((post.url, f"a second post for {slug} (first: {first[slug]})"))
                continue
            first[slug] = post.url
            report.warnings.extend((post.url, warning) for warning in reading.warnings)
            items.append(LoadedRecord(post.url, reading.record, "replace"))
    return items


async def classify(
    app: Popcorn,
    items: Sequence[LoadedRecord],
    report: SyncReport,
    *,
    overwrite_edits: bool = False,
) -> list[LoadedRecord]:
    """What each review would do (bot.sync.edits.try_reviews), in the report; returns those
    to write (new and updated; not those kept because they were edited in Discord)."""
    write: list[LoadedRecord] = []
    for trial in await try_reviews(app.sessions, items, overwrite_edits=overwrite_edits):
        if trial.outcome == "unchanged":
            report.unchanged += 1
        elif trial.outcome == "kept":
            report.kept.append(trial.kept())
        else:
            (report.updated if trial.outcome == "updated" else report.new).append(
                (trial.label, trial.item.source)
            )
            write.append(trial.item)
    return write
