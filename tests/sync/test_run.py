"""bot/sync/run.py: a sync of the test site into the bot's database (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web
from sqlalchemy import func, select

from bot.app import Popcorn
from bot.db.models import Change, Film, Meta, Rating, Review
from bot.sync.report import SyncReport
from bot.sync.run import meta_key, sync_site
from tests.answers.moderation.helpers import say, text_of
from tests.sync.site import FakeSite, serve

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
LLV = "https://popcorn.example/leaving-las-vegas-blu-ray-review/"
CON_AIR = "https://popcorn.example/con-air-blu-ray-review/"
NEWS = "https://popcorn.example/site-news/"
BAD = "https://popcorn.example/con-air-2099-blu-ray-review/"


async def state(app: Popcorn) -> dict[str, Any]:
    """What a sync may write: the films' versions, the history, the reviews, the meta rows."""
    async with app.sessions() as session:
        versions = dict((await session.execute(select(Film.slug, Film.version))).all())
        changes = await session.scalar(select(func.count()).select_from(Change))
        reviews = (
            await session.execute(
                select(Film.slug, Review.url, Review.author, Review.cover_url, Rating.grade)
                .join(Review, Review.film_id == Film.id)
                .outerjoin(Rating, (Rating.review_id == Review.id) & (Rating.aspect == "audio"))
                .where(Review.deleted_at.is_(None))
                .order_by(Film.slug)
            )
        ).all()
        meta = dict((await session.execute(select(Meta.key, Meta.value))).all())
    return {"versions": versions, "changes": changes, "reviews": reviews, "meta": meta}


async def run(app: Popcorn, site: FakeSite, **options: Any) -> SyncReport:
    return await sync_site(app, site.url, client=site.client(), now=NOW, **options)


def first_report_lines(url: str, dry_run: bool = False) -> list[str]:
    would = "would be " if dry_run else ""
    page2 = f"{url}wp-json/wp/v2/posts?per_page=100&page=2&_embed=1 (post 2)"
    lines = [
        f"{'Read' if dry_run else 'Synced'} {url} through the REST API: 1 new, 1 updated, "
        "0 unchanged, 0 kept (edited in Discord), 1 skipped (not a review), 2 failed.",
        f"new: Con Air (1997) ({CON_AIR}) {would}added",
        f"updated: Leaving Las Vegas (1995) ({LLV}) {would}updated",
        f"skipped: {NEWS}: no film title and year found — not a review article in the site's "
        "template (expected e.g. 'Movie title: Leaving Las Vegas (1995)')",
        f"failed: {page2}: the post has no link",
        f"failed: {BAD}: film.year: Input should be less than or equal to 2027",
    ]
    return lines


async def test_a_first_sync_adds_and_updates_the_reviews(any_app: Popcorn) -> None:
    async with serve() as site:
        report = await run(any_app, site)
        url = site.url
    lines = report.lines()
    assert [line for line in lines if not line.startswith("warning:")] == first_report_lines(url)
    after = await state(any_app)
    reviews = {row[0]: row[1:] for row in after["reviews"]}
    assert reviews["con-air-1997"] == (
        CON_AIR,
        "Bob Reviewer",
        "https://popcorn.example/wp-content/uploads/con-air.jpg",
        "GOOD",
    )
    assert reviews["leaving-las-vegas-1995"][:3] == (
        LLV,
        "Ann Critic",
        "https://popcorn.example/wp-content/uploads/leaving-las-vegas.jpg",
    )
    assert after["meta"][meta_key(url)] == NOW.isoformat()
    async with any_app.sessions() as session:
        actors = (
            await session.scalars(
                select(Change.actor_name)
                .join(Film, Film.id == Change.film_id)
                .where(Film.slug == "con-air-1997", Change.action == "import")
            )
        ).all()
    assert actors and set(actors) == {"popcorn import"}  # history, as for every import


async def test_a_dry_run_reports_the_same_and_writes_nothing(any_app: Popcorn) -> None:
    before = await state(any_app)
    async with serve() as site:
        report = await run(any_app, site, dry_run=True)
        url = site.url
    lines = [line for line in report.lines() if not line.startswith("warning:")]
    assert lines == [*first_report_lines(url, dry_run=True), "Dry run: nothing was saved."]
    assert await state(any_app) == before


async def test_a_second_sync_of_an_unchanged_site_writes_nothing(any_app: Popcorn) -> None:
    later = NOW + dt.timedelta(hours=1)
    async with serve() as site:
        await run(any_app, site)
        written = await state(any_app)
        site.requests.clear()
        report = await sync_site(any_app, site.url, client=site.client(), now=later)
        # incremental: only the posts modified since the last sync (less a day's margin)
        assert [r.get("modified_after") for r in site.requests] == ["2026-11-29T12:00:00"]
        assert (report.new, report.updated, report.unchanged, report.failed) == ([], [], 0, [])
        full = await sync_site(any_app, site.url, client=site.client(), now=later, full=True)
        url = site.url
    assert (full.new, full.updated, full.unchanged, full.kept) == ([], [], 2, [])
    again = await state(any_app)
    assert again["meta"][meta_key(url)] == later.isoformat()
    assert {k: v for k, v in again.items() if k != "meta"} == {
        k: v for k, v in written.items() if k != "meta"
    }


async def test_a_review_edited_in_discord_is_kept_and_said(any_app: Popcorn) -> None:
    async with serve() as site:
        await run(any_app, site)
        saved = await say(any_app, "!review set con air audio EXCELLENT")
        assert text_of(saved) == "Saved. Con Air (1997) — audio: GOOD → EXCELLENT"
        edited = await state(any_app)
        report = await run(any_app, site, full=True)
        assert [(k.url, k.label, k.by) for k in report.kept] == [
            (CON_AIR, "Con Air (1997)", "Mod Erator")
        ]
        assert report.unchanged == 1  # Leaving Las Vegas
        kept_line = next(line for line in report.lines() if line.startswith("kept:"))
        assert kept_line.startswith(f"kept: Con Air (1997) ({CON_AIR}): edited in Discord since ")
        assert kept_line.endswith(
            " UTC by Mod Erator; not overwritten "
            "(`popcorn sync --overwrite-edits` takes the site's version)"
        )
        after = await state(any_app)
        assert (after["versions"], after["changes"], after["reviews"]) == (
            edited["versions"],
            edited["changes"],
            edited["reviews"],
        )
        forced = await run(any_app, site, full=True, overwrite_edits=True)
    assert forced.updated == [("Con Air (1997)", CON_AIR)]
    reviews = {row[0]: row[1:] for row in (await state(any_app))["reviews"]}
    assert reviews["con-air-1997"][3] == "GOOD"  # the site's again


async def test_the_feed_is_synced_when_the_api_is_off(any_app: Popcorn) -> None:
    async with serve(FakeSite(api_off=True)) as site:
        report = await run(any_app, site)
        url = site.url
    assert report.summary() == (
        f"Synced {url} through the RSS feed: 1 new, 1 updated, 0 unchanged, 0 kept (edited in "
        "Discord), 1 skipped (not a review), 0 failed."
    )
    reviews = {row[0]: row[1:] for row in (await state(any_app))["reviews"]}
    assert reviews["con-air-1997"][:3] == (CON_AIR, "Bob Reviewer", None)  # no cover in RSS


class BrokenSecondPage(FakeSite):
    async def posts(self, request: web.Request) -> web.Response:
        if request.query.get("page") == "2":
            self.requests.append(dict(request.query))
            return web.Response(status=500, text="oops")
        return await super().posts(request)


async def test_a_page_that_fails_does_not_stop_the_others(any_app: Popcorn) -> None:
    async with serve(BrokenSecondPage()) as site:
        report = await run(any_app, site)
        url = site.url
    page2 = f"{url}wp-json/wp/v2/posts?per_page=100&page=2&_embed=1"
    assert report.failed == [(page2, "the site answered 500")]
    assert report.updated == [("Leaving Las Vegas (1995)", LLV)]
    after = await state(any_app)
    assert dict((row[0], row[1]) for row in after["reviews"])["leaving-las-vegas-1995"] == LLV
    assert meta_key(url) not in after["meta"]  # the next sync reads page 2's posts again
