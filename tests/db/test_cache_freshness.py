"""No reply shows a film as it was before a change (issue 13): the document cache
(bot/db/read_cache.py) forgets a film when it changes, in this process (Popcorn.announce) and,
on PostgreSQL, in the other processes (the change feed). And a cache hit reads no database."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.answers.types import Answer, Card, Confirmation, ItemList, Notice
from bot.app import Popcorn
from bot.db.documents import FilmDocument
from bot.db.models import Film
from bot.db.reading import load_film
from tests.answers.moderation.helpers import OWNER, say
from tests.db.test_change_feed import ChatProcess
from tests.helpers import REPO, make_settings

LLV = "leaving las vegas"
LLV_SLUG = "leaving-las-vegas-1995"
OLD_VERDICT = "Great film let down by poor audio on the Blu-ray release"
NEW_VERDICT = "Still great, the audio still quiet"
#: How long another process may take to hear of a change (tests/db/test_change_feed.py).
FEED_DEADLINE = 2.0


def shown(answer: Answer | None) -> str:
    """Everything a reply says, as one text."""
    if isinstance(answer, Card):
        parts = [
            answer.title,
            answer.description or "",
            *(f"{f.name}: {f.value}" for f in answer.fields),
        ]
        return "\n".join(parts)
    if isinstance(answer, ItemList):
        return "\n".join([answer.title, *answer.items])
    assert isinstance(answer, Notice), answer
    return answer.text


async def verdict(app: Popcorn) -> str:
    return shown(await app.answer_text(f"!verdict {LLV}"))


async def llv_id(app: Popcorn) -> int:
    async with app.sessions() as session:
        film_id = await session.scalar(select(Film.id).where(Film.slug == LLV_SLUG))
    assert film_id is not None
    return film_id


@contextmanager
def database_use(app: Popcorn) -> Iterator[dict[str, int]]:
    """Counts the statements sent and the connections checked out of the pool meanwhile."""
    counts = {"statements": 0, "checkouts": 0}

    def executed(*_: object) -> None:
        counts["statements"] += 1

    def checked_out(*_: object) -> None:
        counts["checkouts"] += 1

    # The sessions' engine, and on SQLite the read connection (bot/db/reading.py): each
    # statement its sqlite3 connection runs, and its engine's checkouts.
    engines = [app.engine.sync_engine] + ([app.reader.engine] if app.reader is not None else [])
    read = app.reader.trace(executed) if app.reader is not None else contextlib.nullcontext()
    event.listen(app.engine.sync_engine, "before_cursor_execute", executed)
    for engine in engines:
        event.listen(engine.pool, "checkout", checked_out)
    try:
        with read:
            yield counts
    finally:
        event.remove(app.engine.sync_engine, "before_cursor_execute", executed)
        for engine in engines:
            event.remove(engine.pool, "checkout", checked_out)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_cached_film_is_answered_without_the_database(shared_app: Popcorn) -> None:
    with database_use(shared_app) as first:
        assert OLD_VERDICT in await verdict(shared_app)
    # A miss reads the database: through one session's connection, or on SQLite the read
    # connection the app holds open (no checkout).
    assert first["statements"] >= 1 and first["checkouts"] <= 1
    hits = shared_app.documents.stats()["hits"]
    for command in (
        f"!verdict {LLV}",
        f"!review {LLV}",
        f"!cast {LLV}",
        "!review levaing las vegs",
    ):
        with database_use(shared_app) as again:
            answer = await shared_app.answer_text(command)
        assert "Leaving Las Vegas (1995)" in shown(answer)
        # The session of the command never connected: no statement, no connection.
        assert again == {"statements": 0, "checkouts": 0}, command
    assert shared_app.documents.stats()["hits"] == hits + 4


async def test_an_edit_is_shown_at_once(any_app: Popcorn) -> None:
    assert OLD_VERDICT in await verdict(any_app)
    assert (await llv_id(any_app)) in any_app.documents  # cached by the read
    saved = await say(any_app, f"!review set {LLV} verdict {NEW_VERDICT}")
    assert shown(saved).startswith("Saved.")
    after = await verdict(any_app)
    assert NEW_VERDICT in after and OLD_VERDICT not in after
    # What the cache holds now is what the database says.
    cached = any_app.documents.get(await llv_id(any_app))
    async with any_app.sessions() as session:
        assert cached is not None and cached == await load_film(session, (await llv_id(any_app)))
        assert cached.review is not None and cached.review.verdict == NEW_VERDICT


async def test_a_confirmed_removal_is_shown_at_once(any_app: Popcorn) -> None:
    assert OLD_VERDICT in await verdict(any_app)
    asked = await say(any_app, f"!review remove {LLV}")
    assert isinstance(asked, Confirmation)
    await any_app.apply(asked.change)
    after = await verdict(any_app)
    assert OLD_VERDICT not in after and "Not reviewed yet" in after


async def test_a_person_renamed_is_shown_on_every_film_at_once(any_app: Popcorn) -> None:
    """The rename's event names no film: its films are `touched`, and forgotten."""
    assert "Elisabeth Shue" in shown(await any_app.answer_text(f"!cast {LLV}"))
    renamed = await say(any_app, "!person rename Elisabeth Shue = Elizabeth Shue")
    assert shown(renamed).startswith("Renamed Elisabeth Shue to Elizabeth Shue")
    cast = shown(await any_app.answer_text(f"!cast {LLV}"))
    assert "Elizabeth Shue" in cast and "Elisabeth Shue" not in cast


async def test_an_import_is_shown_at_once(app: Popcorn, tmp_path: Path) -> None:
    assert OLD_VERDICT in await verdict(app)
    record = (REPO / "data/reviews/leaving-las-vegas-1995.yaml").read_text(encoding="utf-8")
    assert OLD_VERDICT in record
    (tmp_path / "llv.yaml").write_text(record.replace(OLD_VERDICT, NEW_VERDICT), "utf-8")
    stats = await app.import_paths([tmp_path])
    assert stats.films_updated == 1
    assert NEW_VERDICT in await verdict(app)


async def test_a_settings_change_keeps_the_cache(app: Popcorn) -> None:
    """An event of no film (a server's settings) forgets nothing."""
    await verdict(app)
    await app.answer_text("!modlog off", OWNER)
    assert (await llv_id(app)) in app.documents


async def within_the_feed_delay(app: Popcorn, wanted: str) -> float:
    """Asks `app` for the verdict until it shows `wanted`; how long that took."""
    started = time.monotonic()
    while NEW_VERDICT not in (said := await verdict(app)):
        assert time.monotonic() - started <= FEED_DEADLINE, said
        await asyncio.sleep(0.02)
    return time.monotonic() - started


async def test_another_process_on_postgresql_serves_the_change(postgres_url: str) -> None:
    """Two apps, two engines on one database (as two processes): B has the film cached,
    A changes it, B shows the change within the feed's delay, never the old one after."""
    first = await Popcorn.start(make_settings(postgres_url))
    second = await Popcorn.start(make_settings(postgres_url))
    try:
        assert OLD_VERDICT in await verdict(second)
        assert OLD_VERDICT in await verdict(second)  # now from B's cache
        assert second.documents.stats()["hits"] >= 1
        await say(first, f"!review set {LLV} verdict {NEW_VERDICT}")
        await within_the_feed_delay(second, NEW_VERDICT)
        assert NEW_VERDICT in await verdict(second)
        assert (await llv_id(second)) in second.documents  # cached again, as it is now
    finally:
        await second.close()
        await first.close()


async def test_another_bot_process_serves_the_change(postgres_url: str) -> None:
    """The same with a real second process: `popcorn chat` on the same database."""
    app = await Popcorn.start(make_settings(postgres_url))
    reader = await ChatProcess.start(postgres_url.replace("+asyncpg", ""))
    try:

        async def description() -> str:
            replies = await reader.say(f"!verdict {LLV}")
            return str(replies[0]["embeds"][0].get("description"))

        assert OLD_VERDICT in await description()
        assert OLD_VERDICT in await description()  # cached there
        await say(app, f"!review set {LLV} verdict {NEW_VERDICT}")
        started = time.monotonic()
        while NEW_VERDICT not in (said := await description()):
            assert time.monotonic() - started <= FEED_DEADLINE, said
            await asyncio.sleep(0.05)
    finally:
        await reader.stop()
        await app.close()


async def test_a_read_in_flight_during_a_change_is_not_cached(
    app: Popcorn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command reads the film (a miss), another saves a change meanwhile, then the first
    read ends: what it read is the film before the change, and is not cached."""
    import bot.db.reading as reading

    film_id = await llv_id(app)
    load_film_now = reading.load_film
    read, go = asyncio.Event(), asyncio.Event()

    async def slow_load(session: AsyncSession, wanted: int) -> FilmDocument | None:
        doc = await load_film_now(session, wanted)
        if not read.is_set():  # the first read only: it waits with the old film in hand
            read.set()
            await go.wait()
        return doc

    monkeypatch.setattr(reading, "load_film", slow_load)
    # The race needs an await between the miss and the put: the sessions' path (PostgreSQL's).
    # On SQLite the read connection loads with none (bot/db/reading.py: ReadConnection).
    monkeypatch.setattr(app, "reader", None)
    async with app.sessions() as session:
        first = asyncio.create_task(app.context(session).reads.film(film_id))
        await read.wait()
        await say(app, f"!review set {LLV} verdict {NEW_VERDICT}")
        go.set()
        old = await first
    assert old is not None and old.review is not None and old.review.verdict == OLD_VERDICT
    assert film_id not in app.documents
    assert app.documents.stats()["refused"] == 1
    assert NEW_VERDICT in await verdict(app)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Elisabeth Shue", "Elizabeth Shue"),  # one film: signalled film by film
        ("Nicolas Cage", "Nic Cage"),  # past FEED_FILMS films: signalled as a resync
    ],
)
async def test_a_rename_reaches_another_process(postgres_url: str, old: str, new: str) -> None:
    first = await Popcorn.start(make_settings(postgres_url))
    second = await Popcorn.start(make_settings(postgres_url))
    try:
        assert old in shown(await second.answer_text(f"!cast {LLV}"))
        assert (await llv_id(second)) in second.documents
        renamed = await say(first, f"!person rename {old} = {new}")
        assert shown(renamed).startswith(f"Renamed {old} to {new}")
        started = time.monotonic()
        while old in (cast := shown(await second.answer_text(f"!cast {LLV}"))):
            assert time.monotonic() - started <= FEED_DEADLINE, cast
            await asyncio.sleep(0.02)
        assert f"**{new}** as" in cast
    finally:
        await second.close()
        await first.close()
