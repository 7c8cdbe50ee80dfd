"""Migrations upgrade a database of the previous schema without losing rows (SQLite and
PostgreSQL), and the bot then answers from it."""

from __future__ import annotations

import datetime as dt

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
