"""The owner's commands (bot/discord_bot/owner.py): `!sync`."""

from __future__ import annotations

from unittest.mock import AsyncMock

import discord
import discord.ext.test as dpytest

from bot.discord_bot.client import PopcornBot
from bot.discord_bot.owner import owner_command
from tests.discord_bot.fakes import (
    fake_guild_context,
)


def sent() -> discord.Message:
    return dpytest.get_message()


async def test_sync_is_for_the_owner_only(live_bot: PopcornBot) -> None:
    await dpytest.message("!sync")
    assert sent().content == "You can't use that command."


async def test_the_owner_syncs_the_slash_commands(bot: PopcornBot) -> None:
    ctx = fake_guild_context(bot, discord.Permissions(send_messages=True))
    bot.is_owner = AsyncMock(return_value=True)  # type: ignore[method-assign]
    bot.tree.sync = AsyncMock(return_value=[object(), object()])  # type: ignore[method-assign]
    await owner_command(ctx, "sync", "")
    bot.tree.sync.assert_awaited_once_with(guild=ctx.guild)
    assert ctx.send.await_args.args[0] == "Synced 2 slash commands to this server."
    await owner_command(ctx, "sync", "everywhere")
    assert ctx.send.await_args.args[0] == "I didn't understand that. Try `!help`."
    bot.is_owner = AsyncMock(return_value=False)  # type: ignore[method-assign]
    await owner_command(ctx, "sync", "global")
    assert ctx.send.await_args.args[0] == "You can't use that command."
    assert bot.tree.sync.await_count == 1
