"""`popcorn sync URL` end to end: the real command line in a process of its own
(tests/processes.py), against the local test site (tests/sync/site.py), on a SQLite file."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.helpers import run_popcorn
from tests.sync.site import FakeSite, serve

CON_AIR = "https://popcorn.example/con-air-blu-ray-review/"
LLV = "https://popcorn.example/leaving-las-vegas-blu-ray-review/"


async def test_sync_prints_the_report_and_a_second_run_finds_nothing_new(tmp_path: Path) -> None:
    db = tmp_path / "popcorn.sqlite3"
    async with serve() as site:
        dry = await asyncio.to_thread(run_popcorn, ["sync", site.url, "--dry-run"], db, tmp_path)
        first = await asyncio.to_thread(run_popcorn, ["sync", site.url], db, tmp_path)
        second = await asyncio.to_thread(run_popcorn, ["sync", site.url], db, tmp_path)
        url = site.url
    assert dry.returncode == 1, dry.stderr  # two posts failed: the report names them
    dry_lines = dry.stdout.splitlines()
    assert dry_lines[0] == (
        f"Read {url} through the REST API: 2 new, 0 updated, 0 unchanged, 0 kept (edited in "
        "Discord), 1 skipped (not a review), 2 failed."
    )
    assert f"new: Con Air (1997) ({CON_AIR}) would be added" in dry_lines
    assert dry_lines[-1] == "Dry run: nothing was saved."

    assert first.returncode == 1, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == (
        f"Synced {url} through the REST API: 2 new, 0 updated, 0 unchanged, 0 kept (edited in "
        "Discord), 1 skipped (not a review), 2 failed."
    )
    assert f"new: Con Air (1997) ({CON_AIR}) added" in lines
    assert f"new: Leaving Las Vegas (1995) ({LLV}) added" in lines
    assert first.stderr == ""

    # incremental: no post was modified since the last sync: none is read, nothing written
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines() == [
        f"Synced {url} through the REST API: 0 new, 0 updated, 0 unchanged, 0 kept (edited in "
        "Discord), 0 skipped (not a review), 0 failed."
    ]

    card = await asyncio.to_thread(run_popcorn, ["chat", "!review con air"], db, tmp_path)
    assert "Con Air (1997)" in card.stdout


async def test_the_api_off_the_feed_is_read(tmp_path: Path) -> None:
    async with serve(FakeSite(api_off=True)) as site:
        result = await asyncio.to_thread(
            run_popcorn, ["sync", site.url], tmp_path / "p.sqlite3", tmp_path
        )
        url = site.url
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Synced {url} through the RSS feed: 2 new, 0 updated, 0 unchanged, 0 kept (edited in "
        "Discord), 1 skipped (not a review), 0 failed."
    )


def test_a_bad_address_is_one_line(tmp_path: Path) -> None:
    result = run_popcorn(["sync", "ftp://site.example/"], tmp_path / "p.sqlite3", tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "popcorn: not a web address: 'ftp://site.example/' (try https://site.example/)\n"
    )
