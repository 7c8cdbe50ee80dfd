"""Owner-only upkeep, typed as a prefix command: `!sync` syncs the slash commands deliberately,
never on every start-up. Not in the command table: it is Discord's business only."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.discord_bot.errors import CANNOT_USE

if TYPE_CHECKING:
    from bot.discord_bot.context import PopcornContext

log = logging.getLogger(__name__)
OWNER_COMMANDS = frozenset({"sync"})
SCOPES = ("guild", "global", "clear")


async def owner_command(ctx: PopcornContext, name: str, text: str) -> None:
    """`name` is one of OWNER_COMMANDS; only the bot's owner may use it."""
    if not await ctx.bot.is_owner(ctx.author):
        await ctx.tell(CANNOT_USE)
        return
    await sync(ctx, text.strip().casefold() or "guild")


async def sync(ctx: PopcornContext, scope: str) -> None:
    """`!sync` (this server), `!sync global` (every server, up to an hour), `!sync clear`."""
    if scope not in SCOPES:
        await ctx.tell(f"I didn't understand that. Try `{ctx.bot.settings.prefix}help`.")
        return
    tree = ctx.bot.tree
    if scope == "global":
        synced = await tree.sync()
        where = "globally"
    elif ctx.guild is None:
        await ctx.send("Use `sync global` in a DM, or `sync` in a server.")
        return
    elif scope == "clear":
        tree.clear_commands(guild=ctx.guild)
        synced = await tree.sync(guild=ctx.guild)
        where = "here (cleared)"
    else:
        tree.copy_global_to(guild=discord.Object(id=ctx.guild.id))
        synced = await tree.sync(guild=ctx.guild)
        where = "to this server"
    log.info("owner %s synced %d slash commands %s", ctx.author.id, len(synced), where)
    await ctx.send(f"Synced {len(synced)} slash commands {where}.")
