"""Two `popcorn import` of the same catalogue at once (two real processes, forked by
tests/processes.py's server as `python -m bot import`, plain subprocesses with
POPCORN_TEST_SUBPROCESS=1): the second waits for the first and both end with a one-line result,
instead of the loser dying with an IntegrityError traceback. Issue #10, class 12."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.engine import create_engine
from bot.db.locks import IMPORT_LOCK
from tests.helpers import REPO
from tests.processes import start_bot

WAITING = "another import into this database is running"


def start_import(database_url: str, cwd: Path) -> subprocess.Popen[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("POPCORN_") and k not in ("DISCORD_TOKEN", "DATABASE_URL")
    }
    env.update(DATABASE_URL=database_url, PYTHONPATH=str(REPO))
    return start_bot(
        ["import", str(REPO / "data")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
    )


def wait_until_waiting(proc: subprocess.Popen[str]) -> str:
    """Read stderr up to the 'waiting' line (EOF first: the process never waited)."""
    assert proc.stderr is not None
    seen = ""
    while line := proc.stderr.readline():
        seen += line
        if WAITING in line:
            return seen
    pytest.fail(f"the import did not wait for the lock: {seen!r}")


def finish(procs: list[subprocess.Popen[str]], seen: list[str]) -> None:
    """Each ends with exit 0 and one 'Imported ...' line, no traceback."""
    for proc, before in zip(procs, seen, strict=True):
        out, err = proc.communicate(timeout=300)
        err = before + err
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "IntegrityError" not in err, err
        lines = out.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Imported "), out


def sqlite_films(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM films").fetchone()[0])


def test_two_imports_at_once_on_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "popcorn.sqlite3"
    url = f"sqlite:///{db}"
    with open(f"{db}-import.lock", "a+b") as held:  # a third import, still running
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        procs = [start_import(url, tmp_path) for _ in range(2)]
        seen = [wait_until_waiting(proc) for proc in procs]
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    finish(procs, seen)
    assert sqlite_films(db) > 80


def test_two_imports_racing_on_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "popcorn.sqlite3"
    procs = [start_import(f"sqlite:///{db}", tmp_path) for _ in range(2)]
    finish(procs, ["", ""])
    assert sqlite_films(db) > 80


async def postgres_films(postgres_url: str) -> int:
    engine = create_engine(postgres_url)
    try:
        async with engine.connect() as conn:
            return int(await conn.scalar(text("SELECT count(*) FROM films")))
    finally:
        await engine.dispose()


async def test_two_imports_at_once_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    import asyncpg

    url = make_url(postgres_url)
    plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username,
        password=url.password, database=url.database,
    )  # fmt: skip
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", IMPORT_LOCK)
        procs = [start_import(plain, tmp_path) for _ in range(2)]
        seen = [await asyncio.to_thread(wait_until_waiting, proc) for proc in procs]
        await conn.execute("SELECT pg_advisory_unlock($1)", IMPORT_LOCK)
    finally:
        await conn.close()
    await asyncio.to_thread(finish, procs, seen)
    assert await postgres_films(postgres_url) > 80


async def test_two_imports_racing_on_postgres(postgres_url: str, tmp_path: Path) -> None:
    plain = make_url(postgres_url).set(drivername="postgresql")
    procs = [start_import(plain.render_as_string(hide_password=False), tmp_path) for _ in "ab"]
    await asyncio.to_thread(finish, procs, ["", ""])
    assert await postgres_films(postgres_url) > 80
