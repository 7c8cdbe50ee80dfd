"""films.cast_complete on SQLite and PostgreSQL (issue #9: never a false "No"): set from review
records and catalog rows, never turned back to partial by a catalog row, kept by moderators'
cast edits, and carried through `popcorn export` -> `popcorn import`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.answers.types import Actor, Attachment, Confirmation, Notice
from bot.app import Popcorn
from bot.db.exporter import export_to_dir
from bot.db.models import Film
from bot.records.files import parse_record_text
from tests.helpers import make_settings

MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=99)

RECORD = """\
schema: 1
film:
  title: {title}
  year: 2001
{extra}review:
  verdict: Fine
"""
CAST = "  cast:\n    - {name: Ann Actor, character: Ann}\n    - {name: Bob Actor}\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def flags(app: Popcorn) -> dict[str, bool]:
    async with app.sessions() as session:
        rows = await session.execute(select(Film.slug, Film.cast_complete))
        return {slug: complete for slug, complete in rows.all()}


@pytest.mark.asyncio(loop_scope="module")
async def test_the_shipped_data_review_is_complete_catalogue_films_partial(
    shared_any_app: Popcorn,
) -> None:
    found = await flags(shared_any_app)
    assert found["leaving-las-vegas-1995"] is True
    assert found["con-air-1997"] is False and found["face-off-1997"] is False
    assert sum(found.values()) == 1  # only the reviewed film


async def test_the_flag_from_review_records(any_app: Popcorn, tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", RECORD.format(title="Reviewed With Cast", extra=CAST))
    write(tmp_path / "b.yaml", RECORD.format(title="Reviewed No Cast", extra=""))
    extra = CAST + "  cast_complete: false\n"
    write(tmp_path / "c.yaml", RECORD.format(title="Reviewed Says Partial", extra=extra))
    unreviewed = RECORD.format(title="Unreviewed", extra=CAST).split("review:")[0]
    write(tmp_path / "d.yaml", unreviewed)
    await any_app.import_paths([tmp_path])
    found = await flags(any_app)
    assert found["reviewed-with-cast-2001"] is True
    assert found["reviewed-no-cast-2001"] is False
    assert found["reviewed-says-partial-2001"] is False
    assert found["unreviewed-2001"] is False

    # A record is the whole truth: a new version of it changes the flag both ways.
    write(tmp_path / "a.yaml", RECORD.format(title="Reviewed With Cast", extra=extra))
    write(tmp_path / "c.yaml", RECORD.format(title="Reviewed Says Partial", extra=CAST))
    stats = await any_app.import_paths([tmp_path / "a.yaml", tmp_path / "c.yaml"])
    assert stats.films_updated == 2
    found = await flags(any_app)
    assert found["reviewed-with-cast-2001"] is False
    assert found["reviewed-says-partial-2001"] is True


async def test_the_flag_from_catalog_rows(any_app: Popcorn, tmp_path: Path) -> None:
    # New films (the bulk path): no column -> partial; the column -> its value.
    write(tmp_path / "plain.csv", "title,year,cast\nPlain Film,2001,Ann Actor\n")
    write(
        tmp_path / "flagged.csv",
        "title,year,cast,cast_complete\n"
        "Whole Cast,2001,Ann Actor; Bob Actor,yes\n"
        "Part Cast,2001,Ann Actor,no\n"
        "Empty Cell,2001,Ann Actor,\n",
    )
    await any_app.import_paths([tmp_path])
    found = await flags(any_app)
    assert found["plain-film-2001"] is False
    assert found["whole-cast-2001"] is True
    assert found["part-cast-2001"] is False
    assert found["empty-cell-2001"] is False

    # Known films (the merge path): a row saying nothing or partial leaves a list partial...
    write(tmp_path / "again.csv", "title,year,cast\nPlain Film,2001,Cy Actor\n")
    write(tmp_path / "part.csv", "title,year,cast,cast_complete\nPart Cast,2001,Cy Actor,no\n")
    stats = await any_app.import_paths([tmp_path / "again.csv", tmp_path / "part.csv"])
    assert stats.films_updated == 2  # the new credits
    found = await flags(any_app)
    assert found["plain-film-2001"] is False and found["part-cast-2001"] is False
    # ...a row saying complete completes it...
    write(tmp_path / "more.csv", "title,year,cast,cast_complete\nPlain Film,2001,Bob Actor,1\n")
    stats = await any_app.import_paths([tmp_path / "more.csv"])
    assert stats.films_updated == 1
    assert (await flags(any_app))["plain-film-2001"] is True
    # ...and a row saying partial, or nothing, never makes it partial again.
    write(tmp_path / "less.csv", "title,year,cast,cast_complete\nPlain Film,2001,Cy Actor,0\n")
    write(tmp_path / "none.csv", "title,year,cast\nWhole Cast,2001,Cy Actor\n")
    await any_app.import_paths([tmp_path / "less.csv", tmp_path / "none.csv"])
    found = await flags(any_app)
    assert found["plain-film-2001"] is True and found["whole-cast-2001"] is True


async def test_a_catalog_row_never_downgrades_a_reviewed_film(
    any_app: Popcorn, tmp_path: Path
) -> None:
    catalog = "title,year,cast,cast_complete\nLeaving Las Vegas,1995,Someone Else,false\n"
    write(tmp_path / "llv.csv", catalog)
    await any_app.import_paths([tmp_path / "llv.csv"])  # a later import
    assert (await flags(any_app))["leaving-las-vegas-1995"] is True

    # In one import too, whatever order the files are named in.
    write(tmp_path / "a.csv", "title,year,cast\nReviewed With Cast,2001,Cy Actor\n")
    write(tmp_path / "b.yaml", RECORD.format(title="Reviewed With Cast", extra=CAST))
    await any_app.import_paths([tmp_path / "a.csv", tmp_path / "b.yaml"])
    assert (await flags(any_app))["reviewed-with-cast-2001"] is True


async def test_a_moderators_cast_edit_keeps_the_flag(any_app: Popcorn, tmp_path: Path) -> None:
    # Reviewed without a cast (partial): adding a member does not make the list complete.
    write(tmp_path / "a.yaml", RECORD.format(title="Reviewed No Cast", extra=""))
    # Reviewed with one member (complete): removing it does not make the list partial.
    one = "  cast:\n    - {name: Ann Actor, character: Ann}\n"
    write(tmp_path / "b.yaml", RECORD.format(title="Reviewed One", extra=one))
    await any_app.import_paths([tmp_path])
    edits = [
        '!review cast add reviewed no cast "Ann Actor as Ann"',
        '!review cast remove reviewed one "Ann Actor"',
        '!review cast add con air "John Cusack as Vince Larkin"',
        '!review cast add leaving las vegas "Ed Lauter as Hitman"',
        '!review cast remove leaving las vegas "Julian Sands"',
    ]
    for edit in edits:
        saved = await any_app.answer_text(edit, MOD)
        assert isinstance(saved, Notice) and saved.text.startswith("Saved."), saved
        assert "cast_complete" not in saved.text  # spelling the flag out is no change
    found = await flags(any_app)
    assert found["reviewed-no-cast-2001"] is False
    assert found["reviewed-one-2001"] is True
    assert found["con-air-1997"] is False
    assert found["leaving-las-vegas-1995"] is True


async def test_adding_a_review_without_a_cast_keeps_the_catalogues_partial_cast(
    any_app: Popcorn,
) -> None:
    # the quick-entry form: no cast, so the catalogue's stays
    preview = await any_app.answer_text("!review new Mandy | 2018 | Bonkers | film 9", MOD)
    assert isinstance(preview, Confirmation)
    await any_app.apply(preview.change)
    assert (await flags(any_app))["mandy-2018"] is False

    # A review bringing the site's cast completes it.
    record = RECORD.format(title="Con Air", extra=CAST).replace("2001", "1997")
    preview = await any_app.answer_text(
        "!review add", MOD, (Attachment("con-air.yaml", record.encode()),)
    )
    assert isinstance(preview, Confirmation)
    await any_app.apply(preview.change)
    assert (await flags(any_app))["con-air-1997"] is True


async def test_export_then_import_keeps_the_flag(
    any_app: Popcorn, database_url: str, tmp_path: Path, sqlite_url: str
) -> None:
    write(tmp_path / "in/a.yaml", RECORD.format(title="Reviewed With Cast", extra=CAST))
    write(tmp_path / "in/b.yaml", RECORD.format(title="Reviewed No Cast", extra=""))
    extra = CAST + "  cast_complete: false\n"
    write(tmp_path / "in/c.yaml", RECORD.format(title="Reviewed Says Partial", extra=extra))
    write(
        tmp_path / "in/d.csv",
        "title,year,cast,cast_complete\nWhole Cast,2001,Ann Actor,yes\nPart Cast,2001,Ann,no\n",
    )
    await any_app.import_paths([tmp_path / "in"])
    original = await flags(any_app)
    assert original["reviewed-with-cast-2001"] and original["whole-cast-2001"]
    assert not original["reviewed-says-partial-2001"] and not original["part-cast-2001"]

    async with any_app.sessions() as session:
        await export_to_dir(session, tmp_path / "export")
    exported = tmp_path / "export"
    # Written only where the record would not say it by itself.
    assert "cast_complete" not in (exported / "reviewed-with-cast-2001.yaml").read_text()
    assert "cast_complete" not in (exported / "part-cast-2001.yaml").read_text()
    partial = parse_record_text((exported / "reviewed-says-partial-2001.yaml").read_text(), "x")
    assert partial.film.cast_complete is False
    whole = parse_record_text((exported / "whole-cast-2001.yaml").read_text(), "x")
    assert whole.film.cast_complete is True and whole.review is None

    target_url = sqlite_url if "postgresql" in database_url else database_url + ".copy"
    empty = await Popcorn.start(make_settings(target_url), seed=False)
    try:
        await empty.import_paths([exported])
        assert await flags(empty) == original
    finally:
        await empty.close()
