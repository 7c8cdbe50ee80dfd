"""record_of: a film's document as its record, equal to film_to_record of the ORM film for
every shipped film (and a film with aliases, a removed review, no credits), with no query."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import Popcorn
from bot.db.exporter import film_to_record
from bot.db.models import Film, FilmAlias
from bot.db.queries import all_films
from bot.db.reading import load_films
from bot.db.records import record_of
from bot.records.files import dump_record


async def test_every_film_records_as_film_to_record(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        ids = list(await session.scalars(select(Film.id).order_by(Film.id)))
        session.add_all(FilmAlias(film_id=ids[2], alias=a) for a in ("Zeta", "Alpha"))
        await session.flush()
        films = await all_films(session)
        docs = await load_films(session, ids)
        assert len(films) == len(docs) > 10
        for film in films:
            expected = film_to_record(film)
            got = record_of(docs[film.id])
            assert got == expected, film.slug
            assert dump_record(got) == dump_record(expected)
        assert record_of(docs[ids[2]]).film.aliases == ["Zeta", "Alpha"]
        assert any(record_of(d).review is not None for d in docs.values())
        assert any(record_of(d).review is None for d in docs.values())
