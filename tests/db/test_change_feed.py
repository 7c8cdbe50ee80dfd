"""Two real bot processes on one PostgreSQL database: a moderator's change made through one
is found by fuzzy look-ups in the other within 2 seconds (LISTEN/NOTIFY, no polling)."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path
from typing import Any

from tests.helpers import REPO
from tests.processes import ForkedProcess, start_bot_async

DEADLINE = 2.0


def env_for(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["DATABASE_URL"] = database_url
    env["POPCORN_LOG_LEVEL"] = "WARNING"
    return env


class ChatProcess:
    """`popcorn chat --json` kept running: one JSON line out for each line in."""

    def __init__(self, proc: asyncio.subprocess.Process | ForkedProcess) -> None:
        self.proc = proc

    @classmethod
    async def start(cls, database_url: str, *args: str) -> ChatProcess:
        """A real process of its own: forked by tests/processes.py's server as `python -m bot
        chat --json ARGS` (POPCORN_TEST_SUBPROCESS=1: asyncio.create_subprocess_exec of it)."""
        proc = await start_bot_async(
            ["chat", "--json", *args], cwd=REPO, env=env_for(database_url),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        return cls(proc)

    async def say(self, line: str) -> list[dict[str, Any]]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line.encode() + b"\n")
        await self.proc.stdin.drain()
        out = await asyncio.wait_for(self.proc.stdout.readline(), timeout=60)
        if not out:
            err = await self.proc.stderr.read() if self.proc.stderr else b""
            raise AssertionError(f"the bot process ended: {err.decode()[-2000:]}")
        return json.loads(out)

    async def stop(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            await asyncio.wait_for(self.proc.wait(), timeout=20)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()


def title(replies: list[dict[str, Any]]) -> str | None:
    embeds = replies[0]["embeds"] if replies else []
    return embeds[0].get("title") if embeds else None


async def test_a_change_in_one_process_is_found_in_the_other(postgres_url: str) -> None:
    url = postgres_url.replace("+asyncpg", "")  # the form users write
    reader = await ChatProcess.start(url)
    writer = await ChatProcess.start(url, "--moderator")
    try:
        assert title(await reader.say("!review leaving las vegas")) == "Leaving Las Vegas (1995)"
        assert title(await reader.say("!review the swap movie")) != "Face/Off (1997)"

        saved = await writer.say('!alias add face off "the swap movie"')
        assert "Saved" in saved[0]["content"]
        changed_at = time.monotonic()
        while True:
            found = title(await reader.say("!review the swap movie")) == "Face/Off (1997)"
            if found or time.monotonic() - changed_at > DEADLINE:
                break
            await asyncio.sleep(0.05)
        assert found, "the other process did not see the new alias within 2 seconds"
        elapsed = time.monotonic() - changed_at
        assert elapsed <= DEADLINE
    finally:
        await reader.stop()
        await writer.stop()


def test_the_feed_module_is_postgres_only() -> None:
    from bot.db.feed import supports_feed

    class Dialect:
        name = "sqlite"

    class Engine:
        dialect = Dialect()

    assert supports_feed(Engine()) is False  # type: ignore[arg-type]
    assert Path(__file__).exists()
