"""`popcorn run`: connect to Discord and serve until stopped (SIGTERM/SIGINT close cleanly)."""

from __future__ import annotations

import asyncio
import logging
import signal

import discord

from bot.config import Settings
from bot.discord_bot.client import ShardingError, create_bot

log = logging.getLogger(__name__)


class DiscordStartError(RuntimeError):
    """Discord refused to start the bot for a reason the owner can fix."""


async def run_discord(settings: Settings) -> int:
    assert settings.discord_token is not None
    try:
        bot = create_bot(settings)
    except ShardingError as exc:
        raise DiscordStartError(str(exc)) from None
    loop = asyncio.get_running_loop()
    closing: set[asyncio.Task[None]] = set()

    def stop(signame: str) -> None:
        log.info("%s received: closing", signame)
        task = loop.create_task(bot.close())
        closing.add(task)
        task.add_done_callback(closing.discard)

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop, sig.name)
    try:
        async with bot:
            await bot.start(settings.discord_token.get_secret_value())
    except discord.LoginFailure:
        raise DiscordStartError(
            "Discord refused the token in DISCORD_TOKEN: copy it again from the Bot page "
            "of your application in the developer portal."
        ) from None
    except discord.PrivilegedIntentsRequired:
        raise DiscordStartError(
            "Discord refused the Message Content intent: switch it on under Bot > "
            "Privileged Gateway Intents in the developer portal."
        ) from None
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        # `async with` skips close() when a signal already started it: await that closing
        # (Discord, then the database) here, or asyncio.run would cancel it half-way.
        if closing:
            await asyncio.gather(*closing, return_exceptions=True)
        await bot.close()  # idempotent: the same closing, or the one `async with` ran
    return 0
