"""The read model's loaders (issue 13): films and people read as plain documents
(bot/db/documents.py) with a few Core selects, no ORM objects and no lazy loads.

A film takes three queries, whatever its size: (1) the film and its credits joined to the
people, in billing order; (2) its aliases and releases, one UNION ALL; (3) its reviews joined to
their ratings and purchase links (one UNION ALL of both). `load_films` reads many films in the
same three queries. A person takes three: the person with their aliases and their credits
joined to the films (one UNION ALL), the films' current reviews with ratings and links, and
those reviews' releases; with the document cache, one query and the films' cached documents.

`document_of` turns an ORM film already loaded (a moderator's preview, before it is saved) into
the same document. `Reads` is what an answer uses (`ctx.reads.film(id)`): it asks the document
cache first when there is one."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    JSON,
    BindParameter,
    Boolean,
    Date,
    Float,
    Integer,
    Select,
    String,
    bindparam,
    cast,
    event,
    literal_column,
    null,
    select,
)
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from sqlalchemy.sql import Executable

from bot.db.documents import (
    CreditDoc,
    FilmDocument,
    FilmSummary,
    LinkDoc,
    PersonCredit,
    PersonDocument,
    PersonRef,
    RatingDoc,
    ReleaseDoc,
    ReviewDoc,
)
from bot.db.models import (
    Credit,
    Film,
    FilmAlias,
    Person,
    PersonAlias,
    PurchaseLink,
    Rating,
    Release,
    Review,
)
from bot.db.raw_reads import RawReads

# The review columns a ReviewDoc copies, in its order (release, ratings and links aside).
_REVIEW_TEXT = (
    "headline",
    "url",
    "author",
    "published",
    "cover_url",
    "intro",
    "style_direction",
    "music_audio",
    "acting_characters",
    "film_conclusion",
    "release_conclusion",
    "verdict",
)
_RELEASE_COLUMNS = (
    Release.id,
    Release.format,
    Release.edition,
    Release.label,
    Release.release_date,
    Release.country,
    Release.region,
    Release.discs,
    Release.extras,
)


#: The ids a statement reads (`{"ids": [...]}`): the statements are built once, at import.
IDS: BindParameter[int] = bindparam("ids", expanding=True)


class DocumentCacheLike(Protocol):
    """What `Reads` needs of a cache (bot/db/read_cache.py's DocumentCache): a get that
    misses (None) before the put of what was then read, for films and for people."""

    def get(self, film_id: int) -> FilmDocument | None: ...

    def put(self, doc: FilmDocument) -> object: ...

    def person(self, person_id: int) -> PersonDocument | None: ...

    def put_person(self, doc: PersonDocument) -> object: ...


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if value else ()


def _release(row: Any) -> ReleaseDoc:
    return ReleaseDoc(
        id=row.id,
        format=row.format,
        edition=row.edition,
        label=row.label,
        release_date=row.release_date,
        country=row.country,
        region=row.region,
        discs=row.discs,
        extras=_tuple(row.extras),
    )


def _review(
    row: Any,
    release: ReleaseDoc | None,
    ratings: Iterable[RatingDoc],
    links: Iterable[LinkDoc],
) -> ReviewDoc:
    return ReviewDoc(
        id=row.id,
        release=release,
        **{name: getattr(row, name) for name in _REVIEW_TEXT},
        pros=_tuple(row.pros),
        cons=_tuple(row.cons),
        recommendation=row.recommendation,
        trailer_url=row.trailer_url,
        trailer_note=row.trailer_note,
        ratings=tuple(ratings),
        purchase_links=tuple(links),
        deleted_at=row.deleted_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _reviews_statement(*, current_only: bool) -> Select[Any]:
    """The reviews of the films `ids` LEFT JOIN a UNION ALL of their ratings and links."""
    reviews = select(Review.id).where(Review.film_id.in_(IDS))
    side = (
        select(
            Rating.review_id.label("review_id"),
            literal_column("'r'", String).label("kind"),
            Rating.id.label("side_id"),
            Rating.aspect.label("s1"),
            Rating.grade.label("s2"),
            Rating.score.label("score"),
            cast(null(), Boolean).label("affiliate"),
            cast(null(), Integer).label("position"),
        )
        .where(Rating.review_id.in_(reviews))
        .union_all(
            select(
                PurchaseLink.review_id,
                literal_column("'l'", String),
                PurchaseLink.id,
                PurchaseLink.retailer,
                PurchaseLink.url,
                cast(null(), Float),
                PurchaseLink.affiliate,
                PurchaseLink.position,
            ).where(PurchaseLink.review_id.in_(reviews))
        )
        .subquery()
    )
    review_columns = [c for c in Review.__table__.c if c.key != "version"]
    stmt = (
        select(*review_columns, side.c.kind, side.c.s1, side.c.s2, side.c.score)
        .add_columns(side.c.affiliate, side.c.position)
        .select_from(Review)
        .outerjoin(side, side.c.review_id == Review.id)
        .where(Review.film_id.in_(IDS))
        .order_by(Review.film_id, Review.id, side.c.kind, side.c.position, side.c.side_id)
    )
    return stmt.where(Review.deleted_at.is_(None)) if current_only else stmt


_ALL_REVIEWS = _reviews_statement(current_only=False)
_CURRENT_REVIEWS = _reviews_statement(current_only=True)


def _group_reviews(rows: Iterable[Any]) -> list[tuple[Any, list[RatingDoc], list[LinkDoc]]]:
    """The rows of `_ALL_REVIEWS` / `_CURRENT_REVIEWS` as reviews (by film, then id) with
    their ratings (by id) and links (by position)."""
    out: list[tuple[Any, list[RatingDoc], list[LinkDoc]]] = []
    for row in rows:
        if not out or out[-1][0].id != row.id:
            out.append((row, [], []))
        if row.kind == "r":
            out[-1][1].append(RatingDoc(aspect=row.s1, grade=row.s2, score=row.score))
        elif row.kind == "l":
            link = LinkDoc(
                retailer=row.s1, url=row.s2, affiliate=bool(row.affiliate), position=row.position
            )
            out[-1][2].append(link)
    return out


async def _reviews(
    session: AsyncSession, film_ids: Sequence[int], *, current_only: bool = False
) -> list[tuple[Any, list[RatingDoc], list[LinkDoc]]]:
    """Reviews of `film_ids` (by film, then id) with their ratings (by id) and links (by
    position): one query, the reviews LEFT JOIN a UNION ALL of ratings and links."""
    stmt = _CURRENT_REVIEWS if current_only else _ALL_REVIEWS
    return _group_reviews(await session.execute(stmt, {"ids": list(film_ids)}))


#: 1: films and their credits (people joined), in billing order.
_FILMS = (
    select(
        *Film.__table__.c,
        Credit.role,
        Credit.character,
        Credit.billing,
        Person.id.label("person_id"),
        Person.name.label("person_name"),
    )
    .select_from(Film)
    .outerjoin(Credit, Credit.film_id == Film.id)
    .outerjoin(Person, Person.id == Credit.person_id)
    .where(Film.id.in_(IDS))
    .order_by(Film.id, Credit.billing, Credit.id)
)
#: 2: their aliases and releases, one UNION ALL (kind "r" release, "a" alias).
_RELEASE_PART = select(
    Release.film_id.label("film_id"),
    literal_column("'r'", String).label("kind"),
    *_RELEASE_COLUMNS,
).where(Release.film_id.in_(IDS))
_ALIAS_PART = select(
    FilmAlias.film_id,
    literal_column("'a'", String),
    FilmAlias.id,
    cast(null(), String),
    FilmAlias.alias,
    cast(null(), String),
    cast(null(), Date),
    cast(null(), String),
    cast(null(), String),
    cast(null(), Integer),
    cast(null(), JSON),
).where(FilmAlias.film_id.in_(IDS))
_BOTH = _RELEASE_PART.union_all(_ALIAS_PART).subquery()
_RELEASES = select(*_RELEASE_COLUMNS).where(Release.id.in_(IDS))
_ALIASES_AND_RELEASES = select(_BOTH).order_by(_BOTH.c.film_id, _BOTH.c.kind, _BOTH.c.id)


def _build_films(
    film_rows: Iterable[Any], side_rows: Iterable[Any], review_rows: Iterable[Any]
) -> dict[int, FilmDocument]:
    """The documents of the rows of the three statements (`_FILMS`, `_ALIASES_AND_RELEASES`,
    `_ALL_REVIEWS`), by film id."""
    # 1: the films and their credits (people joined), in billing order.
    films: dict[int, Any] = {}
    credits: dict[int, list[CreditDoc]] = defaultdict(list)
    for row in film_rows:
        films.setdefault(row.id, row)
        if row.person_id is not None:
            credits[row.id].append(
                CreditDoc(
                    person=PersonRef(id=row.person_id, name=row.person_name),
                    role=row.role,
                    character=row.character,
                    billing=row.billing,
                )
            )
    # 2: their aliases and releases, one UNION ALL (kind "r" release, "a" alias).
    aliases: dict[int, list[str]] = defaultdict(list)
    releases: dict[int, list[ReleaseDoc]] = defaultdict(list)
    for row in side_rows:
        if row.kind == "a":
            aliases[row.film_id].append(row.edition)
        else:
            releases[row.film_id].append(_release(row))
    # 3: their reviews with ratings and links.
    reviews: dict[int, list[ReviewDoc]] = defaultdict(list)
    for row, ratings, links in _group_reviews(review_rows):
        by_id = {r.id: r for r in releases[row.film_id]}
        release = by_id.get(row.release_id) if row.release_id is not None else None
        reviews[row.film_id].append(_review(row, release, ratings, links))
    return {
        film_id: FilmDocument(
            id=film_id,
            slug=row.slug,
            title=row.title,
            year=row.year,
            genres=_tuple(row.genres),
            certificate=row.certificate,
            runtime_min=row.runtime_min,
            description=row.description,
            synopsis=row.synopsis,
            cast_complete=bool(row.cast_complete),
            version=row.version,
            credits=tuple(credits[film_id]),
            aliases=tuple(aliases[film_id]),
            releases=tuple(releases[film_id]),
            reviews=tuple(reviews[film_id]),
        )
        for film_id, row in films.items()
    }


async def load_films(session: AsyncSession, film_ids: Iterable[int]) -> dict[int, FilmDocument]:
    """The films of `film_ids` that exist, by id, in three queries however many."""
    ids = sorted(set(film_ids))
    if not ids:
        return {}
    params = {"ids": ids}
    film_rows = (await session.execute(_FILMS, params)).all()
    if not film_rows:
        return {}
    side_rows = await session.execute(_ALIASES_AND_RELEASES, params)
    review_rows = await session.execute(_ALL_REVIEWS, params)
    return _build_films(film_rows, side_rows, review_rows)


async def load_film(session: AsyncSession, film_id: int) -> FilmDocument | None:
    """One film as a document (three queries), or None if there is no such film."""
    return (await load_films(session, [film_id])).get(film_id)


@dataclass(frozen=True, slots=True)
class _PersonRows:
    name: str
    aliases: tuple[str, ...]
    credits: list[Any]  # role, character, billing, film_id, slug, title, year, genres


_PERSON_ID: BindParameter[int] = bindparam("person_id", type_=Integer)
_PERSON_CREDITS = (
    select(
        Credit.person_id.label("person_id"),
        literal_column("'c'", String).label("kind"),
        Credit.id.label("order_id"),
        Credit.role.label("role"),
        Credit.character.label("character"),
        Credit.billing.label("billing"),
        Film.id.label("film_id"),
        Film.slug.label("slug"),
        Film.title.label("title"),
        Film.year.label("year"),
        Film.genres.label("genres"),
    )
    .join(Film, Film.id == Credit.film_id)
    .where(Credit.person_id == _PERSON_ID)
)
_PERSON_ALIASES = select(
    PersonAlias.person_id,
    literal_column("'a'", String),
    PersonAlias.id,
    cast(null(), String),
    PersonAlias.alias,
    cast(null(), Integer),
    cast(null(), Integer),
    cast(null(), String),
    cast(null(), String),
    cast(null(), Integer),
    cast(null(), JSON),
).where(PersonAlias.person_id == _PERSON_ID)
_PERSON_SIDE = _PERSON_CREDITS.union_all(_PERSON_ALIASES).subquery()
_PERSON = (
    select(Person.name.label("person_name"), _PERSON_SIDE)
    .select_from(Person)
    .outerjoin(_PERSON_SIDE, _PERSON_SIDE.c.person_id == Person.id)
    .where(Person.id == _PERSON_ID)
    .order_by(_PERSON_SIDE.c.kind, _PERSON_SIDE.c.order_id)
)


def _person_rows_of(rows: Sequence[Any]) -> _PersonRows | None:
    """The rows of `_PERSON`: the person LEFT JOIN a UNION ALL of their credits (kind "c")
    and aliases (kind "a"); None if there is no such person."""
    if not rows:
        return None
    return _PersonRows(
        name=rows[0].person_name,
        aliases=tuple(row.character for row in rows if row.kind == "a"),
        credits=[row for row in rows if row.kind == "c"],
    )


async def _person_rows(session: AsyncSession, person_id: int) -> _PersonRows | None:
    """The person, their aliases and their credits (with the films' titles) in one query."""
    return _person_rows_of((await session.execute(_PERSON, {"person_id": person_id})).all())


def _person_document(
    person_id: int, rows: _PersonRows, films: dict[int, FilmSummary]
) -> PersonDocument:
    credits = tuple(
        PersonCredit(
            film=films[row.film_id], role=row.role, character=row.character, billing=row.billing
        )
        for row in rows.credits
        if row.film_id in films
    )
    return PersonDocument(id=person_id, name=rows.name, aliases=rows.aliases, credits=credits)


def summary_of(film: FilmDocument) -> FilmSummary:
    """A film as a person's filmography lists it."""
    return FilmSummary(
        id=film.id,
        slug=film.slug,
        title=film.title,
        year=film.year,
        genres=film.genres,
        review=film.review,
    )


async def load_person(session: AsyncSession, person_id: int) -> PersonDocument | None:
    """A person with every credit (in the order they were added), each film with its current
    review: three queries (the person, aliases and credits; the current reviews with their
    ratings and links; those reviews' releases)."""
    rows = await _person_rows(session, person_id)
    if rows is None:
        return None
    film_ids = sorted({row.film_id for row in rows.credits})
    current: dict[int, tuple[Any, list[RatingDoc], list[LinkDoc]]] = {}
    if film_ids:
        for found in await _reviews(session, film_ids, current_only=True):
            current.setdefault(found[0].film_id, found)  # the first one not removed
    release_ids = {r[0].release_id for r in current.values() if r[0].release_id is not None}
    releases: dict[int, ReleaseDoc] = {}
    if release_ids:
        found_rows = await session.execute(_RELEASES, {"ids": sorted(release_ids)})
        releases = {row.id: _release(row) for row in found_rows}
    summaries: dict[int, FilmSummary] = {}
    for row in rows.credits:
        if row.film_id in summaries:
            continue
        review = None
        if (mine := current.get(row.film_id)) is not None:
            found_row, ratings, links = mine
            release = releases.get(found_row.release_id) if found_row.release_id else None
            review = _review(found_row, release, ratings, links)
        summaries[row.film_id] = FilmSummary(
            id=row.film_id,
            slug=row.slug,
            title=row.title,
            year=row.year,
            genres=_tuple(row.genres),
            review=review,
        )
    return _person_document(person_id, rows, summaries)


def _release_of(release: Release) -> ReleaseDoc:
    return ReleaseDoc(
        id=release.id,
        format=release.format,
        edition=release.edition,
        label=release.label,
        release_date=release.release_date,
        country=release.country,
        region=release.region,
        discs=release.discs,
        extras=_tuple(release.extras),
    )


def document_of(film: Film) -> FilmDocument:
    """An ORM film already loaded with everything (bot.db.queries.film_details, or a preview
    not yet saved) as the same document `load_film` reads. Pure: it loads nothing."""
    credits = sorted(film.credits, key=lambda c: (c.billing or 0, c.id or 0))
    return FilmDocument(
        id=film.id,
        slug=film.slug,
        title=film.title,
        year=film.year,
        genres=_tuple(film.genres),
        certificate=film.certificate,
        runtime_min=film.runtime_min,
        description=film.description,
        synopsis=film.synopsis,
        cast_complete=bool(film.cast_complete),
        version=film.version if film.version is not None else 1,
        credits=tuple(
            CreditDoc(
                person=PersonRef(id=c.person.id, name=c.person.name),
                role=c.role,
                character=c.character,
                billing=c.billing or 0,
            )
            for c in credits
        ),
        aliases=tuple(a.alias for a in film.aliases),
        releases=tuple(_release_of(r) for r in film.releases),
        reviews=tuple(
            _review(
                r,
                _release_of(r.release) if r.release is not None else None,
                (RatingDoc(aspect=x.aspect, grade=x.grade, score=x.score) for x in r.ratings),
                (
                    LinkDoc(
                        retailer=x.retailer,
                        url=x.url,
                        affiliate=bool(x.affiliate),
                        position=x.position or 0,
                    )
                    for x in r.purchase_links
                ),
            )
            for r in film.reviews
        ),
    )


WROTE = "popcorn.wrote"


@event.listens_for(Session, "after_flush")
def _note_write(session: Session, _context: object) -> None:
    """A session that wrote (flushed a change, committed or not) says so in its info."""
    session.info[WROTE] = True


class ReadConnection:
    """On a SQLite file: one synchronous connection (stdlib sqlite3 through a SQLAlchemy sync
    engine, so the rows are the same typed rows) that `Reads` loads documents through, on the
    event loop's thread. A few statements of some 0.05 ms each cost less than a session's
    connection checkout and a thread hop per statement through aiosqlite.

    It only reads committed data: each load is one read transaction (BEGIN ... COMMIT), a
    consistent snapshot in WAL mode (bot/db/engine.py), and a commit made by this process's
    sessions is seen by the next load. It is never used by a session that has written
    (`Reads` keeps those on the session: a preview reads its own uncommitted writes).
    `query_only`: it cannot write by mistake."""

    #: A reader in WAL mode does not wait for writers; this bounds the rare wait (recovery).
    BUSY_TIMEOUT_MS = 2_000

    __slots__ = ("_connection", "_cursor", "_engine", "_raw")

    def __init__(self, database: str) -> None:
        self._engine = create_sync_engine(
            URL.create("sqlite+pysqlite", database=database),
            poolclass=NullPool,
            connect_args={"check_same_thread": False},
        )
        self._connection: Connection | None = None
        self._cursor: sqlite3.Cursor | None = None
        # Its statements run straight on sqlite3 where they can (bot/db/raw_reads.py).
        self._raw = RawReads(self._engine.dialect)

    @classmethod
    def for_engine(cls, engine: AsyncEngine) -> ReadConnection | None:
        """A read connection for the engine's SQLite file, or None (PostgreSQL, an in-memory
        or URI database: they keep the sessions' path)."""
        url = engine.url
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        if url.database == ":memory:" or str(url.query.get("uri", "")).lower() in ("true", "1"):
            return None
        return cls(url.database)

    @property
    def engine(self) -> Engine:
        """Its sync engine (its pool's events: when it connects and closes)."""
        return self._engine

    @contextlib.contextmanager
    def trace(self, callback: Callable[[str], object]) -> Iterator[None]:
        """`callback(sql)` for each statement its sqlite3 connection runs meanwhile, whichever
        way it was sent (for tests, that count them)."""
        connection = self._connection or self._open()
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.set_trace_callback(callback)
        try:
            yield
        finally:
            driver.set_trace_callback(None)

    def _open(self) -> Connection:
        connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute(f"PRAGMA busy_timeout={self.BUSY_TIMEOUT_MS}")
        driver.execute("PRAGMA query_only=ON")
        self._connection = connection
        self._cursor = driver.cursor()
        return connection

    def read(self, *statements: tuple[Executable, dict[str, Any]]) -> list[Sequence[Any]]:
        """The rows of each statement (named tuples, or SQLAlchemy's rows: both by attribute
        and by position), all read in one snapshot. If the first statement has no row (no such
        film or person), the others are not run (no rows)."""
        connection = self._connection or self._open()
        cursor = self._cursor
        assert cursor is not None
        cursor.execute("BEGIN")
        try:
            raw = self._raw.run_all(cursor, statements)
            if raw is not None:
                return list(raw)
            out: list[Sequence[Any]] = []
            for statement, params in statements:
                rows = [] if out and not out[0] else connection.execute(statement, params).all()
                out.append(rows)
            return out
        finally:
            cursor.execute("COMMIT")

    def films(self, film_ids: Iterable[int]) -> dict[int, FilmDocument]:
        """As `load_films`, through this connection."""
        ids = sorted(set(film_ids))
        if not ids:
            return {}
        params = {"ids": ids}
        film_rows, side_rows, review_rows = self.read(
            (_FILMS, params), (_ALIASES_AND_RELEASES, params), (_ALL_REVIEWS, params)
        )
        return _build_films(film_rows, side_rows, review_rows)

    def person_rows(self, person_id: int) -> _PersonRows | None:
        (rows,) = self.read((_PERSON, {"person_id": person_id}))
        return _person_rows_of(rows)

    def close(self) -> None:
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._engine.dispose()


class Reads:
    """An answer's reads, for one command: documents from the cache when it has them, else
    from the database (and then cached). `cache`: a DocumentCacheLike. `reader`: on SQLite,
    the app's ReadConnection, which loads what the cache misses without the session.

    A session that has written (a moderator's change, flushed, perhaps to be rolled back as
    a preview is), or holds changes not yet flushed, neither uses the cache nor fills it, nor
    the reader: it reads its own writes, and what it read may never be committed."""

    __slots__ = ("_cache", "_reader", "session")

    def __init__(
        self,
        session: AsyncSession,
        cache: DocumentCacheLike | None = None,
        reader: ReadConnection | None = None,
    ) -> None:
        self.session = session
        self._cache = cache
        self._reader = reader

    def _wrote(self) -> bool:
        session = self.session
        return bool(session.info.get(WROTE) or session.new or session.dirty or session.deleted)

    @property
    def cache(self) -> DocumentCacheLike | None:
        return None if self._cache is None or self._wrote() else self._cache

    @property
    def reader(self) -> ReadConnection | None:
        return None if self._reader is None or self._wrote() else self._reader

    async def _load(self, film_ids: Sequence[int]) -> dict[int, FilmDocument]:
        reader = self.reader
        if reader is not None:
            return reader.films(film_ids)
        return await load_films(self.session, film_ids)

    async def film(self, film_id: int) -> FilmDocument | None:
        cache = self.cache
        if cache is not None and (doc := cache.get(film_id)) is not None:
            return doc
        reader = self.reader
        if reader is not None:
            doc = reader.films([film_id]).get(film_id)
        else:
            doc = await load_film(self.session, film_id)
        if doc is not None and cache is not None:
            cache.put(doc)
        return doc

    async def films(self, film_ids: Sequence[int]) -> list[FilmDocument]:
        """The films of `film_ids` that exist, in that order (cached ones not read again)."""
        cache = self.cache
        found: dict[int, FilmDocument] = {}
        missing: list[int] = []
        for film_id in film_ids:
            if cache is not None and (doc := cache.get(film_id)) is not None:
                found[film_id] = doc
            else:
                missing.append(film_id)
        if missing:
            loaded = await self._load(missing)
            found.update(loaded)
            if cache is not None:
                for doc in loaded.values():
                    cache.put(doc)
        return [found[i] for i in film_ids if i in found]

    async def person(self, person_id: int) -> PersonDocument | None:
        """With a cache: the cached person, else their row and credits (one query) with their
        films' documents (cached ones not read again), then cached. Without: `load_person`."""
        cache = self.cache
        if cache is None:
            return await load_person(self.session, person_id)
        if (doc := cache.person(person_id)) is not None:
            return doc
        reader = self.reader
        if reader is not None:
            rows = reader.person_rows(person_id)
        else:
            rows = await _person_rows(self.session, person_id)
        if rows is None:
            return None
        films = await self.films(sorted({row.film_id for row in rows.credits}))
        doc = _person_document(person_id, rows, {f.id: summary_of(f) for f in films})
        cache.put_person(doc)
        return doc


__all__ = [
    "DocumentCacheLike",
    "ReadConnection",
    "Reads",
    "document_of",
    "load_film",
    "load_films",
    "load_person",
    "summary_of",
]
