"""bot/sync/edits.py: the rule the sync and an export's import share — a review that would
change a film edited in Discord since it was last imported or synced is kept (SQLite and
PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.app import Popcorn
from bot.db.models import Film
from bot.records.files import ImportInput, LoadedRecord, parse_record_text
from bot.sync.edits import CHUNK, discord_edits, keep_discord_edits, try_reviews
from tests.answers.moderation.helpers import CON_AIR, raising_arizona, say

OTHER_VERDICT = CON_AIR.replace("Big dumb fun on a decent disc", "Still big, still dumb")


def loaded(text: str, source: str = "con-air.yaml") -> LoadedRecord:
    return LoadedRecord(source, parse_record_text(text, source), "replace")


async def versions(app: Popcorn) -> dict[str, int]:
    async with app.sessions() as session:
        return dict((await session.execute(select(Film.slug, Film.version))).all())


async def test_what_each_review_would_do(any_app: Popcorn, tmp_path: Path) -> None:
    record = tmp_path / "con-air.yaml"
    record.write_text(CON_AIR, encoding="utf-8")
    await any_app.import_paths([record])
    before = await versions(any_app)
    arizona = loaded(raising_arizona(), "raising-arizona.yaml")

    trials = await try_reviews(any_app.sessions, [loaded(CON_AIR), arizona])
    assert [(t.label, t.outcome) for t in trials] == [
        ("Con Air (1997)", "unchanged"),
        ("Raising Arizona (1987)", "new"),  # in the catalog, not reviewed yet
    ]
    (updated,) = await try_reviews(any_app.sessions, [loaded(OTHER_VERDICT)])
    assert (updated.outcome, updated.edit) == ("updated", None)

    await say(any_app, "!review set con air verdict Edited in Discord")
    edited = await versions(any_app)
    (kept,) = await try_reviews(any_app.sessions, [loaded(CON_AIR)])
    assert (kept.outcome, kept.edit is not None and kept.edit[1]) == ("kept", "Mod Erator")
    assert kept.kept().label == "Con Air (1997)" and kept.kept().url == "con-air.yaml"
    (forced,) = await try_reviews(any_app.sessions, [loaded(CON_AIR)], overwrite_edits=True)
    assert forced.outcome == "updated"
    only = await try_reviews(any_app.sessions, [loaded(CON_AIR), arizona], only_edited=True)
    assert [(t.label, t.outcome) for t in only] == [("Con Air (1997)", "kept")]
    # Trials are rolled back: nothing was written by them.
    assert {k: v for k, v in edited.items() if k != "con-air-1997"} == {
        k: v for k, v in before.items() if k != "con-air-1997"
    }
    assert await versions(any_app) == edited


async def test_discord_edits_reads_the_latest_entry_per_film(
    any_app: Popcorn, tmp_path: Path
) -> None:
    record = tmp_path / "con-air.yaml"
    record.write_text(CON_AIR, encoding="utf-8")
    await any_app.import_paths([record])
    async with any_app.sessions() as session:
        con_air = await session.scalar(select(Film.id).where(Film.slug == "con-air-1997"))
        assert con_air is not None
        assert await discord_edits(session, [con_air]) == {}  # the import's entry is the latest
    await say(any_app, "!review set con air verdict Edited in Discord")
    async with any_app.sessions() as session:
        # More ids than one statement takes: asked in chunks.
        ids = [*range(10**8, 10**8 + CHUNK + 5), con_air]
        found = await discord_edits(session, ids)
    assert list(found) == [con_air] and found[con_air][1] == "Mod Erator"
    assert found[con_air][0].tzinfo is not None
    await any_app.import_paths([record])  # imported again: the import's entry is the latest
    async with any_app.sessions() as session:
        assert await discord_edits(session, [con_air]) == {}


async def test_only_an_exports_reviews_are_held_back(any_app: Popcorn, tmp_path: Path) -> None:
    record = tmp_path / "con-air.yaml"
    record.write_text(CON_AIR, encoding="utf-8")
    await any_app.import_paths([record])
    await say(any_app, "!review set con air verdict Edited in Discord")
    from_file = loaded(OTHER_VERDICT)
    assert await keep_discord_edits(any_app.sessions, ImportInput([from_file], [])) == []

    post = loaded(OTHER_VERDICT, "export.xml (https://popcorn.example/con-air/)")
    arizona = loaded(raising_arizona(), "export.xml (https://popcorn.example/arizona/)")
    given = ImportInput([post, arizona], [], from_exports=[post, arizona])
    forced = await keep_discord_edits(any_app.sessions, given, overwrite_edits=True)
    assert (forced, given.records) == ([], [post, arizona])
    (kept,) = await keep_discord_edits(any_app.sessions, given)
    assert given.records == [arizona] and given.from_exports == [arizona]
    # No review URL in the record: the source names the post.
    assert (kept.label, kept.url, kept.by) == (
        "Con Air (1997)",
        "export.xml (https://popcorn.example/con-air/)",
        "Mod Erator",
    )
    assert kept.line("popcorn import", "the export's version").endswith(
        "by Mod Erator; not overwritten "
        "(`popcorn import --overwrite-edits` takes the export's version)"
    )
