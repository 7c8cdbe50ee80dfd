"""record_of: a film's document as its record, with no query. The export (film_to_record: the
ORM film through document_of) and a moderator's answer (the document load_films reads) write
the same record for every shipped film (and a film with aliases, a removed review, no credits)."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import Popcorn
from bot.db.exporter import film_to_record
from bot.db.importer import import_records
from bot.db.models import Film, FilmAlias, Review
from bot.db.queries import all_films, film_details
from bot.db.reading import load_films
from bot.db.records import record_of
from bot.records.files import LoadedRecord, dump_record


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


async def test_a_review_cover_survives_import_and_export(any_app: Popcorn) -> None:
    cover = "https://blurayreviews.example/wp-content/uploads/2021/03/llv.jpg"
    async with any_app.sessions() as session:
        review = await session.scalar(select(Review).where(Review.deleted_at.is_(None)).limit(1))
        assert review is not None and review.cover_url is None
        loaded = await load_films(session, [review.film_id])
        record = record_of(loaded[review.film_id])
        assert record.review is not None
        covered = record.model_copy(
            update={"review": record.review.model_copy(update={"cover_url": cover})}
        )
        await import_records(session, [LoadedRecord("test", covered, "replace")])
        await session.commit()
    async with any_app.sessions() as session:
        film = await film_details(session, review.film_id, fresh=True)
        assert film is not None
        exported = film_to_record(film)
        assert exported.review is not None and exported.review.cover_url == cover
        doc = (await load_films(session, [review.film_id]))[review.film_id]
        assert doc.reviews[-1].cover_url == cover
        assert record_of(doc) == exported
        assert exported == covered
