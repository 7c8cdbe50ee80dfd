"""`popcorn import export.xml` follows the sync's rule (bot.sync.edits): a review a moderator
edited in Discord since it was last imported or synced is kept and said, unless
`--overwrite-edits`. Record files keep replacing (an operator's file is the truth)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.app import Popcorn
from bot.cli import build_parser
from bot.db.changes import film_document_by_slug
from bot.db.models import Change, Film
from bot.records.files import load_import
from tests.answers.moderation.helpers import say, text_of

EXPORT = Path(__file__).parent / "wordpress" / "export.xml"
CON_AIR_URL = "https://popcorn.example/con-air-blu-ray-review/"
EDITED = "Loud, proud and moderated"


async def written(app: Popcorn) -> dict[str, Any]:
    """What an import may write: every film's version, and the number of history entries."""
    async with app.sessions() as session:
        versions = dict((await session.execute(select(Film.slug, Film.version))).all())
        changes = await session.scalar(select(func.count()).select_from(Change))
    return {"versions": versions, "changes": changes}


async def verdict(app: Popcorn, slug: str) -> str | None:
    async with app.sessions() as session:
        film = await film_document_by_slug(session, slug)
    assert film is not None and film.review is not None
    return film.review.verdict


async def test_an_export_keeps_a_review_edited_in_discord_and_says_so(any_app: Popcorn) -> None:
    await any_app.import_paths([EXPORT])
    site_verdict = await verdict(any_app, "con-air-1997")
    saved = await say(any_app, f"!review set con air verdict {EDITED}")
    assert text_of(saved).startswith("Saved. Con Air (1997) — verdict: ")
    edited = await written(any_app)

    again = await any_app.import_paths([EXPORT])
    # Leaving Las Vegas unchanged, Con Air kept: nothing written.
    assert (again.records, again.films_created, again.films_updated) == (1, 0, 0)
    assert await written(any_app) == edited
    assert await verdict(any_app, "con-air-1997") == EDITED
    *file_reports, kept = again.reports
    assert file_reports == load_import([EXPORT]).reports  # the export's report, as before
    assert kept.startswith(f"kept: Con Air (1997) ({CON_AIR_URL}): edited in Discord since ")
    assert kept.endswith(
        " UTC by Mod Erator; not overwritten "
        "(`popcorn import --overwrite-edits` takes the export's version)"
    )

    forced = await any_app.import_paths([EXPORT], overwrite_edits=True)
    assert (forced.records, forced.films_updated) == (2, 1)
    assert not any(line.startswith("kept:") for line in forced.reports)
    assert await verdict(any_app, "con-air-1997") == site_verdict
    # Imported again: the import's entry is the latest, so the next import may update it.
    after = await any_app.import_paths([EXPORT])
    assert (after.films_updated, after.reports[1:]) == (0, [])


async def test_a_review_edited_but_unchanged_by_the_export_is_not_reported(
    any_app: Popcorn,
) -> None:
    """Only a review the export would change is kept and said; an edit the export agrees with
    (here: undone in Discord) is simply unchanged."""
    await any_app.import_paths([EXPORT])
    site_verdict = await verdict(any_app, "con-air-1997")
    await say(any_app, f"!review set con air verdict {EDITED}")
    await say(any_app, f"!review set con air verdict {site_verdict}")
    again = await any_app.import_paths([EXPORT])
    assert (again.records, again.films_updated) == (2, 0)
    assert not any(line.startswith("kept:") for line in again.reports)


async def test_a_record_file_still_replaces_an_edited_review(
    any_app: Popcorn, tmp_path: Path
) -> None:
    """YAML records (and catalogs, backups) keep today's behaviour: the file is the truth."""
    record = tmp_path / "con-air.yaml"
    record.write_text(
        "schema: 1\nfilm:\n  title: Con Air\n  year: 1997\nreview:\n  verdict: From the file\n",
        encoding="utf-8",
    )
    await any_app.import_paths([record])
    await say(any_app, f"!review set con air verdict {EDITED}")
    again = await any_app.import_paths([record])
    assert (again.films_updated, again.reports) == (1, [])
    assert await verdict(any_app, "con-air-1997") == "From the file"


def test_popcorn_import_takes_overwrite_edits(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    assert parser.parse_args(["import", "x.xml"]).overwrite_edits is False
    assert parser.parse_args(["import", "--overwrite-edits", "x.xml"]).overwrite_edits is True
    with pytest.raises(SystemExit):
        parser.parse_args(["import", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--overwrite-edits for a WordPress export (.xml): also replace reviews" in shown
