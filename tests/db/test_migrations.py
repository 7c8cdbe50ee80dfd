"""Migrations upgrade a database of the previous schema without losing rows (SQLite and
PostgreSQL), and the bot then answers from it. A start on a database at the head reads the
version table without Alembic; anything else is still Alembic's to decide; two starts at once
take turns under the start-up lock."""

from __future__ import annotations

import ast
import asyncio
import datetime as dt
import logging
from pathlib import Path

import pytest
from alembic.util import CommandError
from sqlalchemy import text

from bot.answers.types import Actor, Card, ItemList, Notice
from bot.app import Popcorn
from bot.db import migrate
from bot.db.engine import create_engine
from tests.helpers import make_settings

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
ROWS = {
    "films": [
        {"id": 1, "slug": "con-air-1997", "title": "Con Air", "year": 1997, "genres": '["Action"]',
         "certificate": "15", "runtime_min": 115, "description": None, "synopsis": None,
         "created_at": NOW, "updated_at": NOW},
        {"id": 2, "slug": "face-off-1997", "title": "Face/Off", "year": 1997, "genres": "[]",
         "certificate": None, "runtime_min": None, "description": None, "synopsis": None,
         "created_at": NOW, "updated_at": NOW},
        {"id": 3, "slug": "the-rock-1996", "title": "The Rock", "year": 1996, "genres": "[]",
         "certificate": None, "runtime_min": None, "description": None, "synopsis": None,
         "created_at": NOW, "updated_at": NOW},
        {"id": 4, "slug": "koyaanisqatsi-1982", "title": "Koyaanisqatsi", "year": 1982,
         "genres": "[]", "certificate": None, "runtime_min": None, "description": None,
         "synopsis": None, "created_at": NOW, "updated_at": NOW},
    ],
    "people": [
        {"id": 1, "name": "Nicolas Cage", "name_key": "nicolas cage"},
        {"id": 2, "name": "Simon West", "name_key": "simon west"},
    ],
    "credits": [
        {"id": 1, "film_id": 1, "person_id": 2, "role": "director", "character": None,
         "billing": 0},
        {"id": 2, "film_id": 1, "person_id": 1, "role": "actor", "character": "Cameron Poe",
         "billing": 1},
        {"id": 3, "film_id": 2, "person_id": 1, "role": "actor", "character": "Castor Troy",
         "billing": 0},
        {"id": 4, "film_id": 3, "person_id": 1, "role": "actor", "character": "Stanley Goodspeed",
         "billing": 0},
        {"id": 5, "film_id": 4, "person_id": 2, "role": "director", "character": None,
         "billing": 0},
    ],
    "film_aliases": [{"id": 1, "film_id": 2, "alias": "Face Off"}],
    "releases": [
        {"id": 1, "film_id": 1, "format": "Blu-ray", "edition": None, "label": "Touchstone",
         "release_date": dt.date(2012, 10, 8), "country": "UK", "region": "B", "discs": 1,
         "extras": "[]"},
    ],
    "reviews": [
        {"id": 1, "film_id": 1, "release_id": 1, "headline": None, "url": None, "author": None,
         "published": None, "intro": None, "style_direction": None, "music_audio": None,
         "acting_characters": None, "film_conclusion": None, "release_conclusion": None,
         "verdict": "Big dumb fun", "pros": '["Malkovich"]', "cons": "[]", "recommendation": None,
         "trailer_url": None, "trailer_note": None, "version": 1, "deleted_at": None,
         "created_at": NOW, "updated_at": NOW},
        {"id": 2, "film_id": 3, "release_id": None, "headline": None, "url": None, "author": None,
         "published": None, "intro": None, "style_direction": None, "music_audio": None,
         "acting_characters": None, "film_conclusion": None, "release_conclusion": None,
         "verdict": "Removed", "pros": "[]", "cons": "[]", "recommendation": None,
         "trailer_url": None, "trailer_note": None, "version": 1, "deleted_at": NOW,
         "created_at": NOW, "updated_at": NOW},
        {"id": 3, "film_id": 4, "release_id": None, "headline": None, "url": None, "author": None,
         "published": None, "intro": None, "style_direction": None, "music_audio": None,
         "acting_characters": None, "film_conclusion": None, "release_conclusion": None,
         "verdict": "No actors", "pros": "[]", "cons": "[]", "recommendation": None,
         "trailer_url": None, "trailer_note": None, "version": 1, "deleted_at": None,
         "created_at": NOW, "updated_at": NOW},
    ],
    "ratings": [
        {"id": 1, "review_id": 1, "aspect": "picture", "grade": "GREAT", "score": 4.0},
        {"id": 2, "review_id": 1, "aspect": "film", "grade": None, "score": 7.0},
    ],
    "purchase_links": [
        {"id": 1, "review_id": 1, "position": 0, "retailer": "Amazon UK",
         "url": "https://www.amazon.co.uk/dp/B000", "affiliate": True},
    ],
}  # fmt: skip


async def test_an_old_database_is_upgraded_without_losing_rows(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await migrate.upgrade(engine, "0001")  # the previous schema
        async with engine.begin() as conn:
            for table, rows in ROWS.items():
                columns = list(rows[0])
                await conn.execute(
                    text(
                        f"INSERT INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({', '.join(':' + c for c in columns)})"
                    ),
                    rows,
                )
            if engine.dialect.name == "postgresql":  # ids were given: move the sequences on
                for table in ROWS:
                    await conn.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)")
                    )
        assert await migrate.current_revision(engine) == "0001"

        await migrate.upgrade(engine)
        assert await migrate.current_revision(engine) == migrate.head_revision()
        async with engine.connect() as conn:
            for table, rows in ROWS.items():
                count = (await conn.execute(text(f"SELECT count(*) FROM {table}"))).scalar()
                assert count == len(rows), table
            versions = (await conn.execute(text("SELECT version FROM films ORDER BY id"))).scalars()
            assert list(versions) == [1, 1, 1, 1]
            # 0003: complete where a current review and actors were (Con Air); not for a
            # catalogue film (Face/Off), a removed review (The Rock), a review without actors.
            flags = await conn.execute(text("SELECT cast_complete FROM films ORDER BY id"))
            assert [bool(flag) for flag in flags.scalars()] == [True, False, False, False]
            assert (await conn.execute(text("SELECT count(*) FROM changes"))).scalar() == 0
            # 0004: a database with films had its data/ loaded by the old first run.
            keys = (await conn.execute(text("SELECT key FROM meta"))).scalars()
            assert list(keys) == ["data_loaded"]
    finally:
        await engine.dispose()

    # The upgraded database serves the bot (and is not re-seeded: it is not empty).
    app = await Popcorn.start(make_settings(database_url))
    try:
        card = await app.answer_text("!review con air")
        assert isinstance(card, Card) and card.title == "Con Air (1997)"
        assert {f.name: f.value for f in card.fields}["Film"] == "7/10"
        assert app.index.film_count == 4
        cast = await app.answer_text("!cast face off")
        assert isinstance(cast, ItemList) and cast.intro
        assert cast.intro.startswith("The cast I have for Face/Off (1997) lists only Nicolas")
        cast = await app.answer_text("!cast con air")
        assert isinstance(cast, ItemList) and "complete" not in (cast.intro or "")
        moderator = Actor(1, "mod", is_moderator=True, guild_id=1)
        saved = await app.answer_text("!review set con air audio GOOD", moderator)
        assert isinstance(saved, Notice) and "audio: — → GOOD" in saved.text
    finally:
        await app.close()


async def test_an_empty_old_database_still_gets_the_shipped_data(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await migrate.upgrade(engine, "0003")
        await migrate.upgrade(engine)
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM meta"))).scalar() == 0
    finally:
        await engine.dispose()
    app = await Popcorn.start(make_settings(database_url))
    try:
        assert app.index.film_count > 80
    finally:
        await app.close()


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert migrate.shipped_head() is not None
    assert migrate.shipped_head() == migrate.head_revision()


def test_importing_the_migrations_module_does_not_import_alembic() -> None:
    """Alembic (~0.5 s of imports) is imported inside the functions that need it: a start on a
    database at the head never does (bot.app imports bot.db.migrate)."""
    tree = ast.parse(Path(migrate.__file__).read_text(encoding="utf-8"))
    top_level = [
        alias.name if isinstance(node, ast.Import) else node.module or ""
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert top_level and not [name for name in top_level if name.split(".")[0] == "alembic"]


@pytest.mark.asyncio(loop_scope="module")
async def test_a_database_at_the_head_is_checked_without_alembic(
    shared_any_app: Popcorn, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    def asked(*_: object, **__: object) -> None:
        raise AssertionError("Alembic was asked")

    monkeypatch.setattr(MigrationContext, "configure", asked)
    monkeypatch.setattr(command, "upgrade", asked)
    await migrate.upgrade(shared_any_app.engine)
    async with shared_any_app.engine.connect() as conn:  # as the start gives it (PostgreSQL)
        await migrate.upgrade(conn)
        assert not conn.in_transaction()


async def test_a_revision_this_code_does_not_know_is_alembics_error(database_url: str) -> None:
    """A database a newer version of the bot migrated: Alembic's own error, as before; so for a
    version table of several rows (neither is read as the head)."""
    engine = create_engine(database_url)
    try:
        await migrate.upgrade(engine)
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE alembic_version SET version_num = 'ffff0009'"))
        with pytest.raises(CommandError, match="Can't locate revision identified by 'ffff0009'"):
            await migrate.upgrade(engine)
        with pytest.raises(CommandError, match="Can't locate revision identified by 'ffff0009'"):
            await Popcorn.start(make_settings(database_url))
        async with engine.begin() as conn:
            await conn.execute(
                text("UPDATE alembic_version SET version_num = :head"),
                {"head": migrate.head_revision()},
            )
            await conn.execute(text("INSERT INTO alembic_version VALUES ('0007')"))
        with pytest.raises(CommandError, match="more than one head"):
            await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def test_two_starts_at_once_on_an_empty_database_take_turns(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Two processes starting at once (two engines here): one migrates and loads data/ under the
    start-up lock, the other waits, then finds the schema at the head and the data loaded."""
    caplog.set_level(logging.INFO, logger="bot.app")
    apps = await asyncio.gather(
        Popcorn.start(make_settings(database_url)),
        Popcorn.start(make_settings(database_url)),
        return_exceptions=True,
    )
    try:
        assert [type(app) for app in apps] == [Popcorn, Popcorn], apps
        counts = [app.index.film_count for app in apps if isinstance(app, Popcorn)]
        assert counts[0] > 80 and counts[0] == counts[1]
        loaded = [r for r in caplog.records if r.getMessage().startswith("first run: loaded")]
        assert len(loaded) == 1
    finally:
        for app in apps:
            if isinstance(app, Popcorn):
                await app.close()
