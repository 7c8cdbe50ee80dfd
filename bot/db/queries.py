"""Read queries the answering code needs. Each takes a session and returns loaded ORM objects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlalchemy.sql import ColumnElement, Executable

from bot.db.models import Credit, Film, FilmAlias, Person, PersonAlias, Review
from bot.search import FilmDoc, PersonDoc
from bot.search.normalize import normalize_title

#: A film with everything its record holds, for the write path (ORM objects to change): seven
#: statements (the film; credits joined with their people; aliases; releases; reviews joined with
#: their release; ratings; purchase links), a many-to-one joined to its parent's rows rather than
#: read by a statement of its own.
FILM_DETAIL_OPTIONS = (
    selectinload(Film.credits).joinedload(Credit.person, innerjoin=True),
    selectinload(Film.aliases),
    selectinload(Film.releases),
    selectinload(Film.reviews).selectinload(Review.ratings),
    selectinload(Film.reviews).selectinload(Review.purchase_links),
    selectinload(Film.reviews).joinedload(Review.release),
)


async def film_details(session: AsyncSession, film_id: int, *, fresh: bool = False) -> Film | None:
    """A film with everything a card shows. `fresh`: reload objects already in the session
    (after a change was flushed)."""
    return await _film_where(session, Film.id == film_id, fresh=fresh)


async def film_details_by_slug(
    session: AsyncSession, slug: str, *, fresh: bool = False
) -> Film | None:
    """As film_details, the film found by its slug (no statement of its own for the id)."""
    return await _film_where(session, Film.slug == slug, fresh=fresh)


async def _film_where(
    session: AsyncSession, condition: ColumnElement[bool], *, fresh: bool
) -> Film | None:
    stmt = select(Film).where(condition).options(*FILM_DETAIL_OPTIONS)
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


async def film_document(
    session: AsyncSession, film_id: int, people: Sequence[int] = ()
) -> FilmDoc | None:
    """The film as the index holds it; `people`: the ids of those credited on it."""
    row = (await session.execute(select(Film.title, Film.year).where(Film.id == film_id))).first()
    if row is None:
        return None
    aliases = (
        await session.scalars(
            select(FilmAlias.alias).where(FilmAlias.film_id == film_id).order_by(FilmAlias.id)
        )
    ).all()
    return FilmDoc(
        id=film_id,
        title=row.title,
        year=row.year,
        aliases=tuple(aliases),
        people=",".join(map(str, people)),
    )


async def film_and_people(
    session: AsyncSession, film_id: int
) -> tuple[FilmDoc | None, list[PersonDoc]]:
    """The film as the index holds it (with its people's ids) and its people's documents;
    (None, []) for a film that is no more. Four light queries, none of them a scan."""
    people = await people_documents(session, film_id)
    return await film_document(session, film_id, [p.id for p in people]), people


async def _person_aliases(
    session: AsyncSession, person_ids: list[int] | None = None
) -> dict[int, list[str]]:
    """Other spellings that find people (all of them, or those of `person_ids`)."""
    stmt = select(PersonAlias.person_id, PersonAlias.alias).order_by(PersonAlias.id)
    if person_ids is not None:
        stmt = stmt.where(PersonAlias.person_id.in_(person_ids))
    aliases: dict[int, list[str]] = defaultdict(list)
    for person_id, alias in await session.execute(stmt):
        aliases[person_id].append(alias)
    return aliases


async def people_documents(session: AsyncSession, film_id: int) -> list[PersonDoc]:
    """The people credited on a film (after an edit, new ones must be findable)."""
    stmt = (
        select(Person.id, Person.name)
        .join(Credit, Credit.person_id == Person.id)
        .where(Credit.film_id == film_id)
        .distinct()
    )
    rows = list(await session.execute(stmt))
    aliases = await _person_aliases(session, [pid for pid, _ in rows]) if rows else {}
    return [PersonDoc(id=pid, name=name, aliases=tuple(aliases.get(pid, ()))) for pid, name in rows]


async def credited_people(session: AsyncSession, person_ids: list[int]) -> set[int]:
    """Those of `person_ids` who have at least one credit."""
    if not person_ids:
        return set()
    stmt = select(Credit.person_id).where(Credit.person_id.in_(person_ids)).distinct()
    return set((await session.scalars(stmt)).all())


async def person_document(session: AsyncSession, person_id: int) -> PersonDoc | None:
    """The person as the index holds them (name and aliases); None once they have no credit
    left (an orphan is offered by no look-up)."""
    credited = select(Credit.id).where(Credit.person_id == person_id).exists()
    name = await session.scalar(select(Person.name).where(Person.id == person_id, credited))
    if name is None:
        return None
    aliases = await _person_aliases(session, [person_id])
    return PersonDoc(id=person_id, name=name, aliases=tuple(aliases.get(person_id, ())))


# The tables' own columns, not the ORM's attributes: the same SQL, compiled in half the time
# (each new engine compiles them once: every start in the tests, the first in a process).
_FILMS, _FILM_ALIASES, _PEOPLE, _PERSON_ALIASES, _CREDITS = (
    model.__table__.c for model in (Film, FilmAlias, Person, PersonAlias, Credit)
)
# Each film's people, their ids joined by the database ("12,345": a column of the film's row,
# not a row a credit), kept as that string (FilmDoc.people). A person with two credits on a
# film is named twice.
_PEOPLE_OF_FILM = (
    select(func.aggregate_strings(cast(_CREDITS.person_id, String), ","))
    .where(_CREDITS.film_id == _FILMS.id)
    .scalar_subquery()
)
#: What the fuzzy index holds, in four light queries (no ORM objects), built once at import:
#: the films (first: with no film there is no alias and no credited person either), the films'
#: aliases, the people's aliases, and the people with a credit (one left with none, a cast
#: fixed or a misspelling merged, is offered by no look-up).
SEARCH_STATEMENTS: tuple[Executable, ...] = (
    select(_FILMS.id, _FILMS.title, _FILMS.year, _PEOPLE_OF_FILM),
    select(_FILM_ALIASES.film_id, _FILM_ALIASES.alias).order_by(_FILM_ALIASES.id),
    select(_PERSON_ALIASES.person_id, _PERSON_ALIASES.alias).order_by(_PERSON_ALIASES.id),
    select(_PEOPLE.id, _PEOPLE.name).where(
        select(_CREDITS.id).where(_CREDITS.person_id == _PEOPLE.id).exists()
    ),
)


async def search_documents(session: AsyncSession) -> tuple[list[FilmDoc], list[PersonDoc]]:
    """Everything the fuzzy index holds (SEARCH_STATEMENTS, read through the session)."""
    rows = [(await session.execute(statement)).all() for statement in SEARCH_STATEMENTS]
    return search_documents_of(rows)


def search_documents_of(
    rows: Sequence[Sequence[Any]],
) -> tuple[list[FilmDoc], list[PersonDoc]]:
    """The index's documents from the rows of SEARCH_STATEMENTS, in their order (read through
    a session, or on SQLite through the app's read connection in one snapshot)."""
    film_rows, film_alias_rows, person_alias_rows, people_rows = rows
    aliases: dict[int, list[str]] = defaultdict(list)
    for film_id, alias in film_alias_rows:
        aliases[film_id].append(alias)
    films = [
        FilmDoc(
            id=film_id,
            title=title,
            year=year,
            aliases=tuple(aliases.get(film_id, ())),
            people=ids or "",
        )
        for film_id, title, year, ids in film_rows
    ]
    person_aliases: dict[int, list[str]] = defaultdict(list)
    for person_id, alias in person_alias_rows:
        person_aliases[person_id].append(alias)
    people = [
        PersonDoc(id=person_id, name=name, aliases=tuple(person_aliases.get(person_id, ())))
        for person_id, name in people_rows
    ]
    return films, people


@dataclass(frozen=True, slots=True)
class NameOwner:
    """The film whose title (alias None) or alias (`alias`, as stored) a name is."""

    title: str
    year: int | None
    alias: str | None


async def title_owner(session: AsyncSession, key: str, except_film_id: int) -> NameOwner | None:
    """The other film (not `except_film_id`) whose title, else whose alias, normalises to
    `key` (bot.search.normalize.normalize_title), or None."""
    titles = await session.execute(
        select(Film.title, Film.year).where(Film.id != except_film_id).order_by(Film.id)
    )
    for title, year in titles:
        if normalize_title(title) == key:
            return NameOwner(title, year, None)
    aliases = await session.execute(
        select(FilmAlias.alias, Film.title, Film.year)
        .join(Film, FilmAlias.film_id == Film.id)
        .where(Film.id != except_film_id)
        .order_by(FilmAlias.id)
    )
    for other, title, year in aliases:
        if normalize_title(other) == key:
            return NameOwner(title, year, other)
    return None


async def known_person_keys(
    session: AsyncSession, keys: Sequence[str]
) -> tuple[set[str], dict[str, str]]:
    """Of these normalised names: those that are a person's name, and those that are an alias
    of someone (key -> that person's name). 500 keys a query."""
    known: set[str] = set()
    spelt: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        rows = await session.scalars(select(Person.name_key).where(Person.name_key.in_(chunk)))
        known.update(rows)
        merged = await session.execute(
            select(PersonAlias.alias_key, Person.name)
            .join(Person, PersonAlias.person_id == Person.id)
            .where(PersonAlias.alias_key.in_(chunk))
        )
        spelt.update((key, name) for key, name in merged)
    return known, spelt


async def film_id_by_slug(session: AsyncSession, slug: str) -> int | None:
    return await session.scalar(select(Film.id).where(Film.slug == slug))
