"""Read queries the answering code needs. Each takes a session and returns loaded ORM objects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.db.models import Credit, Film, FilmAlias, Person, Review
from bot.search import FilmDoc, PersonDoc

FILM_DETAIL_OPTIONS = (
    selectinload(Film.credits).selectinload(Credit.person),
    selectinload(Film.aliases),
    selectinload(Film.releases),
    selectinload(Film.reviews).selectinload(Review.ratings),
    selectinload(Film.reviews).selectinload(Review.purchase_links),
    selectinload(Film.reviews).selectinload(Review.release),
)


async def film_details(session: AsyncSession, film_id: int, *, fresh: bool = False) -> Film | None:
    """A film with everything a card shows. `fresh`: reload objects already in the session
    (after a change was flushed)."""
    stmt = select(Film).where(Film.id == film_id).options(*FILM_DETAIL_OPTIONS)
    if fresh:
        stmt = stmt.execution_options(populate_existing=True)
    return (await session.scalars(stmt)).one_or_none()


async def all_films(session: AsyncSession) -> Sequence[Film]:
    stmt = select(Film).options(*FILM_DETAIL_OPTIONS).order_by(Film.title, Film.year)
    return (await session.scalars(stmt)).all()


async def person_with_credits(session: AsyncSession, person_id: int) -> Person | None:
    stmt = (
        select(Person)
        .where(Person.id == person_id)
        .options(
            selectinload(Person.credits)
            .selectinload(Credit.film)
            .selectinload(Film.reviews)
            .selectinload(Review.ratings)
        )
    )
    return (await session.scalars(stmt)).one_or_none()


async def count_films(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count(Film.id))) or 0)


async def count_reviews(session: AsyncSession) -> int:
    stmt = select(func.count(Review.id)).where(Review.deleted_at.is_(None))
    return int(await session.scalar(stmt) or 0)


async def film_document(session: AsyncSession, film_id: int) -> FilmDoc | None:
    row = (await session.execute(select(Film.title, Film.year).where(Film.id == film_id))).first()
    if row is None:
        return None
    aliases = (
        await session.scalars(
            select(FilmAlias.alias).where(FilmAlias.film_id == film_id).order_by(FilmAlias.id)
        )
    ).all()
    return FilmDoc(id=film_id, title=row.title, year=row.year, aliases=tuple(aliases))


async def people_documents(session: AsyncSession, film_id: int) -> list[PersonDoc]:
    """The people credited on a film (after an edit, new ones must be findable)."""
    stmt = (
        select(Person.id, Person.name)
        .join(Credit, Credit.person_id == Person.id)
        .where(Credit.film_id == film_id)
        .distinct()
    )
    return [PersonDoc(id=pid, name=name) for pid, name in await session.execute(stmt)]


async def search_documents(session: AsyncSession) -> tuple[list[FilmDoc], list[PersonDoc]]:
    """Everything the fuzzy index holds, read in three light queries (no ORM objects)."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for film_id, alias in await session.execute(
        select(FilmAlias.film_id, FilmAlias.alias).order_by(FilmAlias.id)
    ):
        aliases[film_id].append(alias)
    films = [
        FilmDoc(id=film_id, title=title, year=year, aliases=tuple(aliases.get(film_id, ())))
        for film_id, title, year in await session.execute(select(Film.id, Film.title, Film.year))
    ]
    people = [
        PersonDoc(id=person_id, name=name)
        for person_id, name in await session.execute(select(Person.id, Person.name))
    ]
    return films, people
