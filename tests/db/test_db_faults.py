"""A command that meets a database fault mid-session ends in one line and changes nothing:
SQLite's "database is locked" (another process holding the write lock longer than the busy
timeout) and a full disk (SQLite's max_page_count stands in for it). Issue #10, classes 13, 17."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from bot.answers.types import Actor, Answer, Confirmation, Notice
from bot.app import Popcorn
from bot.db import engine as engine_module
from bot.db.faults import BUSY, FULL, fault_kind, startup_message
from tests.db.test_storage import snapshot
from tests.helpers import make_settings

MOD = Actor(7, "Mod Erator", is_moderator=True, guild_id=99)
OWNER = Actor(8, "Owner", is_moderator=True, guild_id=99, is_guild_owner=True)


@pytest.fixture
async def quick_app(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Popcorn]:
    """The bot on a SQLite file, its writers giving up after 50 ms instead of 30 s."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    app = await Popcorn.start(make_settings(sqlite_url))
    try:
        yield app
    finally:
        await app.close()


@pytest.fixture
def write_lock(sqlite_url: str) -> Iterator[sqlite3.Connection]:
    """Another process's long import: a connection holding SQLite's write lock."""
    conn = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


async def say(app: Popcorn, text: str, actor: Actor = MOD) -> Answer:
    answer = await app.answer_text(text, actor)
    assert answer is not None
    return answer


def one_line(answer: Answer) -> str:
    assert isinstance(answer, Notice), answer
    assert "\n" not in answer.text and len(answer.text) < 120, answer.text
    return answer.text


async def test_a_busy_database_is_a_one_line_reply_then_works_again(
    quick_app: Popcorn, write_lock: sqlite3.Connection
) -> None:
    confirm = await say(quick_app, "!review remove leaving las vegas")
    assert isinstance(confirm, Confirmation)
    before = await snapshot(quick_app.engine)
    write_lock.execute("BEGIN IMMEDIATE")
    busy = [
        await say(quick_app, "!review set leaving las vegas audio OK"),
        await say(quick_app, "!modlog 234567890123456789", OWNER),
        await quick_app.apply(confirm.change),
    ]
    for answer in busy:
        assert one_line(answer).startswith("The database is busy, try again in a moment.")
    # readers are not held up by the writer
    assert "Leaving Las Vegas" in str(await say(quick_app, "!review leaving las vegas"))
    write_lock.execute("ROLLBACK")
    assert await snapshot(quick_app.engine) == before
    assert "Done" in one_line(await quick_app.apply(confirm.change))
    assert "<#234567890123456789>" in one_line(
        await say(quick_app, "!modlog 234567890123456789", OWNER)
    )


async def test_a_full_disk_saves_nothing_and_says_so(app: Popcorn) -> None:

    def no_room(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages}")  # not one page more: SQLITE_FULL
        cursor.close()

    await app.engine.dispose()  # new connections, each with no room to grow
    event.listen(app.engine.sync_engine, "connect", no_room)
    # Each edit stores ~2 KB (the new text and the change log's old and new values): within a
    # few edits one needs a new page, which the disk "does not have".
    for attempt in range(20):
        before = await snapshot(app.engine)
        text = f"take {attempt} " + "very long notes " * 55
        answer = await say(app, f"!review set leaving las vegas verdict {text}")
        if not (isinstance(answer, Notice) and answer.text.startswith("Saved.")):
            break
    assert "disk is full: nothing was saved" in one_line(answer), answer
    assert await snapshot(app.engine) == before
    event.remove(app.engine.sync_engine, "connect", no_room)
    await app.engine.dispose()
    saved = one_line(await say(app, "!review set leaving las vegas verdict room again"))
    assert saved.startswith("Saved."), saved


def test_fault_kinds_from_driver_errors() -> None:
    assert fault_kind(sqlite3.OperationalError("database is locked")) == BUSY
    assert fault_kind(OSError(28, "No space left on device")) == FULL
    assert fault_kind(ValueError("database is locked")) is None
    line = startup_message(
        sqlite3.OperationalError("database or disk is full"), "POPCORN_DB_PATH", "x.db"
    )
    assert "full" in line and "POPCORN_DB_PATH" in line and "\n" not in line
    assert fault_kind(RuntimeError("boom")) is None
