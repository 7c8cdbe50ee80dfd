"""`export` (bot/answers/moderation/exporting.py): the whole database, with the removed reviews,
the history and this server's moderation settings, imported back into an empty database (the
zip as it is, or unzipped) gives the same answers; the reply says what is inside and how to
restore it. The complete round trip, compared table by table: tests/db/test_backup_zip.py."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from bot.answers.types import Confirmation, FileAnswer, ItemList
from bot.app import Popcorn
from bot.discord_bot.render import render
from bot.records.files import dump_record, parse_record_text
from tests.answers.moderation.helpers import CON_AIR, OWNER, say, text_of
from tests.helpers import make_settings


async def test_export_then_import_gives_back_the_same_database(
    any_app: Popcorn, tmp_path: Path
) -> None:
    await say(any_app, "!review set leaving las vegas audio GREAT")
    exported = await say(any_app, "!export")
    assert isinstance(exported, FileAnswer) and exported.filename.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        archive.extractall(tmp_path / "export")
        names = archive.namelist()
    assert len(names) == any_app.index.film_count + 1
    assert "reviews/popcorn-backup.json" in names  # removed reviews and the history
    llv = parse_record_text(
        (tmp_path / "export/reviews/leaving-las-vegas-1995.yaml").read_text(), "x"
    )
    assert llv.review is not None and str(llv.review.ratings.audio) == "GREAT"
    assert dump_record(llv)  # round-trips through the writer too

    copy = await Popcorn.start(
        make_settings(f"sqlite+aiosqlite:///{tmp_path / 'copy.sqlite3'}"), seed=False
    )
    try:
        await copy.import_paths([tmp_path / "export"])
        for command in ("!review leaving las vegas", "!cast leaving las vegas", "!cage"):
            # Ids differ between databases; what members see is the same.
            theirs = render(await say(copy, command, actor=None)).payload()
            ours = render(await say(any_app, command, actor=None)).payload()
            assert (theirs["content"], theirs["embeds"]) == (ours["content"], ours["embeds"])
    finally:
        await copy.close()


async def test_the_discord_export_carries_removed_reviews_and_the_history(
    any_app: Popcorn, tmp_path: Path
) -> None:
    confirm = await say(any_app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation)
    await any_app.apply(confirm.change)
    exported = await say(any_app, "!export")
    assert isinstance(exported, FileAnswer)
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        archive.extractall(tmp_path / "export")
    copy = await Popcorn.start(
        make_settings(f"sqlite+aiosqlite:///{tmp_path / 'copy.sqlite3'}"), seed=False
    )
    try:
        await copy.import_paths([tmp_path / "export" / "reviews"])
        history = await say(copy, "!review history leaving las vegas")
        assert isinstance(history, ItemList)
        assert any("remove" in item.casefold() for item in history.items), history.items
        assert "Restored" in text_of(await say(copy, "!review restore leaving las vegas"))
    finally:
        await copy.close()


async def test_a_failed_import_leaves_the_sqlite_file_byte_for_byte_unchanged(
    app: Popcorn, tmp_path: Path
) -> None:
    database = Path(app.engine.url.database or "")
    async with app.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def digest() -> str:
        return "".join(
            hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(database.parent.glob(database.name + "*"))
        )

    before = digest()
    good = tmp_path / "good.yaml"
    good.write_text(CON_AIR)
    bad = tmp_path / "z-bad.yaml"
    bad.write_text(CON_AIR.replace("title: Con Air", "title: Con Air 2").replace("1997", "1500"))
    with pytest.raises(Exception, match=r"film\.year"):
        await app.import_paths([good, bad])
    assert digest() == before


async def test_the_reply_says_what_is_inside_and_how_to_restore_it(app: Popcorn) -> None:
    await say(app, "!review set leaving las vegas audio GREAT")
    exported = await say(app, "!export")
    assert isinstance(exported, FileAnswer)
    films = app.index.film_count
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        assert len(archive.namelist()) == films + 1
    assert exported.text == (
        f"The whole database: {films} record files, 0 removed reviews, {films + 1} history "
        "entries, and no settings for this server (none are set). It is a backup: restore it "
        "with `popcorn import popcorn-export.zip` (the zip as it is)."
    )
    await say(app, "!modlog <#234567890123456789>", actor=OWNER)
    confirm = await say(app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation)
    await app.apply(confirm.change)
    exported = await say(app, "!export")
    assert isinstance(exported, FileAnswer)
    assert exported.text.startswith(f"The whole database: {films} record files, 1 removed review, ")
    assert (
        "history entries, and this server's settings (0 moderator roles, a mod-log channel). "
        in (exported.text)
    )
    assert "popcorn import popcorn-export.zip" in exported.text


async def test_the_zip_imports_as_it_is(app: Popcorn, tmp_path: Path) -> None:
    """Issue 12, item 7: `popcorn import popcorn-export.zip` said "the file is not UTF-8 text"."""
    await say(app, "!review set leaving las vegas audio GREAT")
    exported = await say(app, "!export")
    assert isinstance(exported, FileAnswer)
    path = tmp_path / exported.filename
    path.write_bytes(exported.data)
    copy = await Popcorn.start(
        make_settings(f"sqlite+aiosqlite:///{tmp_path / 'copy.sqlite3'}"), seed=False
    )
    try:
        stats = await copy.import_paths([path])
        assert stats.films_created == app.index.film_count
        card = render(await say(copy, "!verdict leaving las vegas", actor=None)).payload()
        ours = render(await say(app, "!verdict leaving las vegas", actor=None)).payload()
        assert card["embeds"] == ours["embeds"]
    finally:
        await copy.close()
