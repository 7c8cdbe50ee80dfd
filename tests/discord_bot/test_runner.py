"""`popcorn run` (bot/discord_bot/runner.py): SIGTERM closes the database before run_discord
returns; settings one process cannot honour stop it."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from typing import Any

import pytest
from discord.ext import commands

from bot.discord_bot import runner
from bot.discord_bot.client import create_bot
from tests.helpers import make_settings


async def test_sigterm_closes_the_database_before_run_discord_returns(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The same run_discord as `popcorn run`, with login and the gateway connection faked:
    the bot starts its own core, receives SIGTERM while connected, and must have closed the
    database by the time run_discord returns (asyncio.run cancels whatever is left)."""
    settings = make_settings(sqlite_url, DISCORD_TOKEN="fake.token.value")
    made: list[Any] = []

    def factory(s: Any) -> commands.Bot:
        bot = create_bot(s)
        closed = asyncio.Event()
        http_close = bot.http.close

        async def login(_token: str) -> None:
            await bot.setup_hook()  # `async with bot` in run_discord has set the loop up

        async def connect(*, reconnect: bool = True) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            await closed.wait()  # the gateway connection ends inside discord.py's close()

        async def closing_http() -> None:
            closed.set()
            await http_close()

        bot.http.close = closing_http  # type: ignore[method-assign]
        bot.login = login  # type: ignore[method-assign]
        bot.connect = connect  # type: ignore[method-assign]
        made.append(bot)
        return bot

    monkeypatch.setattr(runner, "create_bot", factory)
    with caplog.at_level(logging.INFO):
        assert await runner.run_discord(settings) == 0
    assert "SIGTERM received" in caplog.text
    assert "database closed" in caplog.text
    assert caplog.text.count("database closed") == 1
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]
    assert not any("close" in repr(t.get_coro()) for t in others), others


async def test_sharding_settings_one_process_cannot_honour_stop_popcorn_run(
    sqlite_url: str,
) -> None:
    settings = make_settings(sqlite_url, DISCORD_TOKEN="fake.token.value", POPCORN_SHARDED="true")
    with pytest.raises(runner.DiscordStartError, match="POPCORN_SHARD_COUNT"):
        await runner.run_discord(settings)
