"""`popcorn sync https://site/`: the site's review posts into the database, through the import.

1. The posts are read (bot.sync.wordpress: the REST API, modified since the last sync less a
   day, or the RSS feed), and each is read as a review (bot.records.wordpress).
2. Every review is applied in a transaction that is rolled back, to learn what it would do:
   new (its film had no review), updated, unchanged. An update of a film whose latest history
   entry is a moderator's (edited in Discord since it was last imported or synced) is not
   made: it is reported as kept, unless `overwrite_edits`.
3. Unless it is a dry run, the new and updated reviews are written by the import
   (Popcorn._import: one transaction, each film's next version and its history, the document
   cache cleared, other processes told), and the time of this sync is remembered in the meta
   table (key "sync:<site>") for the next one's `modified_after`. An unchanged site writes no
   film and no history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.bulk import IMPORT_ACTOR
from bot.db.exporter import current_review
from bot.db.importer import Importer
from bot.db.models import Change, Meta
from bot.records.files import LoadedRecord, RecordError
from bot.records.wordpress import review_from_post
from bot.sync.http import HttpClient, site_url
from bot.sync.report import Kept, SyncReport
from bot.sync.wordpress import SitePosts, fetch_posts

if TYPE_CHECKING:
    from bot.app import Popcorn

log = logging.getLogger(__name__)

#: WordPress compares modified_after with the post's local time: a day's margin covers any
#: time zone, and reading a post again changes nothing.
MARGIN = dt.timedelta(days=1)
Progress = Callable[[str, int, int], None]  # (stage, done, total)


def meta_key(site: str) -> str:
    key = f"sync:{site}"
    if len(key) <= 60:
        return key
    return "sync:" + hashlib.sha256(site.encode()).hexdigest()[:55]


def _utc(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


async def last_sync(app: Popcorn, site: str) -> dt.datetime | None:
    async with app.sessions() as session:
        row = await session.get(Meta, meta_key(site))
    if row is None:
        return None
    try:
        return _utc(dt.datetime.fromisoformat(row.value))
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
    items = read_reviews(fetched, report)
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


def read_reviews(fetched: SitePosts, report: SyncReport) -> list[LoadedRecord]:
    """The posts that are reviews, as records; the others skipped or failed in the report."""
    report.failed.extend(fetched.failed)
    items: list[LoadedRecord] = []
    first: dict[str, str] = {}
    for post in fetched.posts:
        try:
            reading = review_from_post(post)
        except RecordError as exc:
            report.failed.append((post.url, exc.problem))
            continue
        except Exception as exc:  # one post never stops the others
            log.exception("sync: the post %s could not be read", post.url)
            report.failed.append((post.url, f"could not be read ({type(exc).__name__}: {exc})"))
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
    """What each review would do, learnt by applying it in a transaction rolled back; returns
    those to write (new, updated and not kept)."""
    if not items:
        return []
    write: list[LoadedRecord] = []
    async with app.sessions() as session:
        try:
            importer = Importer(session)
            await importer.prepare(items)
            for item in items:
                facts = item.record.film
                label = f"{facts.title} ({facts.year})"
                film = importer.films.get(item.record.slug)
                had_review = film is not None and current_review(film) is not None
                before = (importer.stats.films_created, importer.stats.films_updated)
                await importer.apply(item)
                if (importer.stats.films_created, importer.stats.films_updated) == before:
                    report.unchanged += 1
                    continue
                if film is not None and film.id is not None and not overwrite_edits:
                    edit = await discord_edit(session, film.id)
                    if edit is not None:
                        report.kept.append(Kept(item.source, label, *edit))
                        continue
                (report.updated if had_review else report.new).append((label, item.source))
                write.append(item)
        finally:
            await session.rollback()
    return write


async def discord_edit(session: AsyncSession, film_id: int) -> tuple[dt.datetime, str] | None:
    """(when, who) if the film's latest history entry is not the import's: a moderator changed
    it in Discord after it was last imported or synced."""
    with session.no_autoflush:  # the trial changes stay unwritten: no write lock is taken
        row = (
            await session.execute(
                select(Change.actor_name, Change.created_at)
                .where(Change.film_id == film_id)
                .order_by(Change.created_at.desc(), Change.id.desc())
                .limit(1)
            )
        ).first()
    if row is None or row.actor_name == IMPORT_ACTOR:
        return None
    return _utc(row.created_at), row.actor_name
