"""The read model's loaders: every shipped film read as a document equals what the ORM says,
in at most three queries; a person's filmography in four; documents cannot be changed."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.app import Popcorn
from bot.db.documents import FilmDocument, PersonDocument
from bot.db.exporter import current_review
from bot.db.models import Film, FilmAlias, Person, PersonAlias
from bot.db.queries import film_details, person_with_credits
from bot.db.reading import (
    ReadConnection,
    Reads,
    document_of,
    load_film,
    load_films,
    load_person,
)
from tests.helpers import REPO, make_settings


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


@pytest.mark.asyncio(loop_scope="module")
async def test_a_film_takes_at_most_three_queries(shared_any_app: Popcorn) -> None:
    async with shared_any_app.sessions() as session:
        ids = list(await session.scalars(select(Film.id)))
        with counted(shared_any_app.engine) as statements:
            for film_id in ids:
                before = len(statements)
                assert await load_film(session, film_id) is not None
                assert len(statements) - before <= 3
        with counted(shared_any_app.engine) as statements:
            assert len(await load_films(session, ids)) == len(ids)
        assert len(statements) == 3


@pytest.mark.asyncio(loop_scope="module")
async def test_a_person_reads_as_the_orm_says_in_three_queries(shared_any_app: Popcorn) -> None:
    async with shared_any_app.sessions() as session:
        people = list(await session.scalars(select(Person.id)))
        films: dict[int, Film] = {}  # film_details once per film (its answer does not change)
        for person_id in people:
            with counted(shared_any_app.engine) as statements:
                doc = await load_person(session, person_id)
            assert len(statements) <= 3
            person = await person_with_credits(session, person_id)
            assert doc is not None and person is not None
            assert doc.name == person.name
            got = sorted((c.film.id, c.role, c.character or "", c.billing) for c in doc.credits)
            want = sorted((c.film_id, c.role, c.character or "", c.billing) for c in person.credits)
            assert got == want
            for credit in doc.credits:
                if credit.film.id not in films:
                    found = await film_details(session, credit.film.id)
                    assert found is not None
                    films[credit.film.id] = found
                film = films[credit.film.id]
                assert credit.film.title == film.title and credit.film.year == film.year
                assert credit.film.review == document_of(film).review
        assert await load_person(session, max(people) + 1) is None


async def test_a_person_from_the_cache_is_the_same_as_read(any_app: Popcorn) -> None:
    cache = FakeCache()
    async with any_app.sessions() as session:
        people = list(await session.scalars(select(Person.id)))
        session.add(PersonAlias(person_id=people[0], alias="Somebody Else", alias_key="sb-else"))
        await session.commit()  # a session that wrote would not use the cache
    async with any_app.sessions() as session:
        reads = Reads(session, cache)
        expected: list[PersonDocument | None] = []  # as read from the database (unchanged)
        for person_id in people:
            got = await reads.person(person_id)
            expected.append(await load_person(session, person_id))
            assert got == expected[-1]
        assert cache.people[people[0]].aliases == ("Somebody Else",)
        with counted(any_app.engine) as statements:
            for person_id in people:
                assert await reads.person(person_id) is cache.people[person_id]
        assert statements == []  # people cached: no query
        cache.people.clear()
        with counted(any_app.engine) as statements:
            assert [await reads.person(person_id) for person_id in people] == expected
        assert len(statements) == len(people)  # their films cached: the person's row only
        assert await reads.person(max(people) + 1) is None


class FakeCache:
    """The duck type Reads uses (bot/db/read_cache.py's DocumentCache is tested on its own)."""

    def __init__(self) -> None:
        self.docs: dict[int, FilmDocument] = {}
        self.people: dict[int, PersonDocument] = {}

    def get(self, film_id: int) -> FilmDocument | None:
        return self.docs.get(film_id)

    def put(self, doc: FilmDocument) -> None:
        self.docs[doc.id] = doc

    def person(self, person_id: int) -> PersonDocument | None:
        return self.people.get(person_id)

    def put_person(self, doc: PersonDocument) -> None:
        self.people[doc.id] = doc


@pytest.mark.asyncio(loop_scope="module")
async def test_reads_use_the_cache_and_fill_it(shared_app: Popcorn) -> None:
    cache = FakeCache()
    async with shared_app.sessions() as session:
        film_id, other = list(await session.scalars(select(Film.id).order_by(Film.id).limit(2)))
        reads = Reads(session, cache)
        with counted(shared_app.engine) as statements:
            first = await reads.film(film_id)
        assert first is not None and cache.docs == {film_id: first}
        assert len(statements) == 3
        with counted(shared_app.engine) as statements:
            assert await reads.film(film_id) is first
            both = await reads.films([other, film_id, 10**6])
        assert [d.id for d in both] == [other, film_id] and both[1] is first
        assert len(statements) == 3  # only `other` was read
        assert set(cache.docs) == {film_id, other}
        assert await Reads(session).film(film_id) == first  # no cache: read again, the same


@pytest.mark.asyncio(loop_scope="module")
async def test_a_document_cannot_be_changed(shared_app: Popcorn) -> None:
    async with shared_app.sessions() as session:
        film_id = await session.scalar(select(Film.id).limit(1))
        assert film_id is not None
        doc = await load_film(session, film_id)
    assert doc is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "Something else"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.credits.append(doc.credits[0])  # type: ignore[attr-defined]
    assert all(isinstance(v, tuple) for v in (doc.genres, doc.credits, doc.reviews, doc.aliases))


# -- the answers read documents only ---------------------------------------------------------

ANSWERS = REPO / "bot" / "answers"
FORBIDDEN = ("sqlalchemy", "bot.db.models")


def _type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, module) of every import run when the module loads: those under
    `if TYPE_CHECKING:` (annotations only) are left out."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if _type_checking(node):
            stack.extend(cast(ast.If, node).orelse)
            continue
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module
            yield from ((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
        stack.extend(ast.iter_child_nodes(node))


def forbidden_imports(path: Path) -> list[str]:
    """`file:line imports module` for each forbidden import of the file at `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{line} imports {module}"
        for line, module in sorted(runtime_imports(tree))
        if any(module == bad or module.startswith(f"{bad}.") for bad in FORBIDDEN)
    ]


def test_the_answers_import_neither_sqlalchemy_nor_the_models() -> None:
    """No answer module, the moderators' included (their writes go through bot.db)."""
    modules = list(ANSWERS.rglob("*.py"))
    assert len(modules) > 10
    assert any("moderation" in p.relative_to(ANSWERS).parts for p in modules)
    found = [f"{path.parent.name}/{line}" for path in modules for line in forbidden_imports(path)]
    assert found == []


def test_the_import_check_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "import sqlalchemy.orm\n"
        "from bot.db import models\n"
        "from bot.db.models import Film\n"
        "from bot.db.documents import Role\n"
        "def f():\n    from sqlalchemy import select\n"
        "if TYPE_CHECKING:\n    from sqlalchemy.ext.asyncio import AsyncSession\n",
        encoding="utf-8",
    )
    lines = [line.split(" imports ")[1] for line in forbidden_imports(sample)]
    assert lines == ["sqlalchemy.orm", "bot.db.models", "bot.db.models", "bot.db.models.Film",
                     "sqlalchemy", "sqlalchemy.select"]  # fmt: skip


async def test_a_session_that_wrote_neither_uses_nor_fills_the_cache(app: Popcorn) -> None:
    cache = FakeCache()
    async with app.sessions() as session:
        film_id = await session.scalar(select(Film.id).order_by(Film.id).limit(1))
        assert film_id is not None
        cached = await Reads(session, cache).film(film_id)
        assert cached is not None and cache.docs == {film_id: cached}
    async with app.sessions() as session:  # a preview: written, read, rolled back
        film = await session.get(Film, film_id)
        assert film is not None
        film.title = "Not Saved"
        await session.flush()
        reads = Reads(session, cache)
        seen = await reads.film(film_id)
        assert seen is not None and seen.title == "Not Saved"  # its own write, not the cache's
        assert [d.title for d in await reads.films([film_id])] == ["Not Saved"]
        await session.rollback()
    assert cache.docs == {film_id: cached} and cached.title != "Not Saved"
    async with app.sessions() as session:
        assert await Reads(session, cache).film(film_id) is cached


# -- the read connection (SQLite) ------------------------------------------------------------


@pytest.mark.asyncio(loop_scope="module")
async def test_the_read_connection_reads_what_the_session_reads(shared_app: Popcorn) -> None:
    reader = shared_app.reader
    assert reader is not None  # a SQLite file: the app opened one
    cache = FakeCache()
    async with shared_app.sessions() as session:
        ids = list(await session.scalars(select(Film.id).order_by(Film.id)))
        people = list(await session.scalars(select(Person.id).order_by(Person.id)))
        expected = await load_films(session, ids)
        persons = {p: await load_person(session, p) for p in people}
    assert reader.films(ids) == expected
    assert reader.films([max(ids) + 1]) == {} and reader.films([]) == {}
    async with shared_app.sessions() as session:
        reads = Reads(session, cache, reader=reader)
        with counted(shared_app.engine) as statements, counted_sync(reader) as read:
            assert await reads.film(ids[0]) == expected[ids[0]]
            assert await reads.films(ids) == [expected[i] for i in ids]
            for person_id in people:
                assert await reads.person(person_id) == persons[person_id]
            assert await reads.person(max(people) + 1) is None
        assert statements == []  # the session never connected
        # BEGIN, three selects, COMMIT for the first film; the rest once; a person's row each
        # (their films cached), and the one not found.
        assert read[:5] == ["BEGIN", *read[1:4], "COMMIT"] and len(read) == 10 + 3 * (
            len(people) + 1
        )
    assert set(cache.docs) == set(ids)


async def test_the_read_connection_sees_a_commit_at_once(app: Popcorn) -> None:
    reader = app.reader
    assert reader is not None
    async with app.sessions() as session:
        film_id = await session.scalar(select(Film.id).order_by(Film.id).limit(1))
        assert film_id is not None
        before = await Reads(session, reader=reader).film(film_id)
        assert before is not None
        film = await session.get(Film, film_id)
        assert film is not None
        film.title = "Saved Now"
        await session.commit()
    async with app.sessions() as session:
        after = await Reads(session, reader=reader).film(film_id)
    assert after is not None and after.title == "Saved Now" != before.title


async def test_a_session_with_changes_reads_them_not_the_read_connection(app: Popcorn) -> None:
    reader = app.reader
    assert reader is not None
    async with app.sessions() as session:
        film_id = await session.scalar(select(Film.id).order_by(Film.id).limit(1))
        assert film_id is not None
        reads = Reads(session, FakeCache(), reader=reader)
        assert reads.reader is reader
        film = await session.get(Film, film_id)
        assert film is not None
        film.title = "Not Flushed"  # pending, not yet flushed: the session autoflushes it
        assert reads.reader is None and reads.cache is None
        with counted_sync(reader) as read:
            seen = await reads.film(film_id)
            people = [await reads.person(c.person.id) for c in seen.credits] if seen else []
        assert seen is not None and seen.title == "Not Flushed" and read == []
        assert all(p is not None for p in people)
        await session.rollback()
    assert reader.films([film_id])[film_id].title != "Not Flushed"


@pytest.mark.asyncio(loop_scope="module")
async def test_only_a_sqlite_file_gets_a_read_connection(shared_any_app: Popcorn) -> None:
    if shared_any_app.engine.url.get_backend_name() == "sqlite":
        assert shared_any_app.reader is not None
    else:
        assert shared_any_app.reader is None  # PostgreSQL keeps the sessions' path
    memory = create_async_engine("sqlite+aiosqlite:///:memory:")
    try:
        assert ReadConnection.for_engine(memory) is None
    finally:
        await memory.dispose()


async def test_closing_the_app_closes_the_read_connection(sqlite_url: str) -> None:
    app = await Popcorn.start(make_settings(sqlite_url), seed=False)
    reader = app.reader
    assert reader is not None
    closed: list[object] = []
    event.listen(reader.engine.pool, "close", lambda *args: closed.append(args[0]))
    assert reader.films([1]) == {}  # opened
    assert closed == []
    await app.close()
    assert app.reader is None and len(closed) == 1


@contextmanager
def counted_sync(reader: ReadConnection) -> Iterator[list[str]]:
    """The SQL statements the read connection runs meanwhile."""
    statements: list[str] = []
    with reader.trace(statements.append):
        yield statements
