"""The `!export` zip is a complete backup (issue 12, item 7): a database with moderators' work in
it (a change, a removed review, history, a server's moderator roles and mod-log channel), then
`!export`, then `popcorn import popcorn-export.zip` into a new empty database gives back the same
records, the same removed reviews, the same history (every column) and the same settings; and a
second import of the same zip changes nothing. On SQLite and PostgreSQL (bot/db/exporter.py,
bot/db/importer.py, bot/app.py import_paths)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import func, select

from bot.answers.types import Answer, Confirmation, FileAnswer
from bot.app import Popcorn
from bot.db.exporter import BACKUP_FILE, export_backup, export_records, export_zip
from bot.db.models import Base, Change, GuildSettings
from tests.answers.moderation.helpers import MOD, say
from tests.db.test_storage import snapshot
from tests.helpers import make_settings

OTHER_GUILD = 55


async def moderators_work(app: Popcorn) -> None:
    """What a moderator leaves behind: a change, a removed review, history, both servers'
    settings (MOD's server 99 and another one)."""
    await say(app, "!review set leaving las vegas audio GREAT")
    await say(app, "!review set leaving las vegas pros +Great sound")
    confirm = await say(app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation)
    await app.apply(confirm.change)
    async with app.sessions.begin() as session:
        session.add(
            GuildSettings(
                guild_id=99,
                moderator_role_ids=[11, 12],
                modlog_channel_id=21,
                announce_channel_id=31,
                announce_after_review=1,
            )
        )
        session.add(GuildSettings(guild_id=OTHER_GUILD, moderator_role_ids=[3]))


async def backup_of(app: Popcorn) -> dict[str, Any]:
    async with app.sessions() as session:
        return {"records": await export_records(session), **await export_backup(session)}


async def counts(app: Popcorn) -> dict[str, int]:
    async with app.engine.connect() as conn:
        return {
            table.name: (await conn.execute(select(func.count()).select_from(table))).scalar_one()
            for table in Base.metadata.sorted_tables
        }


async def new_database(sqlite_url: str) -> Popcorn:
    """Empty: a SQLite file of the test's own (whichever database the work was done on)."""
    return await Popcorn.start(make_settings(sqlite_url), seed=False)


@dataclass
class Worked:
    """The module's app on one database after `moderators_work`, what `!export` then answered
    and the backup read from the database then (`backup_of`)."""

    app: Popcorn
    exported: Answer
    original: dict[str, Any]


#: Each module app's work, done once (keyed by the app's id; the app is kept, so no other takes
#: its id). The tests given it only read it: what they write goes to a new database.
_worked: dict[int, Worked] = {}


def zip_of(worked: Worked) -> bytes:
    assert isinstance(worked.exported, FileAnswer)
    return worked.exported.data


async def work_once(app: Popcorn) -> Worked:
    if id(app) not in _worked:
        await moderators_work(app)
        exported = await say(app, "!export")
        _worked[id(app)] = Worked(app, exported, await backup_of(app))
    return _worked[id(app)]


@pytest_asyncio.fixture(loop_scope="module")
async def worked(module_any_app: Popcorn) -> Worked:
    """The module's app on each database (one database of its own per module, tests/conftest.py)
    with a moderator's work done once (it was done again by each test, the same way), for the
    tests that only read it and restore its export into a new database; the test that writes
    to its database (`test_a_restore_replaces_a_servers_settings_and_says_so`) has its own."""
    return await work_once(module_any_app)


@pytest_asyncio.fixture(loop_scope="module")
async def worked_sqlite(module_sqlite_app: Popcorn) -> Worked:
    """The same, on SQLite only (the same app and work as `worked`'s sqlite case)."""
    module_sqlite_app.documents.clear()
    return await work_once(module_sqlite_app)


@pytest.mark.asyncio(loop_scope="module")
async def test_the_export_zip_restores_the_whole_database(
    worked: Worked, sqlite_url: str, tmp_path: Path
) -> None:
    any_app, exported, original = worked.app, worked.exported, worked.original
    assert isinstance(exported, FileAnswer) and exported.filename == "popcorn-export.zip"
    path = tmp_path / exported.filename
    path.write_bytes(exported.data)
    assert original["removed_reviews"][0]["film"] == "leaving-las-vegas-1995"
    assert [h["action"] for h in original["history"][-3:]] == ["set", "set", "remove"]

    copy = await new_database(sqlite_url)
    try:
        stats = await copy.import_paths([path])
        films = len(original["records"])
        assert stats.summary() == (
            f"{films} record(s): {films} film(s) added, 0 updated. Restored from the backup: "
            f"1 removed review(s), {len(original['history'])} history entries, "
            "1 server(s)' moderator roles and mod-log channel"
        )
        restored = await backup_of(copy)
        # The same records, removed reviews, history (every column), data/ mark...
        assert restored["records"] == original["records"]
        assert restored["removed_reviews"] == original["removed_reviews"]
        assert restored["history"] == original["history"]
        assert restored["data_loaded"] == original["data_loaded"]
        # ...and this server's settings, not the other server's (not its moderators' business).
        assert restored["guild_settings"] == [
            {
                "guild_id": 99,
                "moderator_role_ids": [11, 12],
                "modlog_channel_id": 21,
                "announce_channel_id": 31,
                "announce_after_review": 1,
            }
        ]
        theirs, ours = await counts(copy), await counts(any_app)
        assert theirs == ours | {"guild_settings": 1}
        # Importing the same zip again changes nothing at all.
        before = await snapshot(copy.engine)
        again = await copy.import_paths([path])
        assert again.summary() == f"{films} record(s): 0 film(s) added, 0 updated"
        assert await snapshot(copy.engine) == before
    finally:
        await copy.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_history_carries_every_column_of_the_changes_table(worked: Worked) -> None:
    async with worked.app.sessions() as session:
        backup = await export_backup(session)
    columns = {c.key for c in Change.__table__.columns} - {"id", "film_id"}
    assert all(set(entry) == columns | {"film"} for entry in backup["history"])
    last = backup["history"][-1]
    assert (last["action"], last["actor_id"], last["actor_name"], last["guild_id"]) == (
        "remove",
        MOD.id,
        MOD.name,
        MOD.guild_id,
    )


async def test_a_restore_replaces_a_servers_settings_and_says_so(
    any_app: Popcorn, tmp_path: Path
) -> None:
    await moderators_work(any_app)
    async with any_app.sessions() as session:
        exported = await export_zip(session)  # `popcorn export x.zip`: every server's settings
    assert exported.guilds == 2
    path = tmp_path / "x.zip"
    path.write_bytes(exported.data)
    async with any_app.sessions.begin() as session:
        row = await session.get(GuildSettings, 99)
        assert row is not None
        row.moderator_role_ids, row.modlog_channel_id = [77], None
    stats = await any_app.import_paths([path])
    assert stats.summary().endswith(
        "Restored from the backup: 1 server(s)' moderator roles and mod-log channel"
    )
    async with any_app.sessions() as session:
        rows = (await session.scalars(select(GuildSettings).order_by(GuildSettings.guild_id))).all()
        got = [(r.guild_id, r.moderator_role_ids, r.modlog_channel_id) for r in rows]
    assert got == [(OTHER_GUILD, [3], None), (99, [11, 12], 21)]


@pytest.mark.asyncio(loop_scope="module")
async def test_an_old_backup_of_format_1_still_imports(
    worked: Worked, sqlite_url: str, tmp_path: Path
) -> None:
    """Written before issue 12: no settings, history entries with the columns of then (made
    from the module's `!export` zip: the same records and history, its settings dropped)."""
    with zipfile.ZipFile(_write(tmp_path / "new.zip", zip_of(worked))) as archive:
        names = archive.namelist()
        texts = {name: archive.read(name) for name in names}
    backup = json.loads(texts[f"reviews/{BACKUP_FILE}"])
    old_columns = {"film", "film_label", "action", "field", "old_value", "new_value"}
    old_columns |= {"actor_id", "actor_name", "guild_id", "created_at"}
    backup["format"] = 1
    del backup["guild_settings"]
    backup["history"] = [
        {k: v for k, v in h.items() if k in old_columns} for h in backup["history"]
    ]
    texts[f"reviews/{BACKUP_FILE}"] = json.dumps(backup).encode()
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(old, "w") as archive:
        for name in names:
            archive.writestr(name, texts[name])
    copy = await new_database(sqlite_url)
    try:
        stats = await copy.import_paths([old])
        assert (stats.removed_reviews_restored, stats.history_restored) == (
            1,
            len(backup["history"]),
        )
        assert stats.settings_restored == 0
        restored = await backup_of(copy)
        trimmed = [{k: v for k, v in h.items() if k in old_columns} for h in restored["history"]]
        assert trimmed == backup["history"]
        assert restored["guild_settings"] == []
    finally:
        await copy.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_the_zip_and_its_unzipped_folder_restore_the_same(
    worked_sqlite: Worked, sqlite_url: str, tmp_path: Path
) -> None:
    exported = worked_sqlite.exported
    assert isinstance(exported, FileAnswer)
    path = _write(tmp_path / "popcorn-export.zip", exported.data)
    with zipfile.ZipFile(path) as archive:
        archive.extractall(tmp_path / "unzipped")
    results: list[dict[str, Any]] = []
    for source in (path, tmp_path / "unzipped" / "reviews"):
        copy = await Popcorn.start(make_settings(f"{sqlite_url}.{len(results)}"), seed=False)
        try:
            await copy.import_paths([source])
            results.append(await backup_of(copy))
        finally:
            await copy.close()
    assert results[0] == results[1]


@pytest.mark.asyncio(loop_scope="module")
async def test_the_same_records_as_a_zip_and_a_folder_at_once_are_refused(
    worked_sqlite: Worked, tmp_path: Path
) -> None:
    app = worked_sqlite.app  # refused: it changes nothing (the snapshots before and after)
    path = _write(tmp_path / "x.zip", zip_of(worked_sqlite))
    with zipfile.ZipFile(path) as archive:
        archive.extractall(tmp_path / "unzipped")
    before = await snapshot(app.engine)
    try:
        await app.import_paths([tmp_path / "unzipped", path])
    except ValueError as exc:
        assert "a second record for" in str(exc) and str(path) in str(exc)
    else:
        raise AssertionError("the same film twice was accepted")
    assert await snapshot(app.engine) == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.asyncio(loop_scope="module")
async def test_a_bad_backup_in_the_zip_is_one_line_naming_the_entry(
    worked_sqlite: Worked, tmp_path: Path
) -> None:
    app = worked_sqlite.app  # refused: it changes nothing (the snapshots before and after)
    with zipfile.ZipFile(_write(tmp_path / "x.zip", zip_of(worked_sqlite))) as archive:
        texts = {name: archive.read(name) for name in archive.namelist()}
    name = f"reviews/{BACKUP_FILE}"
    good = json.loads(texts[name])
    entry = good["history"][0]
    cases = [
        ({**good, "history": [{**entry, "actor_id": "Bob"}]}, "record history 1: `actor_id`"),
        ({**good, "history": [{**entry, "created_at": "soon"}]}, "record history 1: Invalid"),
        (
            {**good, "guild_settings": [{"guild_id": 2**70}]},
            "record server settings 1: `guild_id` must be a whole number",
        ),
        (
            {**good, "guild_settings": [{"guild_id": 1, "moderator_role_ids": ["x"]}]},
            "record server settings 1: `moderator_role_ids` must be a list of ids",
        ),
        ({**good, "guild_settings": {"a": 1}}, "`guild_settings` must be a list"),
        ("[" * 100_000, "not valid JSON (nested too deep)"),
    ]
    before = await snapshot(app.engine)
    for number, (backup, problem) in enumerate(cases):
        path = tmp_path / f"bad{number}.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for member, data in texts.items():
                text = backup if isinstance(backup, str) else json.dumps(backup)
                archive.writestr(member, text if member == name else data)
        try:
            await app.import_paths([path])
        except ValueError as exc:
            message = str(exc)
            assert message.startswith(f"{path}:{name}"), message
            assert problem in message and "\n" not in message, message
        else:
            raise AssertionError(f"accepted: {problem}")
    assert await snapshot(app.engine) == before
