"""People left without a credit (orphans) leave every look-up, without a scan of the people
per change (issue 13 follow-up): `Popcorn.refresh_film` checks only the people who left the
changed film (the index remembers each film's people), here and, on PostgreSQL, in another
process through the change feed; a person still credited elsewhere stays. A person look-up
sends no orphan query any more."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import delete, event, select

from bot.answers.types import Choices, Confirmation, ItemList, Notice
from bot.app import Popcorn
from bot.db.models import Credit, Film
from tests.answers.moderation.helpers import say, text_of
from tests.db.test_merges import SNAKE_EYES, add_record
from tests.helpers import copy_sqlite, make_settings

SNAKE = "snake-eyes-1998"


@contextmanager
def statements(app: Popcorn) -> Iterator[list[str]]:
    """The SQL the sessions' engine (and on SQLite the read connection) sends meanwhile."""
    sent: list[str] = []

    def executed(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    read = app.reader.trace(sent.append) if app.reader is not None else contextlib.nullcontext()
    event.listen(app.engine.sync_engine, "before_cursor_execute", executed)
    try:
        with read:
            yield sent
    finally:
        event.remove(app.engine.sync_engine, "before_cursor_execute", executed)


def offered(app: Popcorn, name: str) -> bool:
    """Any look-up of the index offers `name` (the best match, a candidate, a suggestion)."""
    match = app.index.find_person(name)
    docs = [c.doc for c in match.candidates] + [c.doc for c in app.index.suggest_people(name)]
    return any(doc.name == name for doc in [*docs, *([match.best] if match.best else [])])


async def film_id(app: Popcorn, slug: str = SNAKE) -> int:
    async with app.sessions() as session:
        found = await session.scalar(select(Film.id).where(Film.slug == slug))
    assert found is not None
    return found


async def cast_remove(app: Popcorn, credit: str) -> None:
    fixed = await say(app, f'!review cast remove snake eyes "{credit}"')
    assert text_of(fixed).startswith("Saved."), fixed


async def assert_gone_from_look_ups(app: Popcorn, name: str) -> None:
    assert not offered(app, name)
    search = await say(app, f"!search {name}", actor=None)
    assert not (isinstance(search, ItemList) and f"👤 {name}" in search.items), search
    films = await say(app, f"!filmography {name}", actor=None)
    assert f"{name}: filmography" not in str(films) and "0 films" not in str(films), films
    assert not (isinstance(films, Choices) and name in [c.label for c in films.choices])


async def until(check: Callable[[], Awaitable[bool]], seconds: float = 5.0) -> bool:
    """`check` true within `seconds` (another process hears the feed asynchronously)."""
    deadline = time.monotonic() + seconds
    while not await check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def test_refresh_film_checks_only_the_people_who_left(any_app: Popcorn) -> None:
    await add_record(any_app, SNAKE_EYES)
    snake = await film_id(any_app)
    held = set(any_app.index.film_people(snake))
    assert len(held) == 4  # Nicolas Cage, Nicholas Cage, Gary Sinise, Brian De Palma
    sinise = any_app.index.find_person("Gary Sinise").best
    cage = any_app.index.find_person("Nicolas Cage").best
    assert sinise is not None and cage is not None and {sinise.id, cage.id} <= held

    with statements(any_app) as sent:
        await cast_remove(any_app, "Gary Sinise as Kevin Dunne")
    # The orphan left with the change itself, and from every look-up.
    assert sinise.id not in any_app.index.film_people(snake)
    assert any_app.index.person(sinise.id) is None
    await assert_gone_from_look_ups(any_app, "Gary Sinise")
    # No scan of the people: the one credit check names the one person who left.
    checks = [s for s in sent if "NOT (EXISTS" in s.upper() or "NOT EXISTS" in s.upper()]
    assert checks == []

    # Nicolas Cage leaves Snake Eyes but has his other films: he stays.
    with statements(any_app) as sent:
        await cast_remove(any_app, "Nicolas Cage as Rick Santoro")
    assert not any("NOT (EXISTS" in s.upper() or "NOT EXISTS" in s.upper() for s in sent)
    assert any_app.index.person(cage.id) is not None and offered(any_app, "Nicolas Cage")
    films = await say(any_app, "!filmography nicolas cage", actor=None)
    assert isinstance(films, ItemList) and films.title == "Nicolas Cage: filmography"
    assert not any("Snake Eyes" in item for item in films.items)
    assert cage.id not in any_app.index.film_people(snake)


async def test_refresh_film_sends_no_scan_and_one_small_check(any_app: Popcorn) -> None:
    """Counted at refresh_film itself: the film and its people (four light queries), and only
    when someone left, one query on their ids."""
    await add_record(any_app, SNAKE_EYES)
    snake = await film_id(any_app)
    with statements(any_app) as nothing_left:
        await any_app.refresh_film(snake)
    assert len(nothing_left) == 4
    assert not any("credits.person_id IN" in s for s in nothing_left)

    # Another writer (this session, behind the index's back) takes Gary Sinise away.
    sinise = any_app.index.find_person("Gary Sinise").best
    assert sinise is not None
    async with any_app.sessions() as session:
        await session.execute(delete(Credit).where(Credit.person_id == sinise.id))
        await session.commit()
    with statements(any_app) as one_left:
        await any_app.refresh_film(snake)
    assert len(one_left) == 5
    checks = [s for s in one_left if "credits.person_id IN" in s]
    assert len(checks) == 1 and "FROM people" not in checks[0]
    assert any_app.index.person(sinise.id) is None


@pytest.mark.asyncio(loop_scope="module")
async def test_a_person_look_up_sends_no_orphan_query(shared_app: Popcorn) -> None:
    """`!filmography <name>` of a person whose card is cached sends no statement at all (the
    look-up asked the database about the candidates' credits every time before)."""
    first = await say(shared_app, "!filmography nicolas cage", actor=None)
    assert isinstance(first, ItemList) and first.title == "Nicolas Cage: filmography"
    with statements(shared_app) as sent:
        again = await say(shared_app, "!filmography nicolas cage", actor=None)
    assert again == first
    assert sent == []


async def test_a_merged_person_s_films_name_the_right_person_for_later_changes(
    any_app: Popcorn,
) -> None:
    """`person merge`: the index's people of the merged films name the target, so a later
    change that takes the target off checks them (Nicholas Cage merged into a new person,
    credited on Snake Eyes only, then removed from it: an orphan)."""
    await add_record(any_app, SNAKE_EYES)
    snake = await film_id(any_app)
    sinise = any_app.index.find_person("Gary Sinise").best
    misspelt = any_app.index.find_person("Nicholas Cage").best
    assert sinise is not None and misspelt is not None
    merged = await say(any_app, "!person merge Nicholas Cage into Gary Sinise")
    assert text_of(merged).startswith("Merged Nicholas Cage into Gary Sinise")
    assert misspelt.id not in any_app.index.film_people(snake)
    assert sinise.id in any_app.index.film_people(snake)
    assert any_app.index.person(misspelt.id) is None
    for character in ("Kevin Dunne", "Rick Santoro", "Himself"):
        await cast_remove(any_app, f"Gary Sinise as {character}")
    await assert_gone_from_look_ups(any_app, "Gary Sinise")


async def test_an_orphan_leaves_the_other_process_through_the_feed(postgres_url: str) -> None:
    """Two apps on one PostgreSQL database (each its own index and change feed): a cast fixed
    in one drops the orphan from the other's look-ups; then the film removed in one drops its
    last people from the other (the film gone: its former people checked)."""
    writer = await Popcorn.start(make_settings(postgres_url))
    reader = await Popcorn.start(make_settings(postgres_url))
    try:
        await add_record(writer, SNAKE_EYES)
        snake = await film_id(writer)

        async def knows_snake_eyes() -> bool:
            return len(reader.index.film_people(snake)) == 4

        assert await until(knows_snake_eyes)
        assert offered(reader, "Gary Sinise")

        with statements(reader) as sent:
            await cast_remove(writer, "Gary Sinise as Kevin Dunne")

            async def sinise_gone() -> bool:
                return not offered(reader, "Gary Sinise")

            assert await until(sinise_gone), "the other process still offers the orphan"
        assert not any("NOT (EXISTS" in s.upper() or "NOT EXISTS" in s.upper() for s in sent)
        await assert_gone_from_look_ups(reader, "Gary Sinise")
        assert offered(reader, "Nicholas Cage") and offered(reader, "Nicolas Cage")

        # The film removed (its review first): its people with no other film leave too.
        removing = await say(writer, "!review remove snake eyes")
        assert isinstance(removing, Confirmation)
        await writer.apply(removing.change)
        done = await say(writer, "!film remove snake eyes")
        assert isinstance(done, Notice) and done.text.startswith("Removed the film Snake Eyes")

        async def nicholas_gone() -> bool:
            return reader.index.film(snake) is None and not offered(reader, "Nicholas Cage")

        assert await until(nicholas_gone), "the other process still offers the orphan"
        await assert_gone_from_look_ups(reader, "Nicholas Cage")
        assert offered(reader, "Nicolas Cage")  # credited on his other films
        for app in (writer, reader):
            films = await say(app, "!filmography nicolas cage", actor=None)
            assert isinstance(films, ItemList) and films.title == "Nicolas Cage: filmography"
    finally:
        await reader.close()
        await writer.close()


async def test_an_orphan_made_by_another_sqlite_process_leaves_at_its_look_up(
    sqlite_url: str, seeded_sqlite: Path
) -> None:
    """On SQLite no feed tells the other processes of a change: the orphan is still in their
    index. Looked up, its card shows no credit (no extra statement): it is forgotten and the
    look-up made again, as the query of every look-up did before."""
    copy_sqlite(seeded_sqlite, sqlite_url)
    writer = await Popcorn.start(make_settings(sqlite_url))
    try:
        await add_record(writer, SNAKE_EYES)
        reader = await Popcorn.start(make_settings(sqlite_url))
        try:
            assert offered(reader, "Gary Sinise")
            await cast_remove(writer, "Gary Sinise as Kevin Dunne")
            assert offered(reader, "Gary Sinise")  # nobody told it
            films = await say(reader, "!filmography gary sinise", actor=None)
            assert "Gary Sinise: filmography" not in str(films) and "0 films" not in str(films)
            assert not offered(reader, "Gary Sinise")
            await assert_gone_from_look_ups(reader, "Gary Sinise")
        finally:
            await reader.close()
    finally:
        await writer.close()
