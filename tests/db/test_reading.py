"""The read model's loaders: every shipped film read as a document equals what the ORM says,
in at most three queries; a person's filmography in four; documents cannot be changed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import Popcorn
from bot.db.documents import FilmDocument
from bot.db.exporter import current_review
from bot.db.models import Film, FilmAlias, Person
from bot.db.queries import film_details, person_with_credits
from bot.db.reading import Reads, document_of, load_film, load_films, load_person


@contextmanager
def counted(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements run on `engine` meanwhile."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def test_every_film_reads_as_the_orm_says(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        ids = list(await session.scalars(select(Film.id).order_by(Film.id)))
        assert len(ids) > 10
        # The shipped data has no aliases: two, on one film, in the order they were added.
        session.add_all(FilmAlias(film_id=ids[3], alias=a) for a in ("Zeta", "Alpha"))
        await session.flush()
        batch = await load_films(session, ids)
        assert sorted(batch) == ids
        for film_id in ids:
            film = await film_details(session, film_id)
            assert film is not None
            expected = document_of(film)
            assert await load_film(session, film_id) == expected
            assert batch[film_id] == expected
            review = current_review(film)
            assert (expected.review.id if expected.review else None) == (
                review.id if review else None
            )
        reviewed = [batch[i] for i in ids if batch[i].review is not None]
        assert reviewed and any(d.review and d.review.ratings for d in reviewed)
        assert any(d.review and d.review.purchase_links for d in reviewed)
        assert any(d.review and d.review.release for d in reviewed)
        assert batch[ids[3]].aliases == ("Zeta", "Alpha")
        assert await load_film(session, max(ids) + 1) is None


async def test_a_film_takes_at_most_three_queries(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        ids = list(await session.scalars(select(Film.id)))
        with counted(any_app.engine) as statements:
            for film_id in ids:
                before = len(statements)
                assert await load_film(session, film_id) is not None
                assert len(statements) - before <= 3
        with counted(any_app.engine) as statements:
            assert len(await load_films(session, ids)) == len(ids)
        assert len(statements) == 3


async def test_a_person_reads_as_the_orm_says_in_four_queries(any_app: Popcorn) -> None:
    async with any_app.sessions() as session:
        people = list(await session.scalars(select(Person.id)))
        for person_id in people:
            with counted(any_app.engine) as statements:
                doc = await load_person(session, person_id)
            assert len(statements) <= 4
            person = await person_with_credits(session, person_id)
            assert doc is not None and person is not None
            assert doc.name == person.name
            got = sorted((c.film.id, c.role, c.character or "", c.billing) for c in doc.credits)
            want = sorted((c.film_id, c.role, c.character or "", c.billing) for c in person.credits)
            assert got == want
            for credit in doc.credits:
                film = await film_details(session, credit.film.id)
                assert film is not None
                assert credit.film.title == film.title and credit.film.year == film.year
                assert credit.film.review == document_of(film).review
        assert await load_person(session, max(people) + 1) is None


class FakeCache:
    def __init__(self) -> None:
        self.docs: dict[int, FilmDocument] = {}
        self.gets: list[int] = []

    def get(self, film_id: int) -> FilmDocument | None:
        self.gets.append(film_id)
        return self.docs.get(film_id)

    def put(self, doc: FilmDocument) -> None:
        self.docs[doc.id] = doc


async def test_reads_use_the_cache_and_fill_it(app: Popcorn) -> None:
    cache = FakeCache()
    async with app.sessions() as session:
        film_id, other = list(await session.scalars(select(Film.id).order_by(Film.id).limit(2)))
        reads = Reads(session, cache)
        with counted(app.engine) as statements:
            first = await reads.film(film_id)
        assert first is not None and cache.docs == {film_id: first}
        assert len(statements) == 3
        with counted(app.engine) as statements:
            assert await reads.film(film_id) is first
            both = await reads.films([other, film_id, 10**6])
        assert [d.id for d in both] == [other, film_id] and both[1] is first
        assert len(statements) == 3  # only `other` was read
        assert set(cache.docs) == {film_id, other}
        assert await Reads(session).film(film_id) == first  # no cache: read again, the same


async def test_a_document_cannot_be_changed(app: Popcorn) -> None:
    async with app.sessions() as session:
        film_id = await session.scalar(select(Film.id).limit(1))
        assert film_id is not None
        doc = await load_film(session, film_id)
    assert doc is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "Something else"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.credits.append(doc.credits[0])  # type: ignore[attr-defined]
    assert all(isinstance(v, tuple) for v in (doc.genres, doc.credits, doc.reviews, doc.aliases))
