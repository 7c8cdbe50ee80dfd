"""bot/sync/report.py: the sync's report, as the terminal shows it."""

from __future__ import annotations

import datetime as dt

from bot.sync.report import Kept, SyncReport

SITE = "https://site.example/"


def test_the_report_counts_and_lists_every_post_that_is_not_unchanged() -> None:
    report = SyncReport(
        SITE,
        "api",
        new=[("Con Air (1997)", f"{SITE}con-air/")],
        updated=[("Face/Off (1997)", f"{SITE}face-off/")],
        unchanged=3,
        kept=[
            Kept(
                f"{SITE}mandy/",
                "Mandy (2018)",
                dt.datetime(2026, 11, 30, 17, 40, tzinfo=dt.UTC),
                "Mod Erator",
            )
        ],
        skipped=[(f"{SITE}news/", "not a review")],
        failed=[(f"{SITE}broken/", "film.year: Input should be less than or equal to 2027")],
        warnings=[(f"{SITE}con-air/", "composer 'Mark Mancin' read as 'Mark Mancina'")],
    )
    assert report.lines() == [
        f"Synced {SITE} through the REST API: 1 new, 1 updated, 3 unchanged, 1 kept (edited in "
        "Discord), 1 skipped (not a review), 1 failed.",
        f"new: Con Air (1997) ({SITE}con-air/) added",
        f"updated: Face/Off (1997) ({SITE}face-off/) updated",
        f"kept: Mandy (2018) ({SITE}mandy/): edited in Discord since 2026-11-30 17:40 UTC by "
        "Mod Erator; not overwritten (`popcorn sync --overwrite-edits` takes the site's version)",
        f"skipped: {SITE}news/: not a review",
        f"failed: {SITE}broken/: film.year: Input should be less than or equal to 2027",
        f"warning: {SITE}con-air/: composer 'Mark Mancin' read as 'Mark Mancina'",
    ]


def test_a_dry_run_says_nothing_was_saved() -> None:
    report = SyncReport(SITE, "rss", dry_run=True, new=[("Con Air (1997)", f"{SITE}c/")])
    assert report.lines() == [
        f"Read {SITE} through the RSS feed: 1 new, 0 updated, 0 unchanged, 0 kept (edited in "
        "Discord), 0 skipped (not a review), 0 failed.",
        f"new: Con Air (1997) ({SITE}c/) would be added",
        "Dry run: nothing was saved.",
    ]


def test_a_note_follows_the_counts() -> None:
    report = SyncReport(SITE, note="the shipped data is not loaded yet")
    assert report.lines()[1] == "Note: the shipped data is not loaded yet."
