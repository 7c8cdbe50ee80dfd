"""Helpers shared by tests (import them from here, fixtures live in conftest.py)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.config import DEFAULT_DATA_DIR, Settings
from tests.processes import run_bot

if TYPE_CHECKING:
    from bot.answers.types import Answer
    from bot.app import Popcorn
    from bot.discord_bot.client import PopcornBot

T = TypeVar("T")
POSTGRES_ENV = "POPCORN_TEST_POSTGRES_URL"
REPO = Path(__file__).resolve().parents[1]
#: The answer tests' own records (several reviewed films, two called The Wicker Man, ...).
ANSWER_DATA = REPO / "tests" / "answers" / "data"
SEED_ARTICLE = REPO.parent / "shared" / "seed" / "leaving-las-vegas-bluray-review.txt"
SEED_MISSING = f"the seed article {SEED_ARTICLE} is not there (a clone without ../shared)"


def seed_article_text() -> str:
    """The site's real review in its template, or skip the test that needs it (a fresh clone
    has nothing beside it)."""
    import pytest

    if not SEED_ARTICLE.exists():
        pytest.skip(SEED_MISSING)
    return SEED_ARTICLE.read_text(encoding="utf-8")


#: Leaving Las Vegas's cast in billing order, as the site's review lists it.
LLV_CAST = [
    ("Nicolas Cage", "Ben Sanderson"),
    ("Elisabeth Shue", "Sera"),
    ("Julian Sands", "Yuri Butsov"),
    ("Richard Lewis", "Peter"),
    ("Steven Weber", "Marc Nussbaum"),
    ("Emily Procter", "Debbie"),
    ("Valeria Golino", "Terri"),
    ("Thomas Kopache", "Mr. Simpson"),
    ("Laurie Metcalf", "Landlady"),
]


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for a test: no .env file, no token, the shipped data folder."""
    values: dict[str, object] = {
        "DATABASE_URL": database_url,
        "POPCORN_DATA_DIR": DEFAULT_DATA_DIR,
        "DISCORD_TOKEN": None,
        "POPCORN_AFFILIATE_TAG": None,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def run_async(work: Callable[[], Awaitable[T]]) -> T:
    """`asyncio.run(work())` on a thread of its own: callable from sync code that may itself be
    running inside an event loop (a session fixture first asked for by an async fixture)."""

    async def main() -> T:
        return await work()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


def seed_sqlite_file(
    path: Path, *, start_from: Path | None = None, imports: Sequence[Path] = ()
) -> Path:
    """A SQLite file as the first `Popcorn.start` leaves it (migrated, data/ loaded), then
    `imports` imported; `start_from`: a seeded file to begin with (copied). Checkpointed into
    the one file, so a copy of it is the whole database."""
    from bot.app import Popcorn
    from bot.db.urls import to_async_url

    if start_from is not None:
        shutil.copyfile(start_from, path)

    async def seed() -> None:
        app = await Popcorn.start(make_settings(to_async_url(f"sqlite:///{path}")))
        try:
            if imports:
                await app.import_paths(list(imports), reindex=False)
        finally:
            await app.close()

    run_async(seed)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def copy_sqlite(template: Path, url: str) -> bool:
    """The template's copy at the SQLite `url`'s path, unless something already made a file
    there (then the test's own start migrates and seeds it, as without a template): copied?"""
    path = Path(url.split(":///", 1)[1])
    if path.exists():
        return False
    shutil.copyfile(template, path)
    return True


@contextlib.asynccontextmanager
async def dpytest_bot(app: Popcorn) -> AsyncIterator[PopcornBot]:
    """The real bot on `app`, wired to dpytest's fake Discord backend (the core is closed by
    whoever made `app`)."""
    import discord
    import discord.ext.test as dpytest

    from bot.discord_bot.client import create_bot

    # dpytest builds members from the member cache, which needs the members intent; the bot
    # itself does not ask for it (it needs no member list).
    bot = create_bot(app.settings, core=app, intents=discord.Intents.all())
    # `async with bot` sets a client up on the running loop; it is entered and not left,
    # because leaving closes the gateway connection, which dpytest's fake websocket cannot do.
    await bot.__aenter__()
    await bot.setup_hook()
    dpytest.configure(bot, members=2)
    try:
        yield bot
    finally:
        await dpytest.empty_queue()


async def answered(app: Popcorn, text: str) -> Answer:
    """What `app` answers to a message, checked against Discord's limits as it would be sent."""
    from bot.discord_bot.views import interactive_reply
    from tests.discord_bot.limits_check import assert_within_limits

    answer = await app.answer_text(text)
    assert answer is not None
    assert_within_limits(interactive_reply(answer, 1, app))
    return answer


def run_popcorn(
    args: list[str], db: Path, cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`popcorn ARGS` in a process of its own (tests/processes.py: forked from a server that
    has the bot imported), as a user runs it, on the SQLite file `db`: no token, no affiliate
    tag, the default prefix and data folder, run in `cwd` (away from any .env file in the
    repository)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISCORD_TOKEN", "POPCORN_AFFILIATE_TAG", "POPCORN_PREFIX", "POPCORN_DATA_DIR")
    }
    env["POPCORN_DB_PATH"] = str(db)
    env["DATABASE_URL"] = f"sqlite:///{db}"
    env["PYTHONPATH"] = str(REPO)
    return run_bot(args, cwd=cwd, env=env, stdin=stdin, timeout=120)
